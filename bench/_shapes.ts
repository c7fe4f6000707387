/**
 * The two shapes of a large record that issue 14 measures, generated to any number of events.
 * Invented facts for measuring, never data: names are codes, dates are spread evenly.
 *
 * - Shape A, a long-lived congress: 500 deputies, then session after session of terminations
 *   (every ground the rules know), by-elections whose winners are registered right there, between
 *   other events (so registrations are never one contiguous run), suspensions, absences,
 *   appointments and removals of posts, oaths, notices and reports.
 * - Shape B, a very large congress: 27.6% of the events' count in deputies (276,000 for a
 *   million events), entered as a loaded roster is (one run of registrations, then one opening
 *   balance naming them all); the rest is the same session activity as shape A.
 */
import type { EventInput } from '../src/domain/events.js';

/** Deterministic pseudo-random numbers, so every run measures the same log. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Day `n` after 2016-01-01 (every ground of termination has a rule in force from then), as YYYY-MM-DD. */
function dayNumber(n: number): string {
  return new Date(Date.UTC(2016, 0, 1 + n)).toISOString().slice(0, 10);
}

const ORGANS = [
  { organId: 'sc', name: '基准市人大常委会', kind: 'standing-committee' as const, title: '委员' },
  { organId: 'fec', name: '基准市人大财政经济委员会', kind: 'special-committee' as const, title: '委员' },
  { organId: 'office', name: '基准市人大常委会办公厅', kind: 'working-body' as const, title: '副主任' },
  { organId: 'dev', name: '基准市发展和改革委员会', kind: 'government-department' as const, title: '副主任' },
];

const TERMINATIONS = [
  'DeputyTransferredOut',
  'DeputyResignationAccepted',
  'DeputyDied',
  'DeputyRecalled',
  'NationalityLost',
  'CapacityLost',
  'AbsentTwice',
] as const;

class LogWriter {
  readonly events: EventInput[] = [];
  private readonly random: () => number;
  private nextPerson = 1;
  private session = 0;
  private day = 0;
  /** Counted deputies by unit, and which of them are suspended or hold a post. */
  private readonly counted: { id: string; unit: string }[] = [];
  private readonly suspended = new Set<string>();
  /** Deputies with one unapproved absence: a second one ends their status. */
  private readonly absentOnce = new Set<string>();
  private readonly holding: { id: string; organ: (typeof ORGANS)[number] }[] = [];

  constructor(
    private readonly units: readonly string[],
    seed: number,
  ) {
    this.random = rng(seed);
  }

