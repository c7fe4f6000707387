/**
 * A province-sized synthetic record for the database benchmark: 1 provincial, 11 municipal, 90 county
 * and 1,398 township congresses (1,500), about 150,000 seats, one five-year term each with about 45 %
 * turnover, suspensions and the standing committee's notices: about 1,000,000 events. Invented facts
 * for measuring, never data: every name and code is made up (样例省, 样例省第3市 …), and the
 * figures are random draws from a fixed seed, so every run measures the same province.
 *
 * `scale` keeps the same shape with fewer congresses (0.1: 150 congresses, about 100,000 events).
 */
import { fixedClock } from '../src/app/clock.js';
import { RosterApp } from '../src/app/roster-app.js';
import type { CongressLevel, EventInput, RosterEvent } from '../src/domain/events.js';
import type { Evaluator } from '../src/engine/evaluator.js';
import { chainRecords } from '../src/store/chain.js';
import { FORMAT, SCHEMA_VERSION } from '../src/store/data-file.js';
import type { RecordCatalog } from '../src/store/record-catalog.js';

export interface SyntheticCongress {
  readonly id: string;
  readonly within?: string;
  readonly level: CongressLevel;
  readonly events: EventInput[];
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const day = (year: number, month: number, d = 15) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const SEATS: Record<CongressLevel, number> = { national: 3000, provincial: 750, municipal: 500, county: 260, township: 86 };
const UNITS: Record<CongressLevel, number> = { national: 35, provincial: 11, municipal: 10, county: 20, township: 8 };
const NATIONALITIES = ['汉族', '汉族', '汉族', '汉族', '回族', '畲族', '满族'];
const PARTIES = ['中国共产党', '中国共产党', '中国共产党', '群众', '民盟', '九三学社'];

/** One congress's term: elected, reviewed, then 30 sessions of changes. */
function congressEvents(id: string, level: CongressLevel, region: string, seed: number): EventInput[] {
  const random = rng(seed);
  const quota = Math.round(SEATS[level] * (0.9 + random() * 0.2));
  const units = Array.from({ length: UNITS[level] }, (_, i) => `${region}第${i + 1}选区`);
  const start = 2021;
  const src = (date: string, session?: number) => ({ title: '基准测试文件', date, ...(session ? { session } : {}) });
  const events: EventInput[] = [
    {
      type: 'CongressConstituted',
      source: src(day(start, 1, 1)),
      congress: {
        name: `${region}第九届人民代表大会`,
        shortName: `${region}九届人大`,
        termNumber: 9,
        level,
        region,
        term: { start: '2021-01', end: '2025-12' },
        quota,
        electingUnits: units.map((name) => ({ name })),
      },
    },
    { type: 'SessionHeld', source: src(day(start, 1, 10), 1), session: 1, date: day(start, 1, 10), agenda: [] },
  ];
  let next = 1;
  const seated: { id: string; unit: string }[] = [];
  const elect = (unit: string, date: string, kind: 'general' | 'by-election', session: number) => {
    const personId = `${id}-p${next++}`;
    events.push({
      type: 'PersonRegistered',
      source: src(date),
      personId,
      name: `代表${personId}`,
      gender: random() < 0.3 ? '女' : '男',
      ethnicity: NATIONALITIES[Math.floor(random() * NATIONALITIES.length)]!,
      birthDate: day(1950 + Math.floor(random() * 50), 1 + Math.floor(random() * 12)).slice(0, 7),
      party: PARTIES[Math.floor(random() * PARTIES.length)]!,
    });
    events.push({ type: 'DeputyElected', source: src(date), personId, electingUnit: unit, kind, date });
    events.push({ type: 'QualificationReviewed', source: src(date, session), personId, date, session, result: 'valid' });
    seated.push({ id: personId, unit });
  };
  // A few seats stay vacant from the start.
  const filled = quota - Math.floor(random() * 3);
  for (let i = 0; i < filled; i++) elect(units[i % units.length]!, day(start, 1, 10), 'general', 1);

  const suspended = new Set<string>();
  let session = 1;
  for (let year = start; year < start + 5; year++) {
    for (let month = 2; month <= 12; month += 2) {
      session++;
      const date = day(year, month);
      events.push({ type: 'SessionHeld', source: src(date, session), session, date, agenda: [] });
      const leaving = Math.floor((quota * 0.45) / 30 + random());
      const ended: string[] = [];
      const refill: string[] = [];
      for (let k = 0; k < leaving && seated.length > 0; k++) {
        const [gone] = seated.splice(Math.floor(random() * seated.length), 1);
        if (!gone) break;
        suspended.delete(gone.id);
        const r = random();
        // A seat falls vacant before the session that by-elects to it: a by-election needs a vacancy on its date.
        const left = day(year, month, 1);
        if (r < 0.5)
          events.push({ type: 'DeputyTransferredOut', source: src(date, session), personId: gone.id, date: left, movement: 'transferred' });
        else if (r < 0.9) events.push({ type: 'DeputyResignationAccepted', source: src(date, session), personId: gone.id, date: left });
        else events.push({ type: 'DeputyDied', source: src(date, session), personId: gone.id, date: left });
        ended.push(gone.id);
        refill.push(gone.unit);
      }
      // By-elected after the session's leavers are chosen, so that none of them leaves before being elected.
      for (const unit of refill) elect(unit, date, 'by-election', session);
      if (ended.length > 0) {
        events.push({ type: 'TerminationsAnnounced', source: src(date, session), date, session, personIds: ended, stated: {} });
        events.push({ type: 'CredentialsReportAdopted', source: src(date, session), date, session, stated: {} });
      }
      const suspensions = Math.floor((quota * 0.8) / 30 + random());
      for (let k = 0; k < suspensions; k++) {
        const who = seated[Math.floor(random() * seated.length)];
        if (!who) break;
        if (suspended.has(who.id)) {
          events.push({ type: 'SuspensionEnded', source: src(date, session), personId: who.id, date });
          suspended.delete(who.id);
        } else {
          events.push({ type: 'DeputySuspended', source: src(date, session), personId: who.id, date, ground: 'criminal-custody' });
          suspended.add(who.id);
        }
      }
    }
  }
  return events;
}

/** How many congresses of each level, at scale 1. */
const SHAPE = { municipal: 11, countiesPerCity: 90 / 11, townships: 1398 };

/** The province's congresses, each with its events, generated one at a time (a million events are never held at once). */
export function* syntheticProvince(scale = 1): Generator<SyntheticCongress> {
  const cities = Math.max(1, Math.round(SHAPE.municipal * scale));
  const counties = Math.max(cities, Math.round(90 * scale));
  const townships = Math.max(counties, Math.round(SHAPE.townships * scale));
  let seed = 20261201;
  yield { id: 'prov', level: 'provincial', events: congressEvents('prov', 'provincial', '样例省', seed++) };
  for (let c = 0; c < cities; c++) {
    const city = `city${String(c + 1).padStart(2, '0')}`;
    yield { id: city, within: 'prov', level: 'municipal', events: congressEvents(city, 'municipal', `样例省第${c + 1}市`, seed++) };
  }
  for (let k = 0; k < counties; k++) {
    const cityNo = (k % cities) + 1;
    const county = `county${String(k + 1).padStart(3, '0')}`;
    const city = `city${String(cityNo).padStart(2, '0')}`;
    yield {
      id: county,
      within: city,
      level: 'county',
      events: congressEvents(county, 'county', `样例省第${cityNo}市第${k + 1}县`, seed++),
    };
  }
  for (let t = 0; t < townships; t++) {
    const countyNo = (t % counties) + 1;
    const county = `county${String(countyNo).padStart(3, '0')}`;
    const town = `town${String(t + 1).padStart(4, '0')}`;
    yield {
      id: town,
      within: county,
      level: 'township',
      events: congressEvents(town, 'township', `样例县${countyNo}第${t + 1}乡`, seed++),
    };
  }
}

/** A congress's events as a data file (`roster export`'s layout), recorded by `bench` on one day. */
export function dataFileOf(c: SyntheticCongress): string {
  const stamped = c.events.map(
    (e, i) => ({ ...e, seq: i + 1, recordedAt: '2026-01-01T00:00:00.000Z', recordedBy: 'bench' }) as RosterEvent,
  );
  return JSON.stringify({ format: FORMAT, schemaVersion: SCHEMA_VERSION, events: chainRecords(stamped) });
}

/** Import a congress into a catalog as `roster import` does (chain verified, read models written with it). */
export async function importCongress(catalog: RecordCatalog, evaluator: Evaluator, c: SyntheticCongress): Promise<void> {
  const stream = catalog.stream(c.id, c.within === undefined ? undefined : { within: c.within });
  const app = new RosterApp({ stream, evaluator, clock: fixedClock('2026-01-01T00:00:00.000Z') });
  await app.importRecord({ name: `${c.id}.json`, text: dataFileOf(c) });
}
