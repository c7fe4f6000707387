/**
 * A document written in a congress's own form (or its level's): the record filled into the form's
 * templates. Which form: the congress's `documents`, else `data/document-forms/<kind>-<level>.json`,
 * each the one in force on the publication's date.
 */
import { formatChineseDate } from '../../domain/dates.js';
import { type DocumentForm, formOn } from '../../domain/document-forms.js';
import type { Congress } from '../../domain/events.js';
import type { DocumentOptions } from '../document-kind.js';
import type { OfficialDocument } from '../official-document.js';
import type { FormRecord } from './form-record.js';
import type { FormKind, LevelForms } from './level-forms.js';
import { FormFiller } from './render-form.js';

/** The form a congress writes a kind of document in on a date, and where it comes from; undefined: the built-in form. */
export function formFor(
  congress: Congress,
  kind: FormKind,
  date: string,
  levels: LevelForms = {},
): { form: DocumentForm; name: string } | undefined {
  const own = formOn(congress.documents?.[kind], date);
  if (own) return { form: own, name: `${congress.name}的${kind}格式` };
  const level = levels[`${kind}-${congress.level}`];
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
