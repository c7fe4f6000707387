/** A problem in a roster file, located the way a clerk finds it: sheet, row, column. */
export type RosterProblemCode =
  | 'no-header'
  | 'duplicate-column'
  | 'missing-column'
  | 'no-rows'
  | 'missing-name'
  | 'missing-unit'
  | 'unknown-unit'
  | 'invalid-date'
  | 'invalid-text'
  | 'invalid-gender'
  | 'unknown-status'
  | 'duplicate-person'
  | 'above-unit-quota'
  | 'count-mismatch'
  | 'missing-named-member'
  | 'not-in-record'
  | 'already-deputy'
  | 'confirmed-after-balance'
  | 'no-opening-balance'
  | 'person-id-clash'
  // A change register (代表变动登记表).
  | 'unknown-change-type'
  | 'unknown-person'
  | 'ambiguous-person'
  | 'unit-mismatch'
  | 'missing-value'
  | 'invalid-value'
  | 'refused-by-record'
  // The electing units of a new congress.
  | 'duplicate-unit'
  | 'invalid-quota';

/** Where in a roster file a problem is, the way a clerk finds it. */
export interface ProblemPlace {
  readonly file: string;
  readonly sheet: string;
  /** The sheet row (1-based), where the problem is in one row. */
  readonly row?: number;
  /** The column letter (A, B, …), where the problem is in one cell. */
  readonly column?: string;
  /** The header of that column, as the sheet gives it. */
  readonly header?: string;
}

export interface RosterProblem extends ProblemPlace {
  readonly code: RosterProblemCode;
  readonly message: string;
  /** The person a row's change is about, where the record refuses it (`refused-by-record`). */
  readonly personId?: string;
  readonly name?: string;
}

/** 工作表“名册” 第12行 C列（出生年月）：… */
export function describeProblem(p: RosterProblem): string {
  const at = [`工作表“${p.sheet}”`];
  if (p.row !== undefined) at.push(`第${p.row}行`);
  if (p.column !== undefined) at.push(`${p.column}列${p.header ? `（${p.header}）` : ''}`);
  return `${at.join(' ')}：${p.message}`;
}
