/**
 * The roster as a table a clerk opens in Excel: the headers `import-roster` recognises (so an
 * export loads back into a fresh store), then status, the date of the last change and, for an
 * ended mandate, the reason, the rule and its citation, and the posts held on the date.
 */

import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { formatChineseDate } from '../domain/dates.js';
import { STATUS_NAMES } from '../domain/status-names.js';
import { DERIVED_HEADERS, FIELD_HEADERS } from './columns.js';
import type { RosterView } from './roster-view.js';

const h = (field: keyof typeof FIELD_HEADERS) => FIELD_HEADERS[field][0]!;

export const EXPORT_HEADERS = [
  h('serial'),
  h('personId'),
  h('name'),
  h('gender'),
  h('ethnicity'),
  h('birthDate'),
  h('party'),
  h('electingUnit'),
  h('affiliation'),
  h('confirmedOn'),
  h('status'),
  DERIVED_HEADERS.statusSince,
  DERIVED_HEADERS.endReason,
  DERIVED_HEADERS.ruleId,
  DERIVED_HEADERS.citation,
  DERIVED_HEADERS.posts,
  h('note'),
] as const;

export function exportRows(view: RosterView): string[][] {
  return view.lines.map((l, i) => [
    String(i + 1),
    l.personId,
    l.name,
    l.gender ?? '',
    l.ethnicity ?? '',
    l.birthDate ?? '',
    l.party ?? '',
    l.electingUnit,
    l.affiliation ?? '',
    l.confirmedOn ?? '',
    STATUS_NAMES[l.status],
    l.statusSince ?? '',
    l.end?.label ?? '',
    l.end?.ruleId ?? '',
    l.end?.citation ?? '',
    l.posts.join('、'),
    l.note ?? '',
  ]);
}

export function title(view: RosterView): string {
  return `${view.congress.name}代表名册（截至${formatChineseDate(view.asOf)}）`;
}

/** 实有代表 and what the list cannot show (deputies counted but not named in the record). */
export function summary(view: RosterView): string[][] {
  return [
    ['代表名额', String(view.congress.quota)],
    ['实有代表', String(view.counted)],
    ['其中记录未载姓名的代表', String(view.unnamed)],
    ['名册所列人员', String(view.lines.length)],
    ['截至日期', view.asOf],
  ];
}

const WIDTHS = [6, 14, 10, 6, 8, 12, 10, 12, 36, 16, 18, 14, 14, 28, 40, 48, 16];

/**
 * Text cells throughout: dates keep the precision the record gives (1970-05 stays a month).
 * Written as a stream, row by row, so a congress of thousands of deputies exports quickly; the
 * workbook's bytes are returned for the caller to write or send.
 */
export async function xlsxBytes(view: RosterView): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('代表名册', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = EXPORT_HEADERS.map((_, i) => ({ width: WIDTHS[i] ?? 12 }));
  const heading = ws.addRow([title(view)]);
  heading.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, EXPORT_HEADERS.length);
  heading.commit();
  const headers = ws.addRow([...EXPORT_HEADERS]);
  headers.font = { bold: true };
  headers.commit();
  for (const row of exportRows(view)) ws.addRow(row).commit();
  ws.commit();
  const about = wb.addWorksheet('说明');
  for (const row of summary(view)) about.addRow(row).commit();
  about.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly. */
export function csvText(view: RosterView): string {
  return `\uFEFF${stringify([[...EXPORT_HEADERS], ...exportRows(view)], { record_delimiter: '\r\n' })}`;
}
