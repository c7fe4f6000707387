/** 代表名额与实有代表 as the clerk reads it. */
import { chineseNumber, formatChineseDate } from '../domain/dates.js';
import { ruleAndCitation } from '../domain/rule-name.js';
import { FIELD_NAMES, type Ledger, type LedgerPerson, type UnitGroup } from '../ledger/headcount.js';

/** The named persons, then how many the source counts without names. */
const names = (persons: readonly LedgerPerson[]) => {
  const unnamed = persons.filter((p) => p.unnamed).length;
  const named = persons.filter((p) => !p.unnamed).map((p) => p.name);
  return [...named, ...(unnamed > 0 ? [`未具名${unnamed}名`] : [])].join('、');
};

function unitLines(units: readonly UnitGroup[], indent: string): string[] {
  return units.map((u) => `${indent}${u.unit ?? '选举单位不详'}：${names(u.persons)}`);
}

function citationLines(units: readonly UnitGroup[], indent: string): string[] {
  const seen = new Map<string, LedgerPerson[]>();
  for (const p of units.flatMap((u) => u.persons)) {
    if (!p.finding) continue;
    const key = ruleAndCitation(p.finding);
    seen.set(key, [...(seen.get(key) ?? []), p]);
  }
  return [...seen].map(([key, who]) => `${indent}（${key}：${names(who)}）`);
}

const vacancies = (n: number | undefined) => (n === undefined ? '' : `，缺额${n}名`);

export function formatHeadcount(l: Ledger): string {
  const when =
    l.session !== undefined ? `常委会第${chineseNumber(l.session)}次会议（${formatChineseDate(l.date)}）` : formatChineseDate(l.date);
  const baseline =
    l.baseline.session !== undefined
      ? `${l.congressShortName}常委会第${chineseNumber(l.baseline.session)}次会议${l.baseline.date ? `（${formatChineseDate(l.baseline.date)}）` : ''}确认代表资格后`
      : '本届开始时';
  const out = [
    `${l.congressName}代表名额与实有代表：${when}`,
    '',
    l.quota !== undefined
      ? `代表总名额：${l.quota}名${l.reservedSeats ? `（其中机动名额${l.reservedSeats}名，不计缺额）` : ''}`
      : l.cap !== undefined
        ? `代表名额：不超过${l.cap}名（无固定名额，不计缺额）`
        : '代表总名额：记录未载明（不计缺额）',
    `${baseline}：实有代表${l.baseline.count}名${vacancies(l.baseline.vacancies)}${l.baseline.derivedFrom !== undefined ? `（期初人数未载明，按第${l.baseline.derivedFrom}条事件所述变动后人数推算）` : ''}`,
    '',
    `出缺代表：${l.terminated.count}名`,
  ];
  for (const g of l.terminated.groups) {
    out.push(`  ${g.label}：${g.count}名`, ...unitLines(g.units, '    '), ...citationLines(g.units, '    '));
  }
  out.push('', `补选并经常委会确认代表资格有效：${l.confirmed.count}名`, ...unitLines(l.confirmed.units, '    '));
  out.push(...citationLines(l.confirmed.units, '    '));
  if (l.pending.length > 0) out.push('', `已当选、待确认代表资格（不计入实有代表）：${names(l.pending)}`);
  if (l.suspended.length > 0) out.push('', `暂停执行代表职务（仍计入实有代表）：${l.suspended.length}名：${names(l.suspended)}`);
  const others = l.otherChanges ?? [];
  const left = others.filter((x) => !x.counted);
  const came = others.filter((x) => x.counted);
  if (left.length > 0) out.push('', `其他不再计入实有代表（按计数规则）：${left.length}名：${names(left)}`);
  if (came.length > 0) out.push('', `其他重新计入实有代表（按计数规则）：${came.length}名：${names(came)}`);
  const moves = `${left.length > 0 ? ` − ${left.length}` : ''}${came.length > 0 ? ` + ${came.length}` : ''}`;
  out.push(
    '',
    `实有代表：${l.baseline.count} − ${l.terminated.count} + ${l.confirmed.count}${moves} = ${l.countAfter}名`,
    ...(l.vacanciesAfter !== undefined ? [`缺额：${l.vacanciesAfter}名`] : []),
  );
  const units = l.byUnit.filter((u) => u.terminated > 0 || u.confirmed > 0 || u.quota !== undefined);
  if (units.length > 0) {
    out.push('', '按选举单位：');
    for (const u of units) {
      const parts = [`出缺${u.terminated}名`, `补选确认${u.confirmed}名`];
      if (u.quota !== undefined) parts.push(`名额${u.quota}名`);
      if (u.countAfter !== undefined) parts.push(`实有${u.countAfter}名`);
      if (u.vacancies !== undefined) parts.push(`缺额${u.vacancies}名`);
      out.push(`  ${u.unit ?? '选举单位不详'}：${parts.join('，')}`);
    }
    if (units.some((u) => u.countAfter === undefined)) out.push('  （记录未逐一列明各单位的全部代表，各单位实有人数未知）');
  }
  for (const x of l.disagreements) {
    out.push('', `！《${x.document}》所述${FIELD_NAMES[x.field]}${x.stated}名，与根据记录计算的${x.computed}名不一致`);
  }
  return out.join('\n');
}
