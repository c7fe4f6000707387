/**
 * Starting a congress's record (`roster init`, the console's 新建本届人民代表大会): its name, level,
 * term, region, quota or none, and its electing units with their quotas, given as fields or as a
 * small Chinese-headed sheet (选举单位, 名额, 类别). Every problem is collected (a field, or a sheet's
 * row and column) and told at once; the congress event is then admitted and checked as any
 * recording, and written as the first record of an empty store, all or nothing. A record that
 * already holds events is never overwritten.
 */
import { allChecks } from '../checks/all-checks.js';
import { describeCheck } from '../checks/describe-check.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import type { CongressLevel, ElectingUnit, EventInput, RosterEvent, SourceDocument } from '../domain/events.js';
import { textProblem } from '../domain/input-limits.js';
import { normalizeName, normalizeText } from '../domain/normalize.js';
import type { RosterProblem } from '../domain/roster-problems.js';
import { derive } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import { EMPTY_HEAD } from '../store/chain.js';
import type { RecordStream } from '../store/record-store.js';
import { chained, stamp } from '../store/stored-records.js';
import { admitEvent } from './admit.js';
import { type Clock, latestToday, todayOf } from './clock.js';

/** The levels by id and by the words clerks use. */
export const LEVEL_NAMES: Readonly<Record<CongressLevel, string>> = {
  national: '全国',
  provincial: '省级',
  municipal: '设区的市级',
  county: '县级',
  township: '乡镇级',
};
const LEVEL_WORDS: Readonly<Record<string, CongressLevel>> = {
  全国: 'national',
  省: 'provincial',
  省级: 'provincial',
  市: 'municipal',
  市级: 'municipal',
  设区的市: 'municipal',
  设区的市级: 'municipal',
  县: 'county',
  县级: 'county',
  区: 'county',
  区级: 'county',
  乡: 'township',
  镇: 'township',
  乡镇: 'township',
  乡镇级: 'township',
};

export function levelNamed(text: string): CongressLevel | undefined {
  const t = text.trim();
  return (Object.keys(LEVEL_NAMES) as CongressLevel[]).find((l) => l === t) ?? (Object.hasOwn(LEVEL_WORDS, t) ? LEVEL_WORDS[t] : undefined);
}

/** A problem in what the clerk gave: a field (`--quota`, 名额) or a sheet's row and column. */
export interface StartProblem {
  readonly code: string;
  /** The draft's field it is about, where it is about one. */
  readonly field?: keyof CongressDraft;
  /** `--quota`, the form's field, or 工作表“选举单位” 第3行 B列（名额）. */
  readonly where: string;
  readonly message: string;
  readonly place?: RosterProblem;
}

/** The congress as the clerk describes it; every value as text, checked here. */
export interface CongressDraft {
  readonly name?: string;
  readonly shortName?: string;
  readonly termNumber?: string;
  readonly level?: string;
  readonly region?: string;
  readonly province?: string;
  /** The standing committee; by default 〈region〉人民代表大会常务委员会 / 〈region〉人大常委会 above a township. */
  readonly standingCommittee?: { readonly name?: string; readonly shortName?: string };
  readonly termStart?: string;
  readonly termEnd?: string;
  /** A number, or 无 / none for a congress without a fixed quota. */
  readonly quota?: string;
  /** `城关镇 25`, `城关镇=25` or `城关镇`: one electing unit each. */
  readonly units?: readonly string[];
  /** The legal date of the congress event (its first session, the election), where known. */
  readonly date?: string;
}

/** The field names problems are told by: the CLI's options, or a form's labels. */
export type FieldNames = Readonly<Record<keyof CongressDraft, string>>;

export const OPTION_NAMES: FieldNames = {
  name: '--name',
  shortName: '--short-name',
  termNumber: '--term',
  level: '--level',
  region: '--region',
  province: '--province',
  standingCommittee: '--standing-committee',
  termStart: '--term-start',
  termEnd: '--term-end',
  quota: '--quota',
  units: '选举单位',
  date: '--date',
};