  private src(date: string) {
    return { title: '基准测试文件', date, session: Math.max(1, this.session) };
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)]!;
  }

  constitute(quota: number, level: 'municipal' | 'provincial' = 'municipal'): void {
    const date = dayNumber(0);
    this.events.push({
      type: 'CongressConstituted',
      source: this.src(date),
      congress: {
        name: '基准市人民代表大会',
        shortName: '基准市人大',
        termNumber: 1,
        level,
        region: '基准市',
        standingCommittee: { name: '基准市人民代表大会常务委员会', shortName: '基准市人大常委会' },
        term: {},
        quota,
        electingUnits: this.units.map((name) => ({ name })),
      },
    });
    for (const o of ORGANS) {
      this.events.push({ type: 'OrganRegistered', source: this.src(date), organId: o.organId, name: o.name, kind: o.kind, shortForms: [] });
    }
    this.holdSession();
  }

  private holdSession(): string {
    this.session++;
    this.day += 3;
    const date = dayNumber(this.day);
    this.events.push({ type: 'SessionHeld', source: this.src(date), session: this.session, date, agenda: [] });
    return date;
  }

  /** Deputies named in an opening balance, registered in one run before it (as `import-roster` records them). */
  openingBalance(deputies: number): void {
    const date = dayNumber(this.day);
    const members: { personId: string; electingUnit: string }[] = [];
    for (let i = 0; i < deputies; i++) {
      const id = `p${this.nextPerson++}`;
      this.events.push({ type: 'PersonRegistered', source: this.src(date), personId: id, name: `代表${id}` });
      members.push({ personId: id, electingUnit: this.units[i % this.units.length]! });
    }
    this.events.push({ type: 'OpeningBalanceStated', source: this.src(date), session: this.session, date, count: deputies, members });
    for (const m of members) this.counted.push({ id: m.personId, unit: m.electingUnit });
  }

  /** Registered, elected and confirmed in turn: three events, never a run of registrations. */
  elect(unit: string, kind: 'general' | 'by-election'): void {
    const date = dayNumber(this.day);
    const id = `p${this.nextPerson++}`;
    this.events.push({ type: 'PersonRegistered', source: this.src(date), personId: id, name: `代表${id}` });
    this.events.push({ type: 'DeputyElected', source: this.src(date), personId: id, electingUnit: unit, kind, date });
    this.events.push({ type: 'QualificationReviewed', source: this.src(date), personId: id, date, session: this.session, result: 'valid' });
    this.counted.push({ id, unit });
  }

  /** One standing-committee session of ordinary business: about 28 events. */
  sessionOfBusiness(): void {
    const date = this.holdSession();
    const ended: string[] = [];
    for (let k = 0; k < 4 && this.counted.length > 1; k++) {
      const at = Math.floor(this.random() * this.counted.length);
      const gone = this.counted[at]!;
      this.counted[at] = this.counted[this.counted.length - 1]!;
      this.counted.pop();
      this.suspended.delete(gone.id);
      const how = this.pick(TERMINATIONS);
      const base = { source: this.src(date), personId: gone.id, date };
      if (how === 'DeputyTransferredOut') this.events.push({ ...base, type: how, movement: 'transferred' });
      else if (how === 'AbsentTwice') {
        if (!this.absentOnce.delete(gone.id)) this.events.push({ ...base, type: 'AbsentWithoutLeave', congressSession: 2 * this.session });
        this.events.push({ ...base, type: 'AbsentWithoutLeave', congressSession: 2 * this.session + 1 });
      } else this.events.push({ ...base, type: how });
      ended.push(gone.id);
      // Posts that need deputy status end with it (相应终止); the others continue.
      for (let h = this.holding.length - 1; h >= 0; h--) {
        const held = this.holding[h]!;
        if (held.id !== gone.id || (held.organ.kind !== 'standing-committee' && held.organ.kind !== 'special-committee')) continue;
        this.events.push({ ...base, type: 'PostEnded', post: { organId: held.organ.organId, title: held.organ.title }, how: '相应终止' });
        this.holding.splice(h, 1);
      }
      this.elect(gone.unit, 'by-election');
    }
    const who = this.pick(this.counted);
    if (this.suspended.has(who.id)) {
      this.events.push({ type: 'SuspensionEnded', source: this.src(date), personId: who.id, date });
      this.suspended.delete(who.id);
    } else {
      this.events.push({ type: 'DeputySuspended', source: this.src(date), personId: who.id, date, ground: 'criminal-custody' });
      this.suspended.add(who.id);
    }
    const absent = this.pick(this.counted);
    if (!this.absentOnce.has(absent.id)) {
      this.events.push({
        type: 'AbsentWithoutLeave',
        source: this.src(date),
        personId: absent.id,
        date,
        congressSession: 2 * this.session,
      });
      this.absentOnce.add(absent.id);
    }
    this.personnel(date);
    this.events.push({ type: 'TerminationsAnnounced', source: this.src(date), date, session: this.session, personIds: ended, stated: {} });
    this.events.push({ type: 'CredentialsReportAdopted', source: this.src(date), date, session: this.session, stated: {} });
  }

  /** An appointment (and its oath) and, now and then, a removal of an earlier one. */
  private personnel(date: string): void {
    const list = (position: number) => ({ kind: 'appointments' as const, proposer: 'council-of-chairpersons' as const, position });
    const appointee = this.pick(this.counted);
    const organ = this.pick(ORGANS);
    const post = { organId: organ.organId, title: organ.title };
    const acts = { date, session: this.session, item: 1 };
    this.events.push({
      type: 'PersonnelDecided',
      source: this.src(date),
      personId: appointee.id,
      act: 'appointed',
      posts: [post],
      ...acts,
      list: list(1),
    });
    this.holding.push({ id: appointee.id, organ });
    this.events.push({ type: 'OathTaken', source: this.src(date), date, session: this.session, personIds: [appointee.id] });
    if (this.holding.length > 20) {
      const [leaving] = this.holding.splice(Math.floor(this.random() * this.holding.length), 1);
      if (leaving) {
        const ended = { organId: leaving.organ.organId, title: leaving.organ.title };
        this.events.push({
          type: 'PersonnelDecided',
          source: this.src(date),
          personId: leaving.id,
          act: 'removed',
          posts: [ended],
          ...acts,
          list: list(2),
        });
      }
    }
  }
}

const unitNames = (n: number) => Array.from({ length: n }, (_, i) => `单位${i + 1}`);

/** Shape A: one congress of 500 deputies whose record grows to `events` events. */
export function shapeA(events: number, seed = 20260101): EventInput[] {
  const w = new LogWriter(unitNames(20), seed);
  w.constitute(500);
  for (let i = 0; i < 500; i++) w.elect(`单位${(i % 20) + 1}`, 'general');
  while (w.events.length < events) w.sessionOfBusiness();
  return w.events.slice(0, events);
}

/** Shape B: a congress of 27.6% of `events` deputies (276,000 at a million), loaded at once, then ordinary business. */
export function shapeB(events: number, seed = 20260102): EventInput[] {
  const deputies = Math.round(events * 0.276);
  const units = unitNames(Math.max(20, Math.round(deputies / 900)));
  const w = new LogWriter(units, seed);
  w.constitute(deputies, 'provincial');
  w.openingBalance(deputies);
  while (w.events.length < events) w.sessionOfBusiness();
  return w.events.slice(0, events);
}
