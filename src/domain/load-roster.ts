/**
 * Loading a roster: what it means in event terms (README, “导入代表名册”), decided from the record as
 * replayed, with every problem located in the roster, or the events to record:
 * the roster names the deputies counted in an opening balance (实有代表N名 at a session). Each
 * deputy already in the record (same name, same electing unit) is matched, not registered again;
 * every other one becomes a `PersonRegistered`, and one `RosterLoaded` names them as members of
 * the balance. Where the record has no balance yet, `--session N` states one with the roster's count.
 * A roster whose deputies are all in the record already is a check: nothing to write.
 */
import { createHash } from 'node:crypto';
import { formatChineseDate, onOrBefore } from './dates.js';
import type { EventInput, EventOf, SourceDocument } from './events.js';
import { checkAgainstRecord, duplicateProblems, quotaProblems } from './load-roster-checks.js';
import { normalizeName } from './normalize.js';
import type { ReplayedRecord } from './replayed-record.js';
import { type Mandate, type RosterState, sessionDate } from './roster.js';
import type { ProblemPlace, RosterProblem } from './roster-problems.js';

/** A deputy as a roster row gives them, read and normalised by src/roster-io/roster-entries.ts. */
export interface RosterEntry {
  readonly row: number;
  readonly personId?: string;
  readonly name: string;
  readonly gender?: '男' | '女';
  readonly ethnicity?: string;
  readonly birthDate?: string;
  readonly party?: string;
  readonly electingUnit: string;
  readonly affiliation?: string;
  readonly confirmedOn?: string;
  readonly note?: string;
  /** False for a row whose 代表状态 says the deputy is not counted (终止, 当选无效, 待确认). */
  readonly counted: boolean;
  readonly status?: string;
}

/** A row is the same person as a deputy in the record when name and electing unit are the same. */
export const deputyKey = (name: string, unit: string) => `${unit}\u0000${name}`;

/** Where in the roster a problem is: the sheet, or the cell of a field in a row. */
export interface RosterPlaces {
  sheet(): ProblemPlace;
  cell(row: number, field: 'electingUnit'): ProblemPlace;
}

/** Loading a roster (代表名册) as the named members of an opening balance, or checking it against the record. */
export interface LoadRoster {
  readonly entries: readonly RosterEntry[];
  /** The roster file and sheet, for the events' source document. */
  readonly file: string;
  readonly sheet: string;
  readonly places: RosterPlaces;
  /** The session whose balance the roster names (default: the latest), or states one for. */
  readonly session?: number;
}

/** The record's deputies by name (as normalised) and electing unit, among the mandates chosen. */
export function deputiesInRecord(state: RosterState, include: (m: Mandate) => boolean): Map<string, Mandate> {
  const out = new Map<string, Mandate>();
  for (const m of state.mandates) {
    const person = state.persons[m.personId];
    // A deputy whose electing unit the source does not give cannot be matched to a roster row.
    if (person && include(m) && m.electingUnit !== undefined) out.set(deputyKey(normalizeName(person.name), m.electingUnit), m);
  }
  return out;
}

export interface PlannedDeputy {
  readonly row: number;
  readonly personId: string;
  readonly name: string;
  readonly electingUnit: string;
}

export interface ImportPlan {
  readonly balance: {
    readonly session: number;
    readonly date: string;
    readonly count: number;
    readonly stated: 'recorded' | 'new' | 'check';
  };
  /** Deputies already in the record, matched by name and electing unit. */
  readonly matched: readonly PlannedDeputy[];
  /** Deputies the roster adds to the record. */
  readonly added: readonly PlannedDeputy[];
  /** Rows whose status says they are not counted (终止, 当选无效, 待确认): not loaded. */
  readonly skipped: readonly (PlannedDeputy & { readonly status: string })[];
  readonly events: readonly EventInput[];
}

