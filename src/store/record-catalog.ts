/**
 * The catalog port: the congresses a store holds, one record stream each, and what a store can
 * answer across them. A data file holds one congress; a database holds a province's (see
 * src/store/postgres/). Questions across congresses are answered from the read models the
 * application derived and the store kept beside each stream (`StreamViews`); where a store keeps
 * none, or they no longer match the stream's head or the rules, the store says so (`stale`) and the
 * application derives them afresh.
 */
import type { CongressFacts, DayFigures } from '../domain/congress-summary.js';
import type { CongressLevel } from '../domain/events.js';
import type { AccountStore } from './account-store.js';
import type { DraftStore } from './draft-store.js';
import type { Head, RecordStream, StreamViews } from './record-store.js';
import type { ReplayStore } from './replay-store.js';

export interface CongressEntry {
  /** The congress's id in the store (`ningbo-16`): what `--congress` names. */
  readonly id: string;
  /** The congress of the enclosing area (a county's municipal congress), where the clerk gave it. */
  readonly within?: string;
  readonly head: Head;
  /** The congress as its record constitutes it, from the stored views; absent where they are stale or missing. */
  readonly congress?: CongressFacts;
}

/** One congress's figures on a day, answered by the store from its views. */
export interface CongressDayFigures extends DayFigures {
  readonly id: string;
  readonly within?: string;
  readonly congress: CongressFacts;
}

export interface FiguresQuery {
  /** The day (YYYY-MM-DD). */
  readonly date: string;
  readonly level?: CongressLevel;
  /** The rules the figures must have been derived with. */
  readonly rulesHash: string;
}

export interface FiguresAnswer {
  readonly figures: readonly CongressDayFigures[];
  /** Congresses whose views are missing or no longer match their head or the rules: derive them afresh. */
  readonly stale: readonly string[];
}

/** A clerk's statement that congress-local person ids are one person (`person`), or no longer (`person` undefined). */
export interface PersonLink {
  readonly person: string | undefined;
  readonly congress: string;
  readonly personId: string;
  readonly basis: string;
  readonly linkedBy: string;
  readonly linkedAt: string;
}

export interface LinkedPerson {
  readonly congress: string;
  readonly personId: string;
  /** The name the congress's record registers, where its views hold it. */
  readonly name: string | undefined;
  readonly link: PersonLink;
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly current: number;
}

export interface RecordCatalog {
  /** Where the congresses live, for messages (a database URL without its password, a data file). */
  readonly location: string;
  /**
   * The stream of congress `id`; without one, of the only congress the store holds (else a message
   * listing them). An import into a congress the store does not hold yet creates it, `within` the
   * congress given.
   */
  stream(id?: string, options?: { readonly within?: string }): RecordStream;
  congresses(): Promise<CongressEntry[]>;
  /** Register a new, empty congress stream. */
  create(id: string, within?: string): Promise<void>;
  figures(query: FiguresQuery): Promise<FiguresAnswer>;
  /** Keep views derived afresh for a stream at `head`; false where the head has moved on meanwhile. */
  storeViews(id: string, head: Head, views: StreamViews): Promise<boolean>;
  link(person: string | undefined, locals: readonly { congress: string; personId: string }[], basis: string, by: string): Promise<void>;
  /** Every congress-local id currently linked to `person`. */
  linked(person: string): Promise<LinkedPerson[]>;
  /** The console's accounts: one set for the whole store (an office), beside the records, outside every chain. */
  accounts(): AccountStore;
  /** The console's drafts of events for `stream`'s congress, beside its records, outside its chain. */
  drafts(stream: RecordStream): DraftStore;
  /** Where the replay of `stream`'s record is kept between commands, beside its records, outside its chain. */
  replays(stream: RecordStream): ReplayStore;
  /** Bring the store's schema up to the program's (a database's numbered migrations). */
  migrate(): Promise<MigrationReport>;
  /** Let go of connections (a CLI command ends after it). */
  close(): Promise<void>;
}
