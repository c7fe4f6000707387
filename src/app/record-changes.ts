/**
 * `roster record FILE.xlsx|csv`: a 代表变动登记表 (one row a change) recorded as the glossary's events.
 * The sheet is read into rows (src/roster-io), each row's 变动类型 named as an event
 * (src/domain/change-types.ts), its person found by name and electing unit (src/app/person-names.ts),
 * every value admitted as any event is (src/app/admit.ts); every problem is reported by sheet, row
 * and column at once. Only then are the events decided against the record as `record` decides them
 * (every event refused told at once, each at its row with its person), and recorded all or nothing,
 * or previewed on a dry run.
 *
 * A row states what its type needs or is refused saying what is missing: a 补选 its electing unit,
 * a 暂停 its ground; nothing is guessed.
 */
import { changeTypeNamed, changeTypeWords, SUSPENSION_GROUND_NAMES, suspensionGroundNamed } from '../domain/change-types.js';
import { DomainError } from '../domain/errors.js';
import { EVENT_NAMES } from '../domain/event-names.js';
import type { EventInput, RosterEvent } from '../domain/events.js';
import { normalizeName, normalizeText } from '../domain/normalize.js';
import type { RosterProblem } from '../domain/roster-problems.js';
import type { Derivation } from '../engine/derive.js';
import { CHANGE_TABLE, type ChangeField, type ChangeRow, changeHeaderMap } from '../roster-io/change-table.js';
import { readHeadedTable, tableLocator } from '../roster-io/headed-table.js';
import type { CellValue, FileBytes } from '../roster-io/read-table.js';
import { readGrid } from '../roster-io/read-table.js';
import { readRosterDate } from '../roster-io/roster-dates.js';
import { admitEvent } from './admit.js';
import { type Clock, latestToday } from './clock.js';
import type { SheetRead, SheetRefused } from './import-roster.js';
import { newPersonId } from './person-ids.js';
import { PersonNames } from './person-names.js';
import type { Preview } from './preview.js';
import type { RecordRequest } from './record.js';

export interface RecordChangesRequest {
  /** The register as the clerk gave it (.xlsx or .csv). */
  readonly file: FileBytes;
  readonly sheet?: string;
  /** `列名=字段` entries from `--map`. */
  readonly map?: readonly string[];
  readonly dryRun?: boolean;
  readonly recordedBy: string;
}

/** What one row became: the events it records (indexes into `events`). */
export interface ChangeLine {
  readonly row: number;
  readonly name: string;
  readonly electingUnit: string | undefined;
  /** The 变动类型 as written. */
  readonly change: string;
  readonly events: readonly number[];
}

export type RecordChangesResult =
  | SheetRefused
  | (SheetRead & {
      readonly ok: true;
      readonly dryRun: boolean;
      readonly lines: readonly ChangeLine[];
      readonly events: readonly EventInput[];
      /** What the events would change (always computed: a refusal is located at its row first). */
      readonly preview: Preview;
      readonly recorded: readonly RosterEvent[];
    });

export interface RecordChangesPorts {
  readonly clock: Clock;
  derivation(): Promise<Derivation>;
  preview(request: { readonly events: readonly EventInput[] }): Promise<Preview>;
  record(request: RecordRequest): Promise<readonly RosterEvent[]>;
}