/** `城关镇 25`, `城关镇=25`, `城关镇：25名` or `城关镇`: an electing unit and its quota. */
export function parseUnitLine(line: string): { name: string; quota?: string } | undefined {
  const t = normalizeText(line);
  if (!t) return undefined;
  const m = /^(.+?)[\s:：,，=]+(\S+?)\s*名?$/u.exec(t);
  return m ? { name: m[1]!.trim(), quota: m[2]! } : { name: t };
}

const positive = (text: string): number | undefined => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 && n <= 100_000 ? n : undefined;
};

/** An electing unit's kind from a sheet's 类别 cell: the PLA or the armed police (军队选举办法). */
function kindOf(text: string | undefined): ElectingUnit['kind'] | 'unknown' | undefined {
  if (!text) return undefined;
  if (/武警|武装警察/u.test(text)) return 'armed-police';
  if (/军|部队|警备区|军分区/u.test(text)) return 'military';
  if (/^(地方|普通|一般)$/u.test(text)) return undefined;
  return 'unknown';
}

export interface UnitEntry {
  readonly name: string;
  readonly quota?: string;
  readonly kind?: string;
  /** Where it was given, for messages: `--unit`, or a sheet's place. */
  readonly where: string;
  readonly place?: Omit<RosterProblem, 'code' | 'message'>;
  readonly quotaPlace?: Omit<RosterProblem, 'code' | 'message'>;
}

/**
 * The congress a draft describes, and every problem with it. Shared by `roster init` and the console's
 * form, so both refuse the same things with the same words.
 */
export function congressFromDraft(
  draft: CongressDraft,
  units: readonly UnitEntry[],
  names: FieldNames = OPTION_NAMES,
): { congress: Record<string, unknown>; problems: StartProblem[] } {
  const problems: StartProblem[] = [];
  const fail = (field: keyof CongressDraft, code: string, message: string) => problems.push({ code, field, where: names[field], message });
  const required = (field: keyof CongressDraft): string | undefined => {
    const v = draft[field];
    const t = typeof v === 'string' ? v.trim() : undefined;
    if (!t) fail(field, 'missing-value', '必填');
    return t || undefined;
  };
  const name = required('name');
  const shortName = required('shortName');
  const termText = required('termNumber');
  const termNumber = termText === undefined ? undefined : positive(termText);
  if (termText !== undefined && termNumber === undefined) fail('termNumber', 'invalid-value', `“${termText}”应为正整数（第几届）`);
  const levelText = required('level');
  const level = levelText === undefined ? undefined : levelNamed(levelText);
  if (levelText !== undefined && !level) {
    fail(
      'level',
      'invalid-value',
      `“${levelText}”不是可选的级别；可用：${Object.entries(LEVEL_NAMES)
        .map(([id, zh]) => `${zh}（${id}）`)
        .join('、')}`,
    );
  }
  const region = required('region');
  const quotaText = required('quota');
  const noQuota = quotaText !== undefined && /^(无|none|不定)$/iu.test(quotaText);
  const quota = quotaText === undefined || noQuota ? undefined : positive(quotaText);
  if (quotaText !== undefined && !noQuota && quota === undefined)
    fail('quota', 'invalid-value', `“${quotaText}”应为正整数，或写“无”（没有固定名额）`);

  const electingUnits: ElectingUnit[] = [];
  const seen = new Map<string, UnitEntry>();
  const unitFail = (u: UnitEntry, code: string, message: string, quotaCell = false) =>
    problems.push({
      code,
      field: 'units',
      where: u.where,
      message,
      ...((quotaCell ? u.quotaPlace : u.place)
        ? { place: { ...(quotaCell ? u.quotaPlace! : u.place!), code, message } as RosterProblem }
        : {}),
    });
  for (const u of units) {
    const key = normalizeName(u.name);
    const before = seen.get(key);
    if (before) {
      unitFail(u, 'duplicate-unit', `选举单位“${u.name}”写了两次（另见${before.where}）`);
      continue;
    }
    seen.set(key, u);
    const q = u.quota === undefined ? undefined : positive(u.quota.replace(/名$/u, ''));
    if (u.quota !== undefined && q === undefined) unitFail(u, 'invalid-quota', `选举单位“${u.name}”的名额“${u.quota}”应为正整数`, true);
    const kind = kindOf(u.kind);
    if (kind === 'unknown') unitFail(u, 'invalid-value', `类别“${u.kind}”无法识别；军队的选举单位写“军队”，武警写“武警”，其他留空`);
    electingUnits.push({
      name: normalizeText(u.name),
      ...(q !== undefined ? { quota: q } : {}),
      ...(kind && kind !== 'unknown' ? { kind } : {}),
    });
  }
  if (units.length === 0) fail('units', 'missing-value', '至少一个选举单位（--unit 名称=名额，或 --units 表格文件）');
  const allocated = electingUnits.reduce((n, u) => n + (u.quota ?? 0), 0);
  if (quota !== undefined && allocated > quota) {
    fail('units', 'invalid-quota', `各选举单位的名额合计${allocated}名，超过代表名额${quota}名`);
  }

  const sc = draft.standingCommittee;
  const scName = sc?.name?.trim() || (level && level !== 'township' && region ? `${region}人民代表大会常务委员会` : undefined);
  const scShort = sc?.shortName?.trim() || (sc?.name?.trim() ? sc.name.trim() : region && scName ? `${region}人大常委会` : undefined);
  const congress = {
    name,
    shortName,
    termNumber,
    level,
    region,
    ...(draft.province?.trim() ? { province: draft.province.trim() } : {}),
    ...(scName ? { standingCommittee: { name: scName, shortName: scShort ?? scName } } : {}),
    term: {
      ...(draft.termStart?.trim() ? { start: draft.termStart.trim() } : {}),
      ...(draft.termEnd?.trim() ? { end: draft.termEnd.trim() } : {}),
    },
    ...(quota !== undefined ? { quota } : {}),
    electingUnits,
  };
  return { congress, problems };
}

