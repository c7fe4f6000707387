/**
 * `roster check` compares every session's published figures in one sweep (src/ledger/count-points.ts)
 * instead of a ledger per session: at every point it must come to exactly what the ledger says, on the
 * seed, on every real congress in data/ (unnamed deputies, balances without counts, notices without
 * sessions) and on a generated long-lived congress (bench/_shapes.ts: suspensions, by-elections,
 * thousands of sessions).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shapeA } from '../../bench/_shapes.js';
import { type Derivation, derive } from '../../src/engine/derive.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { countsAt } from '../../src/ledger/count-points.js';
import { type LedgerTarget, ledger } from '../../src/ledger/headcount.js';
import { parseDataFile } from '../../src/store/data-file.js';
import { ROOT, RULES_DIR, stampAll } from '../support/scenario.js';

const evaluator = createEvaluator(loadRuleBook(RULES_DIR));

/** Every session, every date a publication or a status change names, and a day before everything. */
function targets(d: Derivation): LedgerTarget[] {
  const dates = new Set<string>(['1900-01-01']);
  for (const p of [...d.state.reports, ...d.state.announcements]) dates.add(p.date);
  for (const m of d.state.mandates) for (const h of m.history) if (h.from !== undefined) dates.add(h.from);
  return [...Object.keys(d.state.sessions).map((s) => ({ session: Number(s) })), ...[...dates].map((asOf) => ({ asOf }))];
}

function expectSameAsLedger(d: Derivation): number {
  const points = targets(d);
  const counts = countsAt(d, points);
  const swept = points.map((_, i) => counts.at(i));
  const ledgers = points.map((point) => {
    const l = ledger(d, point);
    return { date: l.date, session: l.session, countAfter: l.countAfter, pending: l.pending.length, disagreements: l.disagreements };
  });
  expect(swept).toEqual(ledgers);
  return ledgers.reduce((n, l) => n + l.disagreements.length, 0);
}

describe('the counts at every point, in one sweep, are the ledger’s at that point', () => {
  const dataDir = path.join(ROOT, 'data');
  const files = readdirSync(dataDir).filter((f) => f.endsWith('.json'));

  it.each(files)('data/%s', async (file) => {
    const full = path.join(dataDir, file);
    const d = await derive(parseDataFile(JSON.parse(readFileSync(full, 'utf8')), full).events, evaluator);
    expectSameAsLedger(d);
  });

  it('a session the record does not have fails for that point alone, as the ledger fails for it', async () => {
    const full = path.join(dataDir, 'ningbo-16.json');
    const d = await derive(parseDataFile(JSON.parse(readFileSync(full, 'utf8')), full).events, evaluator);
    const [first] = targets(d);
    const counts = countsAt(d, [{ session: 9999 }, first!]);
    expect(() => counts.at(0)).toThrow(/第9999次会议/);
    expect(() => ledger(d, { session: 9999 })).toThrow(/第9999次会议/);
    expect(counts.at(1).countAfter).toBe(ledger(d, first!).countAfter);
  });

  it('a generated long-lived congress of 3,000 events, whose publications state figures, some of them wrong', async () => {
    // The generator's publications state nothing: give each figures near the true ones, so some agree and some do not.
    let n = 0;
    const stated = () => {
      n++;
      return {
        countAfter: 495 - (n % 7),
        countBefore: 495 - (n % 5),
        terminated: n % 3,
        confirmed: n % 2,
        expectedAttendance: 490 - (n % 4),
      };
    };
    const inputs = shapeA(3000).map((e) =>
      e.type === 'CredentialsReportAdopted' || e.type === 'TerminationsAnnounced' ? { ...e, stated: stated() } : e,
    );
    const d = await derive(stampAll(inputs), evaluator);
    expect(Object.keys(d.state.sessions).length).toBeGreaterThan(50);
    expect(expectSameAsLedger(d)).toBeGreaterThan(0);
  });
});