const cellText = (v: CellValue | undefined): string | undefined => {
  if (v === undefined) return undefined;
  const t = normalizeText(v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  return t === '' ? undefined : t;
};

/** The event fields that come from a column, for locating a value the admission refuses. */
const COLUMN_OF: Readonly<Record<string, ChangeField>> = {
  date: 'date',
  source: 'source',
  note: 'note',
  circumstances: 'circumstances',
  ground: 'ground',
  session: 'session',
  electedBy: 'electedBy',
  electingUnit: 'electingUnit',
  name: 'name',
  personId: 'personId',
};

export async function recordChanges(app: RecordChangesPorts, request: RecordChangesRequest): Promise<RecordChangesResult> {
  const map = changeHeaderMap(request.map);
  const grid = await readGrid(request.file, request.sheet);
  const { table, problems } = readHeadedTable(grid, CHANGE_TABLE, map);
  const base = { file: table.file, sheet: table.sheet, rows: table.rows.length };
  if (problems.length > 0) return { ok: false, ...base, problems };
  const d = await app.derivation();
  if (!d.state.congress) {
    throw new DomainError('invalid-data-file', '记录中还没有本届人民代表大会（请先用 roster init 建立），无法登记代表变动');
  }
  const at = tableLocator(table);
  const names = new PersonNames(d.state);
  const units = new Map(d.state.congress.electingUnits.map((u) => [normalizeName(u.name), u.name]));
  const today = latestToday(app.clock);
  const taken = new Set(Object.keys(d.state.persons));
  const events: EventInput[] = [];
  const lines: ChangeLine[] = [];
  const eventRow: number[] = [];

  for (const r of table.rows) {
    const found: RosterProblem[] = [];
    const fail = (field: ChangeField | undefined, code: RosterProblem['code'], message: string) =>
      found.push({ ...(field ? at.cell(r.row, field) : at.row(r.row)), code, message });
    const built = rowEvents(r, { fail, names, units, today, taken });
    problems.push(...found);
    if (found.length > 0 || !built) continue;
    // Every value held to the schema and the input limits, located at its column.
    const admitted: EventInput[] = [];
    for (const e of built.events) {
      try {
        admitted.push(admitEvent(e, (path) => String(path[0] ?? ''), { today }));
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        const [field, ...rest] = err.message.split('：');
        const column = COLUMN_OF[field ?? ''];
        fail(column, 'invalid-value', rest.join('：') || err.message);
      }
    }
    problems.push(...found);
    if (found.length > 0) continue;
    const first = events.length;
    events.push(...admitted);
    for (const _ of admitted) eventRow.push(r.row);
    lines.push({ ...built.line, events: admitted.map((_, i) => first + i) });
  }
  if (problems.length > 0) return { ok: false, ...base, problems };

  // Decided against the whole record as `record` decides; every event refused is told at its row, with its person.
  const preview = await app.preview({ events });
  if (preview.refusal) {
    const refused = preview.refusals.map((r): RosterProblem => {
      const row = eventRow[r.index];
      const person = { ...(r.personId ? { personId: r.personId } : {}), ...(r.name ? { name: r.name } : {}) };
      return {
        ...(row ? at.row(row) : { file: table.file, sheet: table.sheet }),
        code: 'refused-by-record',
        message: r.message,
        ...person,
      };
    });
    // A record that does not verify refuses every batch: told once, about the file.
    const problems =
      refused.length > 0
        ? refused
        : [{ file: table.file, sheet: table.sheet, code: 'refused-by-record' as const, message: preview.refusal.message }];
    return { ok: false, ...base, problems };
  }
  if (request.dryRun) return { ok: true, ...base, dryRun: true, lines, events, preview, recorded: [] };
  const recorded = await app.record({ events, recordedBy: request.recordedBy, origin: { name: table.file } });
  return { ok: true, ...base, dryRun: false, lines, events, preview, recorded };
}

interface RowContext {
  fail(field: ChangeField | undefined, code: RosterProblem['code'], message: string): void;
  readonly names: PersonNames;
  readonly units: ReadonlyMap<string, string>;
  readonly today: string;
  readonly taken: Set<string>;
}

/** The events one row states, or undefined with its problems told through `fail`. */
function rowEvents(r: ChangeRow, ctx: RowContext): { events: Record<string, unknown>[]; line: Omit<ChangeLine, 'events'> } | undefined {
  const { fail } = ctx;
  const v = (field: ChangeField) => cellText(r.cells[field]);
  const name = v('name');
  const written = v('changeType');
  const unitWritten = v('electingUnit');
  const source = v('source');
  if (!name) fail('name', 'missing-value', '缺少姓名');
  if (!written) fail('changeType', 'missing-value', `缺少变动类型（可用：${changeTypeWords().join('、')}）`);
  const named = written ? changeTypeNamed(written) : undefined;
  if (written && !named) fail('changeType', 'unknown-change-type', `未知的变动类型“${written}”；可用：${changeTypeWords().join('、')}`);
  let date: string | undefined;
  if (r.cells.date === undefined) fail('date', 'missing-value', '缺少日期');
  else {
    const reading = readRosterDate(r.cells.date);
    if (!reading.ok) fail('date', 'invalid-value', reading.reason);
    else if (reading.value.length !== 10) fail('date', 'invalid-value', `日期须具体到日（${reading.value}）`);
    else date = reading.value;
  }
  if (!source) fail('source', 'missing-value', '缺少依据文件（如：某区人大常委会关于接受某某辞去代表职务的报告）');
  const unit = unitWritten ? ctx.units.get(normalizeName(unitWritten)) : undefined;
  if (unitWritten && !unit) fail('electingUnit', 'unknown-unit', `选举单位“${unitWritten}”不是本届的选举单位`);
  if (!name || !named) return undefined;

  const type = named.type;
  const events: Record<string, unknown>[] = [];
  let personId: string | undefined;
  const idWritten = v('personId');
  if (type === 'DeputyElected') {
    // A by-election names someone who may be new to the record: registered here, by name.
    if (!unitWritten) fail('electingUnit', 'missing-value', '补选须写明选举单位');
    const same = ctx.names.named(name);
    if (idWritten) personId = idWritten;
    else if (same.length === 0) personId = newPersonId(name, (id) => ctx.taken.has(id));
    else if (same.length === 1 && !same[0]!.deputy) personId = same[0]!.personId;
    else {
      const listed = same.map((k) => (k.electingUnit ? `${k.name}（${k.electingUnit}，${k.personId}）` : `${k.name}（${k.personId}）`));
      fail(
        'name',
        'ambiguous-person',
        `记录中已有名为“${name}”的代表：${listed.join('、')}；补选的若是同一人，请在“人员编号”列写明其编号，若是另一人，写明一个新编号`,
      );
    }
    if (personId && !ctx.taken.has(personId)) {
      events.push({ type: 'PersonRegistered', personId, name });
      ctx.taken.add(personId);
      ctx.names.add(personId, name, unit);
    }
  } else if (idWritten) {
    if (ctx.taken.has(idWritten)) personId = idWritten;
    else fail('personId', 'unknown-person', `记录中没有人员编号“${idWritten}”`);
  } else {
    const found = ctx.names.resolve(name, unit);
    if ('personId' in found) personId = found.personId;
    else fail(found.code === 'unit-mismatch' ? 'electingUnit' : 'name', found.code, found.problem);
  }

  const extra: Record<string, unknown> = {};
  if (type === 'DeputySuspended') {
    const ground = v('ground');
    const g = ground ? suspensionGroundNamed(ground) : undefined;
    if (!g) {
      fail(
        ground ? 'ground' : undefined,
        ground ? 'invalid-value' : 'missing-value',
        `${ground ? `暂停情形“${ground}”无法识别` : '暂停须在“暂停情形”列写明情形'}；可写：${Object.values(SUSPENSION_GROUND_NAMES).join('；')}`,
      );
    } else extra.ground = g;
  }
  if (type === 'DeputyElected') {
    if (unit) extra.electingUnit = unit;
    if (v('electedBy')) extra.electedBy = v('electedBy');
  }
  if (type === 'QualificationReviewed' && v('session')) {
    const n = Number(v('session')!.replace(/^第|次会议$|次$/gu, ''));
    if (Number.isInteger(n) && n > 0) extra.session = n;
    else fail('session', 'invalid-value', `“${v('session')}”不是常委会会议的次数（如 21 或 第21次会议）`);
  }
  const circumstances = v('circumstances');
  const takesCircumstances = !['QualificationReviewed', 'DeputyElected', 'DeputySuspended', 'SuspensionEnded'].includes(type);
  if (circumstances && takesCircumstances) extra.circumstances = circumstances;
  if (!personId || !date || !source) return undefined;
  const note = v('note');
  const event = { type, source: { title: source }, personId, date, ...named.preset, ...extra, ...(note ? { note } : {}) };
  events.push(event);
  return {
    events: events.map((e) => ({ ...e, source: { title: source } })),
    line: { row: r.row, name, electingUnit: unit ?? unitWritten, change: `${written}（${EVENT_NAMES[type]}）` },
  };
}
