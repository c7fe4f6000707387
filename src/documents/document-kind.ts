/** What a document kind is: a name for the clerk and a pure build from the record of one session. */
import type { Derivation } from '../engine/derive.js';
import type { OfficialDocument } from './official-document.js';

export interface DocumentOptions {
  /** 成文日期 (YYYY-MM-DD), where the clerk gives it instead of the record. */
  readonly date?: string;
  /** The notice's number, and how the number line is written: 〔十六届〕第N号 (`term`) or 第N号 (`plain`). */
  readonly number?: number;
  readonly numberStyle?: 'term' | 'plain';
}

export interface DocumentKind {
  /** The name on the command line: `report`. */
  readonly id: string;
  /** What it is, in Chinese, for help texts. */
  readonly description: string;
  build(d: Derivation, session: number, options: DocumentOptions): OfficialDocument;
}
