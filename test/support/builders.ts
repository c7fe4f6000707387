/** Small builders for invented congresses in tests: facts a test states, not facts about real people. */
import type { EventInput } from '../../src/domain/events.js';

const src = (date?: string, session?: number) => ({ title: '测试文件', ...(date ? { date } : {}), ...(session ? { session } : {}) });

export function congress(
  opts: {
    /** null: no quota (the NPC). */
    quota?: number | null;
    cap?: number;
    reservedSeats?: number;
    level?: 'national' | 'provincial' | 'municipal' | 'county' | 'township';
    units?: { name: string; quota?: number; kind?: 'military' | 'armed-police' }[];
    /** The area the congress is of (default 某市, in no province with rules of its own). */
    region?: string;
    province?: string;
  } = {},
): EventInput {
  return {
    type: 'CongressConstituted',
    source: src(),
    congress: {
      name: '某市第一届人民代表大会',
      shortName: '市一届人大',
      termNumber: 1,
      level: opts.level ?? 'municipal',
      region: opts.region ?? '某市',
      ...(opts.province ? { province: opts.province } : {}),
      standingCommittee: { name: '某市人民代表大会常务委员会', shortName: '市人大常委会' },
      term: {},
      ...(opts.quota === null ? {} : { quota: opts.quota ?? 10 }),
      ...(opts.cap ? { cap: opts.cap } : {}),
      ...(opts.reservedSeats !== undefined ? { reservedSeats: opts.reservedSeats } : {}),
      electingUnits: opts.units ?? [{ name: '甲区' }, { name: '乙区' }],
    },
  };
}

export function session(n: number, date: string): EventInput {
  return { type: 'SessionHeld', source: src(date, n), session: n, date, agenda: [] };
}

export function person(personId: string, name = personId): EventInput {
  return { type: 'PersonRegistered', source: src(), personId, name };
}

export function opening(
  count: number,
  date: string,
  members: { personId: string; electingUnit: string }[],
  sessionNo?: number,
): EventInput {
  return { type: 'OpeningBalanceStated', source: src(date, sessionNo), date, count, members, ...(sessionNo ? { session: sessionNo } : {}) };
}

export function elected(personId: string, electingUnit: string, date: string, kind: 'general' | 'by-election' = 'by-election'): EventInput {
  return { type: 'DeputyElected', source: src(date), personId, electingUnit, kind, date };
}

export function reviewed(personId: string, date: string, sessionNo: number, result: 'valid' | 'void' = 'valid'): EventInput {
  return { type: 'QualificationReviewed', source: src(date, sessionNo), personId, date, session: sessionNo, result };
}

export { src };