function generatedId(e: RosterEntry, taken: ReadonlySet<string>): string {
  const base = `d-${createHash('sha256')
    .update(`${e.electingUnit}|${e.name}|${e.birthDate ?? ''}`)
    .digest('hex')
    .slice(0, 10)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export function decideLoadRoster(d: ReplayedRecord, command: LoadRoster): { plan?: ImportPlan; problems: RosterProblem[] } {
  const { entries, places: at, session } = command;
  const options = { session };
  const problems: RosterProblem[] = [];
  const sheetWide = at.sheet();
  const unitCell = (row: number) => at.cell(row, 'electingUnit');
  const { state } = d;
  const congress = state.congress!;
  const counted = entries.filter((e) => e.counted);

  problems.push(...duplicateProblems(counted, at), ...quotaProblems(counted, congress, at));

  // The opening balance the roster names.
  const balances = state.openingBalances;
  const chosen = options.session === undefined ? balances[balances.length - 1] : balances.find((b) => b.session === options.session);
  let balance: ImportPlan['balance'];
  if (chosen) {
    if (chosen.session === undefined) {
      problems.push({ ...sheetWide, code: 'no-opening-balance', message: '记录中的期初实有代表人数没有注明常委会会议次数，无法对应名册' });
      return { problems };
    }
    if (chosen.count === undefined || chosen.date === undefined) {
      const what = chosen.count === undefined ? '人数' : '日期';
      problems.push({ ...sheetWide, code: 'no-opening-balance', message: `记录中的期初实有代表没有载明${what}，无法对应名册` });
      return { problems };
    }
    balance = { session: chosen.session, date: chosen.date, count: chosen.count, stated: 'recorded' };
  } else if (balances.length > 0) {
    const s = options.session === undefined ? undefined : state.sessions[options.session];
    if (s && options.session !== undefined && (state.unnamed?.count ?? 0) === 0) {
      return checkAgainstRecord(d, counted, { session: options.session, date: sessionDate(s) }, problems, at);
    }
    const known = balances
      .map((b) => (b.session ? `第${b.session}次会议` : b.date ? formatChineseDate(b.date) : '（日期不详）'))
      .join('、');
    const why = s
      ? `记录中尚有${state.unnamed?.count}名实有代表未记名，无法与第${options.session}次会议时的代表核对`
      : `记录中没有常委会第${options.session}次会议`;
    problems.push({ ...sheetWide, code: 'no-opening-balance', message: `${why}；期初实有代表记录于${known}，请先导入该次会议的名册` });
    return { problems };
  } else if (options.session === undefined) {
    problems.push({
      ...sheetWide,
      code: 'no-opening-balance',
      message: '记录中还没有期初实有代表人数：请用 --session N 指明名册是第几次常委会会议确认的实有代表',
    });
    return { problems };
  } else {
    const s = state.sessions[options.session];
    if (!s) {
      problems.push({
        ...sheetWide,
        code: 'no-opening-balance',
        message: `记录中没有常委会第${options.session}次会议，请先记录该次会议（“常委会会议”事件）`,
      });
      return { problems };
    }
    balance = { session: options.session, date: sessionDate(s), count: counted.length, stated: 'new' };
  }

  if (counted.length === 0) {
    problems.push({ ...sheetWide, code: 'no-rows', message: '名册中没有计入实有代表的代表（各行的代表状态均为终止、当选无效或待确认）' });
    return { problems };
  }
  if (counted.length !== balance.count) {
    problems.push({
      ...sheetWide,
      code: 'count-mismatch',
      message: `名册列出实有代表${counted.length}名，与记录中第${balance.session}次会议确认的实有代表${balance.count}名不一致`,
    });
  }

  // Match the record's deputies by name and electing unit.
  const namedIn = new Set<number>(
    d.events
      .filter(
        (e): e is EventOf<'OpeningBalanceStated'> | EventOf<'RosterLoaded'> =>
          (e.type === 'OpeningBalanceStated' || e.type === 'RosterLoaded') && e.session === balance.session,
      )
      .map((e) => e.seq),
  );
  const ofBalance = (m: Mandate) => m.origin === 'opening-balance' && namedIn.has(m.history[0]!.eventSeq);
  const inRecord = deputiesInRecord(state, () => true);
  const taken = new Set(Object.keys(state.persons));
  const matched: PlannedDeputy[] = [];
  const added: (PlannedDeputy & { entry: RosterEntry })[] = [];
  for (const e of counted) {
    const m = inRecord.get(deputyKey(e.name, e.electingUnit));
    if (m && ofBalance(m)) {
      matched.push({ row: e.row, personId: m.personId, name: e.name, electingUnit: e.electingUnit });
      continue;
    }
    if (m) {
      const how = m.origin === 'by-election' ? '补选产生' : m.origin === 'general' ? '选举产生' : '另一次期初名册载入';
      problems.push({
        ...unitCell(e.row),
        code: 'already-deputy',
        message: `${e.name}（${e.electingUnit}）在记录中已是${how}的代表，不属于第${balance.session}次会议的期初名册`,
      });
      continue;
    }
    if (e.confirmedOn && !onOrBefore(e.confirmedOn, balance.date)) {
      problems.push({
        ...sheetWide,
        row: e.row,
        code: 'confirmed-after-balance',
        message: `${e.name}的代表资格确认日期（${formatChineseDate(e.confirmedOn)}）晚于第${balance.session}次会议（${formatChineseDate(balance.date)}），不能列入当时的实有代表`,
      });
      continue;
    }
    if (e.personId && taken.has(e.personId)) {
      problems.push({
        ...sheetWide,
        row: e.row,
        code: 'person-id-clash',
        message: `人员编号“${e.personId}”在记录中已属于${state.persons[e.personId]?.name}，不能用于${e.name}`,
      });
      continue;
    }
    const personId = e.personId ?? generatedId(e, taken);
    taken.add(personId);
    added.push({ row: e.row, personId, name: e.name, electingUnit: e.electingUnit, entry: e });
  }

  // Deputies the record names for this balance must appear in its roster.
  const matchedIds = new Set(matched.map((m) => m.personId));
  for (const m of state.mandates.filter(ofBalance)) {
    if (!matchedIds.has(m.personId)) {
      problems.push({
        ...sheetWide,
        code: 'missing-named-member',
        message: `记录中第${balance.session}次会议的实有代表${state.persons[m.personId]?.name ?? m.personId}（${m.electingUnit}）不在名册中`,
      });
    }
  }
  if (problems.length > 0) return { problems };

  const fileName = command.file.split(/[\\/]/).pop() ?? command.file;
  const title = `代表名册（${fileName}${command.sheet === fileName ? '' : `，工作表“${command.sheet}”`}）`;
  const source: SourceDocument = { title, session: balance.session, date: balance.date };
  const events: EventInput[] = [];
  if (balance.stated === 'new') {
    events.push({ type: 'OpeningBalanceStated', source, session: balance.session, date: balance.date, count: balance.count, members: [] });
  }
  for (const { personId, entry: e } of added) {
    events.push({
      type: 'PersonRegistered',
      source,
      personId,
      name: e.name,
      ...(e.gender ? { gender: e.gender } : {}),
      ...(e.ethnicity ? { ethnicity: e.ethnicity } : {}),
      ...(e.birthDate ? { birthDate: e.birthDate } : {}),
      ...(e.party ? { party: e.party } : {}),
      ...(e.affiliation ? { affiliation: e.affiliation } : {}),
      ...(e.note ? { note: e.note } : {}),
    });
  }
  if (added.length > 0) {
    events.push({
      type: 'RosterLoaded',
      source,
      session: balance.session,
      date: balance.date,
      members: added.map(({ personId, electingUnit, entry }) => ({
        personId,
        electingUnit,
        ...(entry.confirmedOn ? { confirmedOn: entry.confirmedOn } : {}),
      })),
    });
  }
  const skipped = entries
    .filter((e) => !e.counted)
    .map((e) => ({ row: e.row, personId: e.personId ?? '', name: e.name, electingUnit: e.electingUnit, status: e.status ?? '' }));
  return {
    plan: { balance, matched, added: added.map(({ entry: _entry, ...p }) => p), skipped, events },
    problems,
  };
}