/** The congress event, held to the schema and the input limits; problems named by field. */
export function congressEvent(
  congress: Record<string, unknown>,
  opts: { readonly date?: string; readonly source: SourceDocument; readonly today: string; readonly names?: FieldNames },
): { event?: EventInput; problems: StartProblem[] } {
  const value = { type: 'CongressConstituted', source: opts.source, ...(opts.date ? { date: opts.date } : {}), congress };
  try {
    return { event: admitEvent(value, (path) => fieldOfPath(path, opts.names ?? OPTION_NAMES), { today: opts.today }), problems: [] };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    const [where, ...rest] = e.message.split('：');
    return { problems: [{ code: 'invalid-value', where: where ?? '', message: rest.join('：') }] };
  }
}

const PATH_FIELDS: Readonly<Record<string, keyof CongressDraft>> = {
  name: 'name',
  shortName: 'shortName',
  termNumber: 'termNumber',
  level: 'level',
  region: 'region',
  province: 'province',
  standingCommittee: 'standingCommittee',
  term: 'termStart',
  quota: 'quota',
  electingUnits: 'units',
  date: 'date',
};

function fieldOfPath(path: readonly (string | number)[], names: FieldNames): string {
  if (path[0] === 'source') return '--source';
  if (path[0] === 'date') return names.date;
  if (path[0] === 'congress' && path[1] === 'term') return path[2] === 'end' ? names.termEnd : names.termStart;
  const field = PATH_FIELDS[String(path[1] ?? '')];
  return field ? names[field] : String(path.join('.'));
}

export interface StartCongressRequest {
  readonly draft: CongressDraft;
  /** Units read from a sheet (with their places), added to the draft's. */
  readonly unitRows?: readonly UnitEntry[];
  /** Problems already found reading the sheet. */
  readonly sheetProblems?: readonly RosterProblem[];
  /** The document the congress's facts come from; by default the record's own start, dated today. */
  readonly source?: SourceDocument;
  readonly recordedBy: string;
  readonly dryRun?: boolean;
}

export type StartCongressResult =
  | { readonly ok: false; readonly problems: readonly StartProblem[] }
  | {
      readonly ok: true;
      readonly dryRun: boolean;
      readonly event: EventInput;
      readonly recorded: readonly RosterEvent[];
      readonly location: string;
    };

export interface StartPorts {
  readonly stream: RecordStream;
  readonly evaluator: Evaluator;
  readonly clock: Clock;
}

