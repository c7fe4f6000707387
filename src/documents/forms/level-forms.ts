/**
 * The forms a level usually writes its documents in: `<kind>-<level>.json` in a folder (the package's
 * `data/document-forms/`), each validated on load, an error naming the file and the JSON path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type DocumentForms, documentFormsSchema } from '../../domain/document-forms.js';
import { DomainError, jsonPath } from '../../domain/errors.js';

export type FormKind = 'notice' | 'report';

/** By `<kind>-<level>` (notice-national): the forms and the file they come from. */
export type LevelForms = Readonly<Record<string, { readonly forms: DocumentForms[FormKind]; readonly file: string }>>;

const NAME = /^(notice|report)-(national|provincial|municipal|county|township)\.json$/;

export function loadLevelForms(dir: string): LevelForms {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return {};
  }
  const out: Record<string, { forms: DocumentForms[FormKind]; file: string }> = {};
  for (const name of names.filter((n) => NAME.test(n)).sort()) {
    const file = path.join(dir, name);
    const kind = NAME.exec(name)![1] as FormKind;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new DomainError('invalid-data-file', `不是有效的 JSON：${(e as Error).message}`, file);
    }
    const parsed = documentFormsSchema().shape[kind].safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DomainError('invalid-data-file', `${jsonPath(issue.path)}：${issue.message}`, file);
    }
    out[name.replace(/\.json$/, '')] = { forms: parsed.data, file: `data/document-forms/${name}` };
  }
  return out;
}
