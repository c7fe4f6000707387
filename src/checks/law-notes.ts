/**
 * Checks that report how the law applied rather than a contradiction in the record.
 *
 * Findings that rest on custom (依惯例): no text in force on the event's date is verified, so the
 * rule cites no article. Not an error: the clerk is told which rules and events, once per rule.
 */
import type { Finding } from '../domain/findings.js';
import type { Derivation } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import type { CheckFinding } from './check-finding.js';

export function customaryBasisNotes(findings: readonly Finding[]): CheckFinding[] {
  const byRule = new Map<string, { note: string; seqs: Set<number> }>();
  for (const f of findings) {
    if (f.citation.kind !== 'custom') continue;
    const entry = byRule.get(f.ruleId) ?? { note: f.citation.note ?? f.title, seqs: new Set<number>() };
    entry.seqs.add(f.eventSeq);
    byRule.set(f.ruleId, entry);
  }
  return [...byRule].map(([ruleId, { note, seqs }]) => ({
    level: 'info',
    code: 'customary-basis',
    message: `第${[...seqs].join('、')}条事件依惯例认定（${note}；规则 ${ruleId}）：当时施行的法律中没有经核实的条文可以引用`,
    eventSeq: [...seqs][0]!,
  }));
}

/**
 * A deputy suspended for criminal custody where the law requires permission (许可) or a report of a
 * detention in the act, and the record holds neither for that person: the clerk should look.
 */
export async function permissionChecks(d: Derivation, evaluator: Evaluator): Promise<CheckFinding[]> {
  const out: CheckFinding[] = [];
  const jurisdiction = evaluator.jurisdiction(d.state);
  for (const f of d.findings) {
    const event = d.events.find((e) => e.seq === f.eventSeq);
    if (f.outcome.type !== 'mandate-suspended' || event?.type !== 'DeputySuspended' || event.ground !== 'criminal-custody') continue;
    const [required] = await evaluator.ask(
      'permission',
      {},
      { eventSeq: event.seq, personId: event.personId, date: f.effectiveDate, jurisdiction },
    );
    if (required?.outcome.type !== 'permission-required') continue;
    if (d.state.permissions.some((p) => p.personId === event.personId)) continue;
    const name = d.state.persons[event.personId]?.name ?? event.personId;
    out.push({
      level: 'warning',
      code: 'suspension-without-permission',
      message: `${name}因刑事案件被羁押而暂时停止执行代表职务（第${event.seq}条事件），记录中没有${required.outcome.params.by}的许可或者现行犯被拘留的报告（${required.citation.text}：${required.outcome.params.label}）`,
      eventSeq: event.seq,
      personId: event.personId,
    });
  }
  return out;
}

/** A termination on a ground no rule knows (or the source does not give): counted, with its wording, for the clerk to confirm. */
export function otherGroundNotes(d: Derivation): CheckFinding[] {
  return d.findings.flatMap((f): CheckFinding[] => {
    if (f.outcome.type !== 'mandate-terminated' || f.outcome.params.ground !== 'other') return [];
    const e = d.events.find((x) => x.seq === f.eventSeq);
    const wording = e && 'wording' in e ? e.wording : undefined;
    const who =
      e?.type === 'UnnamedDeputiesLeft' ? `${e.count}名代表` : f.personId ? (d.state.persons[f.personId]?.name ?? f.personId) : '代表';
    return [
      {
        level: 'warning',
        code: 'termination-on-other-ground',
        message: `第${f.eventSeq}条事件：${who}的代表资格因“${wording ?? '来源未载明'}”终止，已计入出缺；该情形不在规则所列的终止情形之中，请核实（${f.citation.text}）`,
        eventSeq: f.eventSeq,
        ...(f.personId ? { personId: f.personId } : {}),
      },
    ];
  });
}

/** A balance that stated no count: derived from a later publication (info), or never fixed (error). */
export function balanceNotes(d: Derivation): CheckFinding[] {
  const pool = d.state.unnamed;
  if (!pool || d.state.openingBalances.at(-1)?.count !== undefined) return [];
  const balance = d.state.openingBalances.at(-1)!;
  if (pool.count === undefined) {
    return [
      {
        level: 'warning',
        code: 'balance-count-unknown',
        message: `第${balance.seq}条事件（期初实有代表）未载明人数，其后也没有公告或报告载明变动后的实有人数：实有代表人数无从计算`,
        eventSeq: balance.seq,
      },
    ];
  }
  return [
    {
      level: 'info',
      code: 'balance-count-derived',
      message: `第${balance.seq}条事件（期初实有代表）未载明人数，按第${pool.derivedFrom}条事件所述变动后实有人数推算为${pool.count + balance.members.length}名`,
      eventSeq: balance.seq,
    },
  ];
}
