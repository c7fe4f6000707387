/**
 * `check` holds every by-election and every confirmation against the seats with figures from one
 * sweep (src/ledger/seat-figures.ts); they must be exactly what asking `countOn` and scanning every
 * mandate on each event's date gives (the computation they replace, written out here): on every
 * record in data/ and on a generated long-lived congress whose by-elections are dated out of record
 * order and whose winners wait sessions for their review, so that pending deputies exist and the
 * record order and the dates disagree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shapeA } from '../../bench/_shapes.js';
import type { EventInput } from '../../src/domain/events.js';
import { effectiveDate } from '../../src/domain/events.js';
import { countOn, isCounted, statusOn } from '../../src/domain/roster.js';
import { type Derivation, derive } from '../../src/engine/derive.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { seatFigures } from '../../src/ledger/seat-figures.js';
import { parseDataFile } from '../../src/store/data-file.js';
import { ROOT, RULES_DIR, stampAll } from '../support/scenario.js';

const evaluator = createEvaluator(loadRuleBook(RULES_DIR));

/** The figures as seatChecks computed them before the sweep: one countOn and two scans of every mandate per event. */
function scanned(d: Derivation) {
  const out: { seq: number; date: string; counted?: number; pending?: number; count?: number }[] = [];
  for (const e of d.events) {
    const date = effectiveDate(e);
    if (!date) continue;
    if (e.type === 'DeputyElected' && e.kind === 'by-election') {
      const own = d.state.mandates.filter((m) => m.personId === e.personId && isCounted(d.state, statusOn(m, date))).length;
      const counted = countOn(d.state, date) - own;
      const pending = d.state.mandates.filter(
        (m) => m.personId !== e.personId && (m.history[0]?.eventSeq ?? 0) < e.seq && statusOn(m, date) === 'pending',
      ).length;
      out.push({ seq: e.seq, date, counted, pending });
    }
    const adds =
      (e.type === 'QualificationReviewed' && e.result === 'valid') || e.type === 'OpeningBalanceStated' || e.type === 'RosterLoaded';
    if (adds) out.push({ seq: e.seq, date, count: countOn(d.state, date) });
  }
  return out;
}

function swept(d: Derivation) {
  return seatFigures(d).map((f) =>
    f.kind === 'by-election'
      ? { seq: f.event.seq, date: f.date, counted: f.counted, pending: f.pending }
      : { seq: f.event.seq, date: f.date, count: f.count },
  );
}

describe('the seat figures, in one sweep, are what a scan of the record on each date gives', () => {
  const dataDir = path.join(ROOT, 'data');
  const files = readdirSync(dataDir).filter((f) => f.endsWith('.json'));
  let compared = 0;

  it.each(files)('data/%s', async (file) => {
    const full = path.join(dataDir, file);
    const d = await derive(parseDataFile(JSON.parse(readFileSync(full, 'utf8')), full).events, evaluator);
    const expected = scanned(d);
    compared += expected.length;
    expect(swept(d)).toEqual(expected);
  });

  it('the records in data/ hold by-elections, confirmations and balances to compare (37 today)', () => {
    expect(compared).toBeGreaterThanOrEqual(37);
  });

  it('a generated congress of 3,000 events, its by-elections dated out of order and reviewed late', async () => {
    // Shape A elects and confirms on one day. Move every third by-election back 40 days (before events
    // recorded ahead of it) and hold every other review back 60 days, so deputies wait, pending, across sessions.
    let n = 0;
    const shift = (date: string, days: number) => {
      const t = new Date(`${date}T00:00:00Z`);
      t.setUTCDate(t.getUTCDate() + days);
      return t.toISOString().slice(0, 10);
    };
    const inputs = shapeA(3000).map((e): EventInput => {
      if (e.type === 'DeputyElected' && e.kind === 'by-election' && e.date && n++ % 3 === 0) return { ...e, date: shift(e.date, -40) };
      if (e.type === 'QualificationReviewed' && e.date && n++ % 2 === 0) return { ...e, date: shift(e.date, 60) };
      return e;
    });
    const d = await derive(stampAll(inputs), evaluator);
    const expected = scanned(d);
    const byElections = expected.filter((x) => x.pending !== undefined);
    expect(byElections.length).toBeGreaterThan(50);
    expect(byElections.filter((x) => x.pending! > 0).length).toBeGreaterThan(10);
    expect(swept(d)).toEqual(expected);
  });

  it('a month-precision date and an undated change are read as statusOn reads them', async () => {
    const full = path.join(dataDir, 'ningbo-16.json');
    const events = parseDataFile(JSON.parse(readFileSync(full, 'utf8')), full).events;
    // Every by-election dated by its month only: the day is compared as the month's last day.
    const d = await derive(
      events.map((e) => (e.type === 'DeputyElected' && e.kind === 'by-election' && e.date ? { ...e, date: e.date.slice(0, 7) } : e)),
      evaluator,
    );
    expect(swept(d)).toEqual(scanned(d));
  });
});
