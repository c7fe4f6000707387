/**
 * Builders for the events documents read, for invented congresses: facts a test states, not facts
 * about real people. Complements builders.ts (congress, session, opening, reviewed …).
 */

import { type DocumentOptions, documentInput } from '../../src/documents/document-kind.js';
import { documentKind } from '../../src/documents/kinds.js';
import type { EventInput } from '../../src/domain/events.js';
import type { OrganKind, PersonnelAct, PersonnelList, Proposer } from '../../src/domain/posts.js';
import { derive } from '../../src/engine/derive.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { src } from './builders.js';
import { RULES_DIR, stampAll } from './scenario.js';

export function congressOf(c: {
  name: string;
  shortName: string;
  termNumber: number;
  level: 'provincial' | 'municipal' | 'county' | 'township';
  region: string;
  province?: string;
  standingCommittee?: { name: string; shortName: string };
  quota: number;
  units: string[];
}): EventInput {
  return {
    type: 'CongressConstituted',
    source: src(),
    congress: {
      name: c.name,
      shortName: c.shortName,
      termNumber: c.termNumber,
      level: c.level,
      region: c.region,
      ...(c.province ? { province: c.province } : {}),
      ...(c.standingCommittee ? { standingCommittee: c.standingCommittee } : {}),
      term: {},
      quota: c.quota,
      electingUnits: c.units.map((name) => ({ name })),
    },
  };
}

export function sessionOf(n: number, date: string, endDate?: string): EventInput {
  return { type: 'SessionHeld', source: src(date, n), session: n, date, ...(endDate ? { endDate } : {}), agenda: [] };
}

export function personWith(personId: string, name: string, affiliation?: string): EventInput {
  return { type: 'PersonRegistered', source: src(), personId, name, ...(affiliation ? { affiliation } : {}) };
}

export function transferred(personId: string, date: string, circumstances?: string): EventInput {
  return {
    type: 'DeputyTransferredOut',
    source: src(date),
    personId,
    date,
    movement: 'transferred',
    ...(circumstances ? { circumstances } : {}),
  };
}

export function resigned(
  personId: string,
  date: string,
  opts: { reason?: string; submittedTo?: 'electing-unit' | 'standing-committee' | 'congress' } = {},
): EventInput {
  return { type: 'DeputyResignationAccepted', source: src(date), personId, date, ...opts };
}

export function died(personId: string, date: string, circumstances?: string): EventInput {
  return { type: 'DeputyDied', source: src(date), personId, date, ...(circumstances ? { circumstances } : {}) };
}

export function recalled(personId: string, date: string, recalledBy?: string): EventInput {
  return { type: 'DeputyRecalled', source: src(date), personId, date, ...(recalledBy ? { recalledBy } : {}) };
}

export function deprived(personId: string, date: string): EventInput {
  return { type: 'PoliticalRightsDeprived', source: src(date), personId, date };
}

export function byElected(personId: string, electingUnit: string, date: string, electedBy?: string): EventInput {
  return {
    type: 'DeputyElected',
    source: src(date),
    personId,
    electingUnit,
    kind: 'by-election',
    date,
    ...(electedBy ? { electedBy } : {}),
  };
}

export function voided(
  personId: string,
  date: string,
  sessionNo: number,
  voidGround?: 'basic-conditions' | 'procedure' | 'election-sabotage' | 'foreign-funding',
): EventInput {
  return {
    type: 'QualificationReviewed',
    source: src(date, sessionNo),
    personId,
    date,
    session: sessionNo,
    result: 'void',
    ...(voidGround ? { voidGround } : {}),
  };
}

export function reportAdopted(sessionNo: number, date: string, explainedBy?: { name: string; capacity: string }): EventInput {
  return {
    type: 'CredentialsReportAdopted',
    source: src(date, sessionNo),
    date,
    session: sessionNo,
    ...(explainedBy ? { explainedBy } : {}),
    stated: {},
  };
}

/**
 * The documents of one kind for a session of an invented record, built as `roster doc` builds them:
 * through the rules (the project's, or a copy a test edited) and the session's post analysis.
 */
export async function documentsOf(
  events: readonly EventInput[],
  kind: string,
  session: number,
  options: DocumentOptions = {},
  rulesDir = RULES_DIR,
) {
  const evaluator = createEvaluator(loadRuleBook(rulesDir));
  const d = await derive(stampAll(events), evaluator);
  return documentKind(kind)!.build(await documentInput(d, evaluator, session), session, options);
}

/** An organ with the forms of its name the documents use. */
export function organNamed(
  organId: string,
  kind: OrganKind,
  name: string,
  opts: { parentId?: string; localName?: string; shortForms?: string[] } = {},
): EventInput {
  return {
    type: 'OrganRegistered',
    source: src(),
    organId,
    name,
    kind,
    shortForms: opts.shortForms ?? [],
    ...(opts.parentId ? { parentId: opts.parentId } : {}),
    ...(opts.localName ? { localName: opts.localName } : {}),
  };
}

export function holds(personId: string, organId: string, title: string): EventInput {
  return { type: 'PostHeld', source: src(), personId, post: { organId, title } };
}

/** One entry of a decision or list of a session: act, posts [organ, title], which list and where in it. */
export function entry(
  personId: string,
  act: PersonnelAct,
  posts: [string, string][],
  at: { session: number; date: string; list: PersonnelList['kind']; proposer: Proposer; position: number },
  opts: { groupedAs?: number[]; reason?: string; reportedTo?: string; basis?: string[] } = {},
): EventInput {
  return {
    type: 'PersonnelDecided',
    source: { title: '测试名单', session: at.session, item: 2, date: at.date },
    personId,
    act,
    posts: posts.map(([organId, title]) => ({ organId, title })),
    date: at.date,
    session: at.session,
    item: 2,
    list: { kind: at.list, proposer: at.proposer, position: at.position },
    ...opts,
  };
}
