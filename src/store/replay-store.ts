/**
 * The port for keeping a replay of the record (the roster as derived, the rules' findings) beside
 * it, so that a command need not replay the whole record again: a core (one JSON value) and the
 * findings (one JSON value each, in order), kept under a key that names the head, the rules and the
 * program they were derived with. What is kept is never the record: losing it only costs time.
 */
export interface KeptReplay {
  readonly core: unknown;
  /** The findings, where they were asked for. */
  readonly findings?: readonly unknown[];
}

export interface ReplayStore {
  /** What is kept under `key`, or undefined (nothing kept, kept under another key, or unreadable). */
  load(key: string, options?: { readonly coreOnly?: boolean }): Promise<KeptReplay | undefined>;
  /** Keep a replay under `key`, with all its findings. */
  save(key: string, core: unknown, findings: readonly unknown[]): Promise<void>;
  /**
   * Keep a replay that continues the one kept under `base` (whose findings are the first of its own):
   * only `added` findings are written. False, and nothing kept, where `base` is no longer what is kept.
   */
  extend(base: string, key: string, core: unknown, added: readonly unknown[]): Promise<boolean>;
}
