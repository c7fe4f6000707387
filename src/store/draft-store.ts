/**
 * The port for drafts: events entered in the console and not yet approved. They live beside the
 * record, outside its hash chain: a file next to the data file here (`FILE.drafts.json`).
 */
import { z } from 'zod';
import { Draft, type DraftStatus } from '../domain/drafts.js';
import { DomainError } from '../domain/errors.js';
import { LockedJsonFile } from './locked-json-file.js';

export type Transition = { readonly ok: true; readonly draft: Draft } | { readonly ok: false; readonly current: Draft };

export interface DraftStore {
  list(): Promise<readonly Draft[]>;
  get(id: string): Promise<Draft | undefined>;
  /** Stores a new draft under the next free number. */
  add(draft: Omit<Draft, 'id'>): Promise<Draft>;
  /**
   * Compare and set: changes the draft only while its status is still `from`, so that of two
   * reviewers acting at once exactly one wins; the other gets the draft as it now is.
   */
  transition(id: string, from: DraftStatus, change: (draft: Draft) => Draft): Promise<Transition>;
}

const DraftsFile = z.strictObject({ drafts: z.array(Draft) });
type DraftsFile = z.infer<typeof DraftsFile>;

export class FileDraftStore implements DraftStore {
  readonly #file: LockedJsonFile<DraftsFile>;

  constructor(dataFile: string) {
    this.#file = new LockedJsonFile(`${dataFile}.drafts.json`, DraftsFile, () => ({ drafts: [] }));
  }

  async list(): Promise<readonly Draft[]> {
    return (await this.#file.read()).drafts;
  }

  async get(id: string): Promise<Draft | undefined> {
    return (await this.list()).find((d) => d.id === id);
  }

  add(draft: Omit<Draft, 'id'>): Promise<Draft> {
    return this.#file.update(({ drafts }) => {
      const id = String(drafts.reduce((max, d) => Math.max(max, Number(d.id) || 0), 0) + 1);
      const stored: Draft = { id, ...draft };
      return { next: { drafts: [...drafts, stored] }, result: stored };
    });
  }

  transition(id: string, from: DraftStatus, change: (draft: Draft) => Draft): Promise<Transition> {
    return this.#file.update<Transition>((file) => {
      const { drafts } = file;
      const current = drafts.find((d) => d.id === id);
      if (!current) throw new DomainError('unknown-draft', `没有编号为 ${id} 的草稿`);
      if (current.status !== from) return { next: file, result: { ok: false, current } };
      const draft = change(current);
      return { next: { drafts: drafts.map((d) => (d === current ? draft : d)) }, result: { ok: true, draft } };
    });
  }
}
