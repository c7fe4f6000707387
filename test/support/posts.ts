/** Helpers for scenarios about posts: the seed record, a post analysis, and builders for post events. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inCheckOrder } from '../../src/checks/check-order.js';
import { check } from '../../src/checks/consistency.js';
import { postChecks } from '../../src/checks/posts.js';
import type { EventInput, RosterEvent } from '../../src/domain/events.js';
import type { OrganKind, PersonnelAct } from '../../src/domain/posts.js';
import { derive } from '../../src/engine/derive.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { withMessages } from '../../src/format/check.js';
import { analysePosts } from '../../src/posts/analysis.js';
import { parseDataFile } from '../../src/store/data-file.js';
import { src } from './builders.js';
import { copyRules, ROOT, RULES_DIR, SEED_DATA, squash, stampAll } from './scenario.js';

export const SEED_TEXT_DIR = path.join(ROOT, 'test', 'fixtures', 'seed');

export function seedText(file: string): string {
  return squash(readFileSync(path.join(SEED_TEXT_DIR, file), 'utf8'));
}

export function seedEvents(): readonly RosterEvent[] {
  return parseDataFile(JSON.parse(readFileSync(SEED_DATA, 'utf8')), SEED_DATA).events;
}

/** Derive a record (seed events or stamped inputs) and analyse its posts, as the CLI does. */
export async function givenPosts(
  events: readonly RosterEvent[] | readonly EventInput[],
  opts: { rulesDir?: string; session?: number } = {},
) {
  const evaluator = createEvaluator(loadRuleBook(opts.rulesDir ?? RULES_DIR));
  const stamped = events.length > 0 && 'seq' in events[0]! ? (events as RosterEvent[]) : stampAll(events as EventInput[]);
  const d = await derive(stamped, evaluator);
  const analysis = await analysePosts(d, evaluator, opts.session);
  const whole = opts.session === undefined ? analysis : await analysePosts(d, evaluator);
  const checks = withMessages(inCheckOrder([...(await check(d, evaluator)), ...(await postChecks(d, evaluator, whole))]));
  const name = (id: string) => d.state.persons[id]?.name ?? id;
  return {
    derivation: d,
    analysis,
    checks,
    codes: checks.map((c) => c.code),
    cascadeOf: (personName: string) => analysis.cascades.find((c) => name(c.personId) === personName),
    oathNames: analysis.oathsOwed.map((o) => name(o.act.personId)),
  };
}

export function organ(organId: string, kind: OrganKind, name = organId): EventInput {
  return { type: 'OrganRegistered', source: src(), organId, name, kind, shortForms: [] };
}

export function held(personId: string, organId: string, title: string, since?: string): EventInput {
  return { type: 'PostHeld', source: src(), personId, post: { organId, title }, ...(since ? { since } : {}) };
}

export function decided(
  personId: string,
  act: PersonnelAct,
  posts: [string, string][],
  date: string,
  opts: { session?: number; item?: number } = {},
): EventInput {
  const session = opts.session ?? 1;
  return {
    type: 'PersonnelDecided',
    source: { title: '测试名单', session, item: opts.item ?? 2, date },
    personId,
    act,
    posts: posts.map(([organId, title]) => ({ organId, title })),
    date,
    session,
    item: opts.item ?? 2,
    list: { kind: 'appointments', proposer: 'council-of-chairpersons', position: 1 },
  };
}

/** The organs of an invented municipal congress. */
export const ORGANS: EventInput[] = [
  organ('sc', 'standing-committee', '某市人大常委会'),
  organ('fec', 'special-committee', '某市人大财政经济委员会'),
  organ('cred', 'credentials-committee', '某市人大常委会代表资格审查委员会'),
  organ('office', 'working-body', '某市人大常委会办公厅'),
  organ('gov', 'government', '某市人民政府'),
  organ('court', 'court', '某市中级人民法院'),
  organ('sup', 'supervisory-commission', '某市监察委员会'),
];

/** A scratch copy of rules/ whose settings.json a test edits; returns the folder. */
export function rulesWithSettings(edit: (settings: { cascade: { otherGrounds: boolean } }) => void): string {
  const dir = copyRules();
  const file = path.join(dir, 'settings.json');
  const settings = JSON.parse(readFileSync(file, 'utf8'));
  edit(settings);
  writeFileSync(file, JSON.stringify(settings));
  return dir;
}
