/** What a document kind is: a name for the clerk and a pure build from the record of one session. */
import type { Finding } from '../domain/findings.js';
import { sessionDate } from '../domain/roster.js';
import type { Derivation } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import { analysePosts, type PostAnalysis } from '../posts/analysis.js';
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
}

export async function documentInput(d: Derivation, evaluator: Evaluator, session: number): Promise<DocumentInput> {
  const posts = await analysePosts(d, evaluator, session);
  const held = d.state.sessions[session];
  const salutation = (
    await evaluator.ask(
      'salutation',
      { congressLevel: d.state.congress?.level ?? null },
      { eventSeq: 0, personId: undefined, date: held ? sessionDate(held) : undefined },
    )
  ).find((f) => f.outcome.type === 'salutation');
  return { derivation: d, posts, salutation };
}

export interface DocumentKind {
  /** The name on the command line: `report`. */
  readonly id: string;
  /** What it is, in Chinese, for help texts. */
  readonly description: string;
  /** The documents, in the order they are printed (one for most kinds; one per decision or list). */
  build(input: DocumentInput, session: number, options: DocumentOptions): readonly OfficialDocument[];
}
