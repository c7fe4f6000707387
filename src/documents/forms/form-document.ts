/**
 * A document written in a congress's own form (or its level's): the record filled into the form's
 * templates. Which form: the congress's `documents`, else `data/document-forms/<kind>-<level>.json`,
 * each the one in force on the publication's date.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatChineseDate } from '../../domain/dates.js';
import { type DocumentForm, DocumentForms, formOn } from '../../domain/document-forms.js';
import { DomainError, jsonPath } from '../../domain/errors.js';
import type { Congress } from '../../domain/events.js';
import { PACKAGE_ROOT } from '../../paths.js';
import type { DocumentOptions } from '../document-kind.js';
import type { OfficialDocument } from '../official-document.js';
import type { FormRecord } from './form-record.js';
import { FormFiller } from './render-form.js';

export const LEVEL_FORMS_DIR = path.join(PACKAGE_ROOT, 'data', 'document-forms');

export type FormKind = 'notice' | 'report';

/** A level's usual form, from `data/document-forms/<kind>-<level>.json`, validated; undefined where there is none. */
function levelForms(kind: FormKind, level: string): { forms: DocumentForms[FormKind]; file: string } | undefined {
  const file = path.join(LEVEL_FORMS_DIR, `${kind}-${level}.json`);
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DomainError('invalid-data-file', `不是有效的 JSON：${(e as Error).message}`, file);
  }
  const parsed = DocumentForms.shape[kind].safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError('invalid-data-file', `${jsonPath(issue.path)}：${issue.message}`, file);
  }
  return { forms: parsed.data, file: path.relative(PACKAGE_ROOT, file) };
}

/** The form a congress writes a kind of document in on a date, and where it comes from; undefined: the built-in form. */
export function formFor(congress: Congress, kind: FormKind, date: string): { form: DocumentForm; name: string } | undefined {
  const own = formOn(congress.documents?.[kind], date);
  if (own) return { form: own, name: `${congress.name}的${kind}格式` };
  const level = levelForms(kind, congress.level);
  const form = level && formOn(level.forms, date);
  return form && level ? { form, name: level.file } : undefined;
}

export function formDocument(
  kind: FormKind,
  chosen: { form: DocumentForm; name: string },
  record: FormRecord,
  options: DocumentOptions,
): OfficialDocument {
  const { form } = chosen;
  const filler = new FormFiller(form, record, chosen.name);
  const scope = filler.scope();
  const fill = (t: string | undefined) => (t === undefined ? undefined : filler.fill(t, scope.values) || undefined);
  const dated = kind === 'report' ? (scope.values.signedOn ?? scope.values.date) : scope.values.date;
  return {
    kind,
    ...(fill(form.preface) ? { preface: fill(form.preface)! } : {}),
    title: fill(form.title)!,
    ...(form.titleParts ? { titleParts: form.titleParts.map((t) => filler.fill(t, scope.values)) } : {}),
    ...(fill(form.adoptionNote) ? { adoptionNote: fill(form.adoptionNote)! } : {}),
    ...(fill(form.number) ? { numberLine: fill(form.number)! } : {}),
    ...(fill(form.byline) ? { byline: fill(form.byline)! } : {}),
    ...(fill(form.addressee) ? { addressee: fill(form.addressee)! } : {}),
    paragraphs: form.paragraphs.map((pieces) => filler.pieces(pieces, scope)).filter((p) => p !== ''),
    ...(fill(form.signature) ? { signature: fill(form.signature)! } : {}),
    ...(form.dated ? { date: options.date ? formatChineseDate(options.date) : String(dated) } : {}),
    warnings: [],
  };
}
