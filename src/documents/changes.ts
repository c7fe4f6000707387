/**
 * The sentences about changes in deputies that the report, its explanation and the notice share:
 * who ended on which ground in which electing unit and why, which law ends them, who was by-elected
 * by whom. Per-congress wording (调离了宁波市, 因工作岗位变动或到龄退休, 鄞州区人大常委会) comes from
 * the recorded events; only the grammar is here.
 */
import { chineseNumber, formatChineseDate } from '../domain/dates.js';
import type { RosterEvent } from '../domain/events.js';
import { bookTitles, distinct, joinAnd } from './phrasing.js';
import type { DocumentPerson, SessionRecord, TerminationGroup } from './session-record.js';

export interface UnitRun {
  /** Undefined where the source does not give the electing unit. */
  readonly unit: string | undefined;
  readonly persons: readonly DocumentPerson[];
}

/** Consecutive persons of a group that share the same wording of what happened. */
interface Segment {
  readonly units: readonly UnitRun[];
  readonly tail: string | undefined;
}

/** What the event says about why, keyed so that equal wordings share one clause. */
function tailSpec(e: RosterEvent | undefined): { key: string; text: (r: SessionRecord, many: boolean) => string } | undefined {
  if (!e) return undefined;
  if (e.type === 'DeputyResignationAccepted') {
    const { reason, submittedTo } = e;
    return {
      key: JSON.stringify(['resigned', reason, submittedTo]),
      text: (r, many) => {
        const to =
          submittedTo &&
          {
            'electing-unit': '其选举单位',
            'standing-committee': r.standingCommittee.shortName,
            congress: `${r.levelWord}人民代表大会`,
            'electing-committee': '原选举单位的选举委员会',
          }[submittedTo];
        return `${reason ?? ''}${many ? '分别' : ''}${to ? `向${to}` : ''}提出辞去${r.congress.shortName}代表职务的请求并被接受`;
      },
    };
  }
  const text = 'circumstances' in e ? e.circumstances : undefined;
  const wording = text ?? (e.type === 'DeputyRecalled' && e.recalledBy ? `被${e.recalledBy}罢免` : undefined);
  return wording === undefined ? undefined : { key: JSON.stringify(['text', wording]), text: () => wording };
}

function unitRuns(persons: readonly DocumentPerson[]): UnitRun[] {
  const runs: { unit: string | undefined; persons: DocumentPerson[] }[] = [];
  for (const p of persons) {
    const last = runs[runs.length - 1];
    if (last && last.unit === p.electingUnit) last.persons.push(p);
    else runs.push({ unit: p.electingUnit, persons: [p] });
  }
  return runs;
}

function segments(r: SessionRecord, group: TerminationGroup): Segment[] {
  const runs: { key: string | undefined; spec: ReturnType<typeof tailSpec>; persons: DocumentPerson[] }[] = [];
  for (const p of group.persons) {
    const spec = tailSpec(p.event);
    const last = runs[runs.length - 1];
    if (last && last.key === spec?.key) last.persons.push(p);
    else runs.push({ key: spec?.key, spec, persons: [p] });
  }
  return runs.map((run) => ({ units: unitRuns(run.persons), tail: run.spec?.text(r, run.persons.length > 1) }));
}

/** How a document writes the persons of one electing unit and joins the units. */
export interface PersonStyle {
  readonly person: (p: DocumentPerson) => string;
  readonly sameUnit: (items: readonly string[]) => string;
  readonly units: string;
}

/** Names only, 、 within a unit, ， between units: the report's and the notice's form. */
export const NAMES_ONLY: PersonStyle = { person: (p) => p.name, sameUnit: (names) => names.join('、'), units: '，' };

/** 江北区选举产生的朱欢，镇海区选举产生的徐伟斌，因工作岗位变动调离了宁波市 */
export function groupText(r: SessionRecord, group: TerminationGroup, style: PersonStyle): string {
  return segments(r, group)
    .map((s) => {
      const units = s.units
        .map((u) => `${u.unit ? `${u.unit}选举产生的` : ''}${style.sameUnit(u.persons.map(style.person))}`)
        .join(style.units);
      return s.tail ? `${units}，${s.tail}` : units;
    })
    .join('；');
}

