/**
 * The columns of a 代表名册 and the headers clerks give them. A header is recognised after its
 * spaces are removed (姓　名 → 姓名); `--map 列名=field` adds a header of the clerk's own.
 */
import { DomainError } from '../domain/errors.js';
import { normalizeHeader } from '../domain/normalize.js';

export const ROSTER_FIELDS = [
  'serial',
  'personId',
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'party',
  'electingUnit',
  'affiliation',
  'confirmedOn',
  'status',
  'note',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** The headers each field is known by; the first is the one exports write. */
export const FIELD_HEADERS: Record<RosterField, readonly string[]> = {
  serial: ['序号'],
  personId: ['人员编号', '编号', '代表编号'],
  name: ['姓名', '代表姓名'],
  gender: ['性别'],
  ethnicity: ['民族'],
  birthDate: ['出生年月', '出生日期', '出生年月日', '出生时间'],
  party: ['党派', '政治面貌', '党派(政治面貌)', '党派或政治面貌'],
  electingUnit: ['选举单位', '原选举单位', '所属选举单位', '选举单位(代表团)', '代表团'],
  affiliation: ['工作单位及职务', '工作单位和职务', '工作单位及职务(职称)', '单位及职务', '工作单位', '现工作单位及职务'],
  confirmedOn: ['代表资格确认日期', '资格确认日期', '确认日期', '代表资格确认时间'],
  status: ['代表状态', '状态'],
  note: ['备注'],
};

/**
 * Columns exports add that a roster does not load: they are derived from the record (the date of the
 * last change, the reason and basis of an ended mandate, the posts held on the date), so
 * `import-roster` ignores them and an export loads back into a fresh store (tested: none is a field's header).
 */
export const DERIVED_HEADERS = {
  statusSince: '状态变更日期',
  endReason: '终止原因',
  rule: '依据规则',
  citation: '法律依据',
  posts: '职务',
} as const;

/** What a field is called in messages. */
export const FIELD_LABELS: Record<RosterField, string> = {
  serial: '序号',
  personId: '人员编号',
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生年月',
  party: '党派',
  electingUnit: '选举单位',
  affiliation: '工作单位及职务',
  confirmedOn: '代表资格确认日期',
  status: '代表状态',
  note: '备注',
};

export type HeaderMap = ReadonlyMap<string, RosterField>;

/** The built-in headers plus the clerk's `--map` entries (which win). */
export function headerMap(overrides: readonly string[] = []): HeaderMap {
  const map = new Map<string, RosterField>();
  for (const field of ROSTER_FIELDS) for (const h of FIELD_HEADERS[field]) map.set(normalizeHeader(h), field);
  for (const entry of overrides) {
    const at = entry.lastIndexOf('=');
    const header = at > 0 ? normalizeHeader(entry.slice(0, at)) : '';
    const field = entry.slice(at + 1).trim();
    if (!header || !(ROSTER_FIELDS as readonly string[]).includes(field)) {
      throw new DomainError('invalid-input', `--map “${entry}”无效：应写作 列名=字段，字段为 ${ROSTER_FIELDS.join('、')} 之一`, '--map');
    }
    map.set(header, field as RosterField);
  }
  return map;
}

/** The field a header cell names: exact, or without a trailing note in brackets (出生年月（年.月）). */
export function fieldOf(map: HeaderMap, text: string): RosterField | undefined {
  const h = normalizeHeader(text);
  return map.get(h) ?? map.get(h.replace(/\(.*\)$/u, ''));
}

/** A, B, … Z, AA: how a clerk finds a column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
