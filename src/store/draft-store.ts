/**
 * The port for drafts: events entered in the console and not yet approved. They live beside the
 * record, outside its hash chain: a file next to the data file (`file-draft-store.ts`), a table when the record is in PostgreSQL.
 */
import type { Draft, DraftStatus } from '../domain/drafts.js';

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