const lawsOf = (persons: readonly DocumentPerson[]) =>
  distinct(persons.flatMap((p) => (p.finding?.citation.lawTitle ? [p.finding.citation.lawTitle] : [])));

/** 依照《…代表法》等有关规定 (empty where the findings cite practice only). */
export function byLaw(persons: readonly DocumentPerson[], form: '等有关规定' | '的有关规定', verb = '依照'): string {
  const laws = lawsOf(persons);
  return laws.length > 0 ? `${verb}${bookTitles(laws)}${form}` : '';
}

/** 代表资格终止 → 市十六届人大代表资格终止; 当选无效 stays as it is. */
function statusEnds(r: SessionRecord, phrase: string): string {
  return phrase.startsWith('代表资格') ? `${r.congress.shortName}${phrase}` : phrase;
}

/**
 * The sentence that ends the mandates: one per wording (终止, 自然终止 …), each citing the laws its
 * findings cite. `together` names a single wording's deputies as 上述N名代表 (the report's form).
 */
export function endingSentences(r: SessionRecord, form: '等有关规定' | '的有关规定', together: boolean): string {
  const phrases = distinct(r.terminations.map((g) => g.phrase));
  return phrases
    .map((phrase) => {
      const persons = r.terminations.filter((g) => g.phrase === phrase).flatMap((g) => g.persons);
      const who =
        together && phrases.length === 1 && persons.length > 1 ? `上述${persons.length}名代表` : persons.map((p) => p.name).join('、');
      const law = byLaw(persons, form);
      return `${law ? `${law}，` : ''}${who}的${statusEnds(r, phrase)}。`;
    })
    .join('');
}

/** The bodies that held the by-elections of these persons, one per unit and body, in order. */
export function electingBodyList(persons: readonly DocumentPerson[]): { unit: string | undefined; body: string | undefined }[] {
  const seen = new Map<string, { unit: string | undefined; body: string | undefined }>();
  for (const p of persons) seen.set(`${p.electingUnit}\u0000${p.electedBy ?? ''}`, { unit: p.electingUnit, body: p.electedBy });
  return [...seen.values()];
}

/**
 * Who held the by-elections: 鄞州区人大常委会 and 慈溪市人大常委会 → 鄞州区和慈溪市人大常委会 (the part
 * after each unit's name said once when it is the same). Undefined when any is unrecorded.
 */
export function electingBodies(persons: readonly DocumentPerson[]): string | undefined {
  const list = electingBodyList(persons);
  const bodies = list.flatMap((b) => (b.body === undefined ? [] : [{ unit: b.unit ?? '', body: b.body }]));
  if (bodies.length === 0 || bodies.length < list.length) return undefined;
  const suffixes = distinct(bodies.map((b) => (b.unit && b.body.startsWith(b.unit) ? b.body.slice(b.unit.length) : '')));
  const suffix = suffixes[0];
  if (suffixes.length === 1 && suffix) return `${joinAnd(distinct(bodies.map((b) => b.unit)))}${suffix}`;
  return joinAnd(distinct(bodies.map((b) => b.body)));
}

/** Persons by electing unit, units in order of first appearance. */
export function byUnit(persons: readonly DocumentPerson[]): UnitRun[] {
  const units = distinct(persons.map((p) => p.electingUnit));
  return units.map((unit) => ({ unit, persons: persons.filter((p) => p.electingUnit === unit) }));
}

/** 市十六届人大常委会第十五次会议 (with its date first when `dated`: 2024年1月市十六届人大常委会…). */
export function baselineSessionName(r: SessionRecord, dated: boolean): string | undefined {
  const n = r.ledger.baseline.session;
  if (n === undefined) return undefined;
  const date = dated && r.baselineSession ? formatChineseDate(r.baselineSession.date) : '';
  return `${date}${r.congress.shortName}常委会第${chineseNumber(n)}次会议`;
}

/** 市十六届人大代表总名额为495名，…确认代表资格后，实有代表484名，缺额11名。 */
export function baselineSentence(r: SessionRecord, dated: boolean): string {
  const { quota, baseline } = r.ledger;
  const at = baselineSessionName(r, dated);
  return `${r.congress.shortName}代表总名额为${quota}名，${at ? `${at}确认代表资格后，` : ''}实有代表${baseline.count}名，缺额${baseline.vacancies}名。`;
}
