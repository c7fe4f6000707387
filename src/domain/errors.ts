/** The one error type of the project: a kind for code to branch on, a Chinese message for the clerk. */
export type DomainErrorKind =
  | 'invalid-input'
  | 'invalid-data-file'
  | 'invalid-rule-file'
  | 'rule-conflict'
  | 'unknown-person'
  /** A query that fits several persons or units where one is needed; the message lists them. */
  | 'ambiguous-query'
  | 'contradicts-record'
  | 'unknown-session'
  | 'store-conflict'
  /** The database cannot be reached, logged into, or has no roster schema yet. */
  | 'store-unavailable'
  /** The database refused: no privilege, a read-only replica, the append-only rule. */
  | 'store-refused'
  /** The store could not write (a full disk, a failed fsync): what it reports was or was not recorded. */
  | 'store-failed'
  /** A command's output file (-o) could not be written; nothing was. */
  | 'output-failed'
  | 'unsupported-version'
  | 'tampered-log'
  | 'nothing-to-report'
  // The console: accounts, roles and drafts.
  | 'login-failed'
  | 'not-permitted'
  | 'account-exists'
  | 'unknown-account'
  | 'unknown-draft'
  | 'draft-conflict';

/**
 * One of several problems a refusal lists (every problem of a batch told at once): where it is, what
 * is wrong, and, for an event the record refuses, which event and whom it is about. Plain data, for
 * `--json` and the API; the error's message says the same in sentences.
 */
export interface ListedProblem {
  /** `第3个事件（$[2]）`, `$[1].personId`. */
  readonly where: string;
  readonly message: string;
  /** The check that refused it (src/domain/check-findings.ts), where the record refused an event. */
  readonly code?: string;
  /** The event's place in the batch as submitted (0-based), and the seq it would have been recorded under. */
  readonly index?: number;
  readonly seq?: number;
  /** The person it is about, where it is about one. */
  readonly personId?: string;
  readonly name?: string;
}

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  /** Where the problem is: a file, a JSON path, a row. */
  readonly where: string | undefined;
  /** Every problem, where the error refuses a batch for several (its message lists them too). */
  readonly problems: readonly ListedProblem[] | undefined;

  constructor(kind: DomainErrorKind, message: string, where?: string, problems?: readonly ListedProblem[]) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'DomainError';
    this.kind = kind;
    this.where = where;
    this.problems = problems;
  }
}

export function isDomainError(e: unknown, kind?: DomainErrorKind): e is DomainError {
  return e instanceof DomainError && (kind === undefined || e.kind === kind);
}

/** `['events', 3, 'personId']` → `$.events[3].personId` */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
}
