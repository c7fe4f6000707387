/**
 * The use cases behind the CLI: read the log, derive the roster through the rules, and answer
 * headcount, explain, check and record. No printing here; the CLI formats the results.
 */
import { DomainError } from '../domain/errors.js';
import type { EventInput, RosterEvent } from '../domain/events.js';
import type { Finding } from '../domain/findings.js';
import type { Mandate } from '../domain/roster.js';
import { check, type CheckFinding } from '../checks/consistency.js';
import { derive, type Derivation } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import { ledger, type Ledger, type LedgerTarget } from '../ledger/headcount.js';
import { stamp, type EventStore } from '../store/event-store.js';

export interface PersonExplanation {
  readonly personId: string;
  readonly name: string;
  readonly person: RosterEvent | undefined;
  readonly mandates: readonly Mandate[];
  readonly findings: readonly Finding[];
  readonly events: readonly RosterEvent[];
}

export class RosterApp {
  constructor(
    readonly store: EventStore,
    readonly evaluator: Evaluator,
  ) {}

  async derivation(): Promise<Derivation> {
    return derive(await this.store.read(), this.evaluator);
  }

  async headcount(target: LedgerTarget): Promise<Ledger> {
    return ledger(await this.derivation(), target);
  }

  /** The latest recorded session, or today where none is recorded. */
  async latestTarget(): Promise<LedgerTarget> {
    const sessions = Object.keys((await this.derivation()).state.sessions).map(Number);
    return sessions.length > 0 ? { session: Math.max(...sessions) } : { asOf: new Date().toISOString().slice(0, 10) };
  }

  async check(): Promise<CheckFinding[]> {
    return check(await this.derivation());
  }

  async explain(query: string): Promise<PersonExplanation> {
    const d = await this.derivation();
    const persons = Object.values(d.state.persons);
    const exact = persons.filter((p) => p.personId === query);
    const matches = exact.length > 0 ? exact : persons.filter((p) => p.name === query);
    if (matches.length === 0) throw new DomainError('unknown-person', `记录中没有姓名或编号为“${query}”的人员`);
    if (matches.length > 1) {
      throw new DomainError('unknown-person', `姓名“${query}”对应多名人员，请改用编号：${matches.map((p) => p.personId).join('、')}`);
    }
    const person = matches[0]!;
    const id = person.personId;
    return {
      personId: id,
      name: person.name,
      person,
      mandates: d.state.mandates.filter((m) => m.personId === id),
      findings: d.findings.filter((f) => f.personId === id),
      events: d.events.filter(
        (e) => ('personId' in e && e.personId === id) || ((e.type === 'OpeningBalanceStated' || e.type === 'RosterLoaded') && e.members.some((m) => m.personId === id)),
      ),
    };
  }

  /**
   * Validate new events against the record and append them all, or none. An event naming an
   * unknown person, or one the checks find contradicts the record, is refused with its index.
   */
  async record(events: readonly EventInput[], recordedBy: string, recordedAt: string): Promise<readonly RosterEvent[]> {
    const existing = await this.store.read();
    const request = { events, recordedBy, recordedAt, expectedSeq: existing.length };
    const candidate = [...existing, ...stamp(request)];
    const d = await derive(candidate, this.evaluator);
    const introduced = check(d).filter((f) => f.level === 'error' && f.eventSeq !== undefined && f.eventSeq > existing.length);
    const first = introduced[0];
    if (first) {
      const index = first.eventSeq! - existing.length - 1;
      throw new DomainError(first.code === 'unknown-person' ? 'unknown-person' : 'contradicts-record', first.message, `第${index + 1}个事件（$[${index}]）`);
    }
    return this.store.append(request);
  }
}
