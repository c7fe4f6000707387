/**
 * The use cases across congresses, over the catalog port: the congresses a store holds, province-wide
 * statistics, one person across congresses, keeping the read models current, and the database's
 * schema. Like `RosterApp`, plain input in, plain data out; the CLI only parses and formats.
 */
import { type CongressFacts, figuresOn } from '../domain/congress-summary.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import type { CongressLevel } from '../domain/events.js';
import { derive } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import type { CongressDayFigures, CongressEntry, LinkedPerson, MigrationReport, RecordCatalog } from '../store/record-catalog.js';
import type { Head } from '../store/record-store.js';
import { type Clock, todayOf } from './clock.js';
import { readRecord } from './read-record.js';
import { type Stats, type StatsRequest, stats } from './stats.js';
import { viewsOf } from './stream-views.js';

export type { LinkedPerson };

export interface CongressesAppPorts {
  readonly catalog: RecordCatalog;
  readonly evaluator: Evaluator;
  readonly clock: Clock;
}

export interface CongressListing {
  /** The day `count` is counted on (the clock's today). */
  readonly asOf: string;
  readonly congresses: readonly {
    readonly id: string;
    readonly within?: string;
    readonly head: Head;
    /** Absent where the record does not constitute a congress yet. */
    readonly congress?: CongressFacts;
    readonly count?: number;
  }[];
}

/** Figures on a day for every congress, and the congresses whose read models were derived afresh and stored. */
interface DayAnswer {
  readonly entries: readonly CongressEntry[];
  readonly figures: readonly CongressDayFigures[];
  /** Every congress's facts, fresh or derived here: for naming the areas. */
  readonly facts: ReadonlyMap<string, CongressFacts>;
  readonly refreshed: readonly string[];
}

export interface PersonLinkRequest {
  readonly person: string;
  readonly locals: readonly { readonly congress: string; readonly personId: string }[];
  readonly basis: string;
  readonly recordedBy: string;
}

export class CongressesApp {
  readonly catalog: RecordCatalog;
  readonly evaluator: Evaluator;
  readonly clock: Clock;

  constructor(ports: CongressesAppPorts) {
    this.catalog = ports.catalog;
    this.evaluator = ports.evaluator;
    this.clock = ports.clock;
  }

  /**
   * The figures the store answers from its read models; congresses whose models are missing or stale
   * are derived here, and their models stored again where the store keeps them and lets us write.
   */
  async #figures(date: string, level: CongressLevel | undefined): Promise<DayAnswer> {
    const entries = await this.catalog.congresses();
    const answer = await this.catalog.figures({ date, level, rulesHash: this.evaluator.rulesHash });
    const facts = new Map<string, CongressFacts>();
    for (const e of entries) if (e.congress) facts.set(e.id, e.congress);
    const figures = [...answer.figures];
    const refreshed: string[] = [];
    for (const id of answer.stale) {
      const { head, events } = await readRecord(this.catalog.stream(id));
      const views = viewsOf(await derive(events, this.evaluator), this.evaluator);
      if (await this.#store(id, head, views)) refreshed.push(id);
      const congress = views.summary.congress;
      if (!congress) continue;
      facts.set(id, congress);
      if (level !== undefined && congress.level !== level) continue;
      const within = entries.find((e) => e.id === id)?.within;
      figures.push({ id, ...(within ? { within } : {}), congress, ...figuresOn(views.summary, date) });
    }
    return { entries, figures, facts, refreshed };
  }

  /** Store derived models; a store that may not be written here (a read-only replica, a reader's role) is left as it is. */
  async #store(id: string, head: Head, views: ReturnType<typeof viewsOf>): Promise<boolean> {
    try {
      return await this.catalog.storeViews(id, head, views);
    } catch (e) {
      if (isDomainError(e, 'store-refused')) return false;
      throw e;
    }
  }

  async congresses(): Promise<CongressListing> {
    const asOf = todayOf(this.clock);
    const { entries, figures, facts } = await this.#figures(asOf, undefined);
    return {
      asOf,
      congresses: entries.map((e) => {
        const congress = facts.get(e.id);
        const count = figures.find((f) => f.id === e.id)?.count;
        return { id: e.id, ...(e.within ? { within: e.within } : {}), head: e.head, ...(congress ? { congress, count } : {}) };
      }),
    };
  }

  async add(id: string, within?: string): Promise<void> {
    await this.catalog.create(id, within);
  }

  /** Quota, 实有代表, vacancies and terminations by ground on a day, by congress, area and in all. */
  async stats(request: StatsRequest): Promise<{ readonly stats: Stats; readonly refreshed: readonly string[] }> {
    const asOf = request.asOf ?? todayOf(this.clock);
    const { figures, facts, refreshed } = await this.#figures(asOf, request.level);
    const inputs = figures.map((f) => ({ ...f, area: (f.within ? facts.get(f.within)?.region : undefined) ?? f.congress.region }));
    return { stats: stats(asOf, request.level, inputs), refreshed };
  }

  /** Derive every congress whose read models are missing or stale (another head, other rules) and store them. */
  async refresh(): Promise<{ readonly refreshed: readonly string[] }> {
    const { refreshed } = await this.#figures(todayOf(this.clock), undefined);
    return { refreshed };
  }

  /** Say that congress-local ids are one person (`person`, the office's id for them), on a stated basis. */
  async link(request: PersonLinkRequest): Promise<readonly LinkedPerson[]> {
    if (request.basis.trim() === '')
      throw new DomainError('invalid-input', '请用 --basis 写明认定为同一人的依据（如身份证件核对、选举结果公告）');
    if (!/^[^\s:]+$/.test(request.person)) throw new DomainError('invalid-input', `人员编号“${request.person}”无效：不能含空白或冒号`);
    for (const local of request.locals) {
      const { events } = await readRecord(this.catalog.stream(local.congress));
      if (!events.some((e) => e.type === 'PersonRegistered' && e.personId === local.personId)) {
        throw new DomainError('unknown-person', `代表大会 ${local.congress} 的记录中没有编号为“${local.personId}”的人员`);
      }
    }
    await this.catalog.link(request.person, request.locals, request.basis, request.recordedBy);
    return this.catalog.linked(request.person);
  }

  /** Withdraw links (a mistaken identification), on a stated basis; the earlier statements stay on the record. */
  async unlink(request: Omit<PersonLinkRequest, 'person'>): Promise<void> {
    if (request.basis.trim() === '') throw new DomainError('invalid-input', '请用 --basis 写明撤销关联的理由');
    await this.catalog.link(undefined, request.locals, request.basis, request.recordedBy);
  }

  async person(person: string): Promise<readonly LinkedPerson[]> {
    const linked = await this.catalog.linked(person);
    if (linked.length === 0) throw new DomainError('unknown-person', `没有关联到人员“${person}”的代表大会记录`);
    return linked;
  }

  async migrate(): Promise<MigrationReport> {
    return this.catalog.migrate();
  }
}
