/**
 * The port for keeping a replay of the record (the roster as derived, the rules' findings) beside
 * it, so that a command need not replay the whole record again: a core (JSON values in sections,
 * rewritten whole, each section read only by a command that needs it) and lines (one JSON value each, in order, only ever added to), kept under a key that names
 * the head, the rules and the program they were derived with. What is kept is never the record:
 * losing it only costs time.
 */
/** A core to keep: `main` (read at once) and named sections (each read only when asked for). */
export interface CoreSections {
  readonly main: unknown;
  readonly sections: Readonly<Record<string, unknown>>;
  /** Sections that are tables (id → JSON value) a reader may read one entry at a time (`table`). */
  readonly tables?: ReadonlySet<string>;
}

/** A core as read: `main`, and each section parsed when first asked for (throws where there is none, or it is unreadable). */
export interface KeptCoreSections {
  readonly main: unknown;
  section(name: string): unknown;
  /**
   * A section kept as a table, read one entry at a time: a table whose entries are each parsed when
   * first read (it cannot be changed). Throws where the section is not one.
   */
  table(name: string): Readonly<Record<string, unknown>>;
}

export interface KeptReplay {
  readonly core: KeptCoreSections;
  /** The lines (findings and the like, one JSON value each, in order), where they were asked for. */
  readonly lines?: readonly unknown[];
  /**
   * How many records of the record, before the head the key names, the replay holds past its core:
   * a recording that continued it kept no new core (`extend` without one), and a reader replays
   * those last records onto the core. 0 where the core is the replay's own.
   */
  readonly behind: number;
  /** Where asked for lazily: line `i`, read and parsed when asked for (throws where it is not there or not sound). */
  readonly lineAt?: (i: number) => unknown;
}

export interface ReplayStore {
  /** What is kept under `key`, or undefined (nothing kept, kept under another key, or unreadable). */
  load(key: string, options?: { readonly coreOnly?: boolean; readonly lazyLines?: boolean }): Promise<KeptReplay | undefined>;
  /** Keep a replay under `key`, with all its lines. */
  save(key: string, core: CoreSections, lines: readonly unknown[]): Promise<void>;
  /**
   * Keep a replay that continues the one kept under `base` (whose lines are the first of its own):
   * only `added` lines are written. False, and nothing kept, where `base` is no longer what is kept.
   */
  extend(base: string, key: string, core: CoreSections, added: readonly unknown[]): Promise<boolean>;
  /**
   * Keep, under `key`, the replay kept under `base` followed by the record's last `behind` records
   * (those past its core): its core and lines stay as they are, nothing is rewritten. False, and
   * nothing kept, where `base` is no longer what is kept.
   */
  pass(base: string, key: string, behind: number): Promise<boolean>;
}
