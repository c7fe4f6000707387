/** What a document kind is: a name for the clerk and a pure build from the record of one session. */
import type { Finding } from '../domain/findings.js';
import { sessionDate } from '../domain/roster.js';
import type { Derivation } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import { ledger } from '../ledger/headcount.js';
import { analysePosts, type PostAnalysis, PostAnalyst } from '../posts/analysis.js';
import type { LevelForms } from './forms/level-forms.js';
import type { OfficialDocument } from './official-document.js';

export interface DocumentOptions {
  /** 成文日期 (YYYY-MM-DD), where the clerk gives it instead of the record. */
  readonly date?: string;
  /** The notice's number, and how the number line is written: 〔十六届〕第N号 (`term`) or 第N号 (`plain`). */
  readonly number?: number;
  readonly numberStyle?: 'term' | 'plain';
}

/** What documents are built from: the derived record, and what the rules make of the session. */
export interface DocumentInput {
  readonly derivation: Derivation;
  /** The cascades and oath duties of the session the document is for. */
  readonly posts: PostAnalysis;
  /** How a speaker addresses the standing committee (rules/standing-committee); undefined where no rule says. */
  readonly salutation: Finding | undefined;
  /** The forms levels usually write in (data/document-forms), for congresses whose record has none. */
  readonly levelForms?: LevelForms;
}

/** How a speaker at the standing committee addresses it on a date, as the rules for the congress's level say. */
async function salutationOn(d: Derivation, evaluator: Evaluator, date: string | undefined): Promise<Finding | undefined> {
  // The congress's level (and province) is the jurisdiction's.
  const found = await evaluator.ask(
    'salutation',
    {},
    { eventSeq: 0, personId: undefined, date, jurisdiction: evaluator.jurisdiction(d.state) },
  );
  return found.find((f) => f.outcome.type === 'salutation');
}

export async function documentInput(d: Derivation, evaluator: Evaluator, session: number, levelForms?: LevelForms): Promise<DocumentInput> {
  const posts = await analysePosts(d, evaluator, session);
  const held = d.state.sessions[session];
  const salutation = await salutationOn(d, evaluator, held ? sessionDate(held) : undefined);
  return { derivation: d, posts, salutation, ...(levelForms ? { levelForms } : {}) };
}

export interface DocumentKind {
  /** The name on the command line: `report`. */
  readonly id: string;
  /** What it is, in Chinese, for help texts. */
  readonly description: string;
  /** The documents, in the order they are printed (one for most kinds; one per decision or list). */
  build(input: DocumentInput, session: number, options: DocumentOptions): readonly OfficialDocument[];
  /**
   * The same for a publication's date rather than a session (an NPC notice names no session): only
   * kinds written from a form (`documents` of the congress, or its level's form) can.
   */
  buildAt?(input: DocumentInput, asOf: string, options: DocumentOptions): readonly OfficialDocument[];
}

/** What documents are built from for a date: the derivation, and the cascades since the count the date's ledger starts from. */
export async function documentInputAt(d: Derivation, evaluator: Evaluator, asOf: string, levelForms?: LevelForms): Promise<DocumentInput> {
  const after = ledger(d, { asOf }).baseline.date;
  const analyst = new PostAnalyst(d, evaluator);
  const cascades = await analyst.cascades(after, asOf);
  return {
    derivation: d,
    posts: { cascades, oathsOwed: [], oathsNotOwed: [], findings: analyst.findings },
    salutation: await salutationOn(d, evaluator, asOf),
    ...(levelForms ? { levelForms } : {}),
  };
}
