/** The drafts file beside the data file (`FILE.drafts.json`). */
import * as z from 'zod';
import { Draft, type DraftStatus } from '../domain/drafts.js';
import { DomainError } from '../domain/errors.js';
import type { DraftStore, Transition } from './draft-store.js';
import { LockedJsonFile } from './locked-json-file.js';

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
