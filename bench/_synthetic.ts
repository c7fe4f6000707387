/**
 * A congress-sized synthetic log for benchmarks: 500 deputies elected and confirmed, then 20 years
 * of standing-committee sessions with terminations, by-elections, reviews and suspensions. Invented
 * facts for measuring, never data: the names are codes.
 */
import type { EventInput } from '../src/domain/events.js';

const UNITS = Array.from({ length: 10 }, (_, i) => `单位${i + 1}`);

/** Deterministic pseudo-random numbers, so every run measures the same log. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const day = (year: number, month: number, d = 15) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * `suspensionsPerSession` deputies are suspended (or, if suspended, resumed) at each session: 1 gives
 * the 20-year congress of the README; more gives a long log over the same people (`LARGE_CONGRESS`).
 */
export function syntheticCongress(deputies = 500, years = 20, turnoverPerYear = 40, suspensionsPerSession = 1): EventInput[] {
  const random = rng(20260101);
  const src = (date: string, session?: number) => ({ title: '基准测试文件', date, ...(session ? { session } : {}) });
  const start = 2005;
  const events: EventInput[] = [
    {
      type: 'CongressConstituted',
      source: src(day(start, 1, 1)),
      congress: {
        name: '基准市人民代表大会',
        shortName: '基准市人大',
        termNumber: 1,
        level: 'municipal',
        region: '基准市',
        term: {},
        quota: deputies,
        electingUnits: UNITS.map((name) => ({ name })),
      },
    },
    { type: 'SessionHeld', source: src(day(start, 1, 10), 1), session: 1, date: day(start, 1, 10), agenda: [] },
  ];
  const counted: { id: string; unit: string }[] = [];
  let nextPerson = 1;
  const elect = (unit: string, date: string, kind: 'general' | 'by-election', session: number) => {
    const id = `p${nextPerson++}`;
    events.push({ type: 'PersonRegistered', source: src(date), personId: id, name: `代表${id}` });
    events.push({ type: 'DeputyElected', source: src(date), personId: id, electingUnit: unit, kind, date });
    events.push({ type: 'QualificationReviewed', source: src(date, session), personId: id, date, session, result: 'valid' });
    counted.push({ id, unit });
  };
  for (let i = 0; i < deputies; i++) elect(UNITS[i % UNITS.length]!, day(start, 1, 10), 'general', 1);

  let session = 1;
  const suspended = new Set<string>();
  for (let year = start; year < start + years; year++) {
    for (let month = 2; month <= 12; month += 2) {
      session++;
      const date = day(year, month);
      events.push({ type: 'SessionHeld', source: src(date, session), session, date, agenda: [] });
      const leaving = Math.round(turnoverPerYear / 6);
      for (let k = 0; k < leaving && counted.length > 0; k++) {
        const [gone] = counted.splice(Math.floor(random() * counted.length), 1);
        if (!gone) break;
        suspended.delete(gone.id);
        const r = random();
        if (r < 0.5)
          events.push({ type: 'DeputyTransferredOut', source: src(date, session), personId: gone.id, date, movement: 'transferred' });
        else if (r < 0.85) events.push({ type: 'DeputyResignationAccepted', source: src(date, session), personId: gone.id, date });
        else events.push({ type: 'DeputyDied', source: src(date, session), personId: gone.id, date });
        elect(gone.unit, date, 'by-election', session);
      }
      for (let k = 0; k < suspensionsPerSession; k++) {
        const who = counted[Math.floor(random() * counted.length)];
        if (who && !suspended.has(who.id)) {
          events.push({ type: 'DeputySuspended', source: src(date, session), personId: who.id, date, ground: 'criminal-custody' });
          suspended.add(who.id);
        } else if (who) {
          events.push({ type: 'SuspensionEnded', source: src(date, session), personId: who.id, date });
          suspended.delete(who.id);
        }
      }
    }
  }
  return events;
}

/**
 * About 100,000 events: 1,000 deputies over 20 years, 100 by-elections a year, and 740 suspensions
 * or resumptions at every session (a stress shape: many events about the same people).
 */
export const LARGE_CONGRESS = [1000, 20, 100, 740] as const;
