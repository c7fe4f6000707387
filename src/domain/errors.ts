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

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  /** Where the problem is: a file, a JSON path, a row. */
  readonly where: string | undefined;

  constructor(kind: DomainErrorKind, message: string, where?: string) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'DomainError';
    this.kind = kind;
    this.where = where;
  }
}

export function isDomainError(e: unknown, kind?: DomainErrorKind): e is DomainError {
  return e instanceof DomainError && (kind === undefined || e.kind === kind);
}

/** `['events', 3, 'personId']` → `$.events[3].personId` */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
}
