/**
 * The data file: the interchange format of a congress's history (see docs/data-format.md and
 * schema/roster.schema.json). Parsing names the file and the JSON path of the first problem.
 */
import { z } from 'zod';
import { DomainError, jsonPath } from '../domain/errors.js';
import { RosterEventSchema, type RosterEvent } from '../domain/events.js';
import { deepestIssue } from '../engine/rule-book.js';

export const SCHEMA_VERSION = 1;

export const DataFile = z.strictObject({
  format: z.literal('deputy-roster'),
  schemaVersion: z.number().int().positive(),
  events: z.array(RosterEventSchema),
});
export interface DataFile {
  readonly format: 'deputy-roster';
  readonly schemaVersion: number;
  readonly events: readonly RosterEvent[];
}

export function emptyDataFile(): DataFile {
  return { format: 'deputy-roster', schemaVersion: SCHEMA_VERSION, events: [] };
}

/** Validate a parsed data file; `file` names it in messages. */
export function parseDataFile(value: unknown, file: string): DataFile {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new DomainError(
      'unsupported-version',
      `数据文件的格式版本为 ${version}，本程序只支持到 ${SCHEMA_VERSION}，请升级 deputy-roster`,
      file,
    );
  }
  const result = DataFile.safeParse(value);
  if (!result.success) {
    const issue = deepestIssue(result.error.issues);
    throw new DomainError('invalid-data-file', `${jsonPath(issue.path)}：${issue.message}`, file);
  }
  const data = result.data as DataFile;
  data.events.forEach((e, i) => {
    if (e.seq !== i + 1) {
      throw new DomainError('invalid-data-file', `${jsonPath(['events', i, 'seq'])}：序号应为 ${i + 1}，实为 ${e.seq}`, file);
    }
  });
  return data;
}
