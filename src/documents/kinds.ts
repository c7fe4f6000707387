/**
 * The document kinds `roster doc` knows. To add one (decisions, appointments, oaths …): write a
 * `DocumentKind` in `kinds/`, add it to this list; every renderer and the CLI pick it up.
 */
import type { DocumentKind } from './document-kind.js';
import { appointments } from './kinds/appointments.js';
import { decisions } from './kinds/decisions.js';
import { explanation } from './kinds/explanation.js';
import { notice } from './kinds/notice.js';
import { oaths } from './kinds/oaths.js';
import { report } from './kinds/report.js';

export const DOCUMENT_KINDS: readonly DocumentKind[] = [report, explanation, notice, decisions, appointments, oaths];

export function documentKind(id: string): DocumentKind | undefined {
  return DOCUMENT_KINDS.find((k) => k.id === id);
}