/** How many records the stream holds; 0 for a store not made yet. */
async function recordsIn(stream: RecordStream): Promise<number> {
  try {
    return (await stream.head()).seq;
  } catch (e) {
    if (isDomainError(e, 'invalid-data-file') && e.message.includes('数据文件不存在')) return 0;
    throw e;
  }
}

export async function startCongress(ports: StartPorts, request: StartCongressRequest): Promise<StartCongressResult> {
  const byProblem = textProblem(request.recordedBy, 'name');
  if (byProblem) throw new DomainError('invalid-input', `记录人${byProblem}`);
  const existing = await recordsIn(ports.stream);
  if (existing > 0) {
    throw new DomainError(
      'invalid-input',
      `数据文件已有${existing}条记录，roster init 只在新的或空的数据文件中建立本届记录，不会覆盖已有记录；请用 --db 指定一个新文件`,
      ports.stream.location,
    );
  }
  const fromOptions = (request.draft.units ?? []).flatMap((line): UnitEntry[] => {
    const u = parseUnitLine(line);
    return u ? [{ ...u, where: `--unit ${line}` }] : [];
  });
  const { congress, problems } = congressFromDraft(request.draft, [...fromOptions, ...(request.unitRows ?? [])]);
  const sheet: StartProblem[] = (request.sheetProblems ?? []).map((p) => ({ code: p.code, where: p.file, message: p.message, place: p }));
  const all = [...sheet, ...problems];
  if (all.length > 0) return { ok: false, problems: all };
  const today = latestToday(ports.clock);
  const source = request.source ?? { title: '新建本届记录（roster init）', date: todayOf(ports.clock) };
  const built = congressEvent(congress, { ...(request.draft.date ? { date: request.draft.date } : {}), source, today });
  if (!built.event) return { ok: false, problems: built.problems };
  const event = built.event;
  // Decided as any recording: the rules and every check, on the record it would start.
  const stamped = stamp([event], { recordedBy: request.recordedBy, recordedAt: ports.clock.now() }, 0);
  const error = (await allChecks(await derive(stamped, ports.evaluator), ports.evaluator)).find((f) => f.level === 'error');
  if (error) return { ok: false, problems: [{ code: 'refused-by-record', where: '本届人大', message: describeCheck(error) }] };
  if (request.dryRun) return { ok: true, dryRun: true, event, recorded: [], location: ports.stream.location };
  await ports.stream.importRecords(chained(stamped, EMPTY_HEAD));
  return { ok: true, dryRun: false, event, recorded: stamped, location: ports.stream.location };
}

/** The electing units of a sheet (.xlsx / .csv), each with the place of its cells; problems located by row and column. */
export async function unitsFromSheet(
  file: { readonly name: string; readonly bytes: Buffer },
  options: { readonly sheet?: string; readonly map?: readonly string[] } = {},
): Promise<{ readonly units: UnitEntry[]; readonly problems: RosterProblem[] }> {
  const [{ readGrid }, { readHeadedTable, tableLocator }, { UNIT_TABLE, unitHeaderMap }, { describeProblem }] = await Promise.all([
    import('../roster-io/read-table.js'),
    import('../roster-io/headed-table.js'),
    import('../roster-io/unit-table.js'),
    import('../domain/roster-problems.js'),
  ]);
  const { table, problems } = readHeadedTable(await readGrid(file, options.sheet), UNIT_TABLE, unitHeaderMap(options.map));
  const at = tableLocator(table);
  const text = (v: unknown) =>
    v === undefined ? undefined : normalizeText(v instanceof Date ? v.toISOString().slice(0, 10) : String(v)) || undefined;
  const units: UnitEntry[] = [];
  for (const r of table.rows) {
    const name = text(r.cells.name);
    if (!name) {
      problems.push({ ...at.cell(r.row, 'name'), code: 'missing-value', message: '缺少选举单位名称' });
      continue;
    }
    const quota = text(r.cells.quota);
    const kind = text(r.cells.kind);
    const place = at.cell(r.row, 'name');
    units.push({
      name,
      ...(quota ? { quota } : {}),
      ...(kind ? { kind } : {}),
      where: describeProblem({ ...place, code: 'missing-value', message: '' }).replace(/：$/u, ''),
      place,
      quotaPlace: at.cell(r.row, 'quota'),
    });
  }
  return { units, problems };
}
