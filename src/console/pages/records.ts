/** 检查 / 历史: check findings with their rules, the log with filters, verify with the last hash, the diff between two sessions. */
import type { FastifyInstance } from 'fastify';
import { Day } from '../../domain/dates.js';
import { DomainError } from '../../domain/errors.js';
import { EVENT_NAMES } from '../../domain/event-names.js';
import { EVENT_TYPES } from '../../domain/events.js';
import type { LedgerTarget } from '../../ledger/headcount.js';
import type { RosterServices } from '../../server/services.js';
import { page } from '../view-helpers.js';

/** `19` is a session, `2024-07-31` a date: as `roster diff` reads them. */
function target(value: string, field: string): LedgerTarget {
  const v = value.trim();
  if (/^[1-9]\d*$/.test(v)) return { session: Number(v) };
  if (Day.safeParse(v).success) return { asOf: v };
  throw new DomainError('invalid-input', `${field}“${v}”既不是会议次数也不是日期（YYYY-MM-DD）`);
}

export function recordPages(app: FastifyInstance, services: RosterServices): void {
  app.get<{ Querystring: { all?: string } }>('/checks', async (req, reply) => {
    const [{ findings: checks }, d] = await Promise.all([services.check(), services.derivation()]);
    // The newest 300 rule findings unless all are asked for: a congress's 20 years gives thousands.
    const findings = [...d.findings].reverse();
    const names = Object.fromEntries(Object.values(d.state.persons).map((p) => [p.personId, p.name]));
    return page(req, reply, 'checks', '检查', {
      checks,
      names,
      findings: req.query.all ? findings : findings.slice(0, 300),
      total: findings.length,
    });
  });

  app.get<{ Querystring: { type?: string; unit?: string; since?: string; all?: string } }>('/history', async (req, reply) => {
    const q = req.query;
    const type = q.type && (EVENT_TYPES as string[]).includes(q.type) ? q.type : undefined;
    const since = q.since?.trim() || undefined;
    if (since && !Day.safeParse(since).success) throw new DomainError('invalid-input', `日期“${since}”无效，应为 YYYY-MM-DD`);
    const entries = await services.log({ ...(type ? { type } : {}), ...(q.unit ? { unit: q.unit } : {}), ...(since ? { since } : {}) });
    const choices = await services.choices();
    return page(req, reply, 'log', '历史', {
      // The newest 200 unless all are asked for: a congress's 20 years is thousands of events.
      entries: [...entries].reverse().slice(0, q.all ? undefined : 200),
      total: entries.length,
      filter: { type: type ?? '', unit: q.unit ?? '', since: since ?? '' },
      types: EVENT_TYPES.map((t) => ({ value: t, label: EVENT_NAMES[t] })),
      units: choices.units,
      chain: await services.verify(),
    });
  });

  app.get<{ Querystring: { from?: string; to?: string } }>('/history/diff', async (req, reply) => {
    const sessions = (await services.sessions()).map((s) => s.session.session);
    const from = req.query.from ?? (sessions[1] !== undefined ? String(sessions[1]) : '');
    const to = req.query.to ?? (sessions[0] !== undefined ? String(sessions[0]) : '');
    const diff = from && to ? await services.diff(target(from, '起点'), target(to, '终点')) : undefined;
    return page(req, reply, 'diff', '两次会议之间的变化', { diff, from, to, sessions });
  });
}
