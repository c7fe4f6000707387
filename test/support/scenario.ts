/**
 * Given/when/then for roster scenarios: build a log from event inputs, run it through the real
 * rules (or a copy edited by the test), and look at the derived roster.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { check } from '../../src/checks/consistency.js';
import type { EventInput, RosterEvent } from '../../src/domain/events.js';
import { currentStatus, latestMandate } from '../../src/domain/roster.js';
import { type Derivation, derive } from '../../src/engine/derive.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { withMessages } from '../../src/format/check.js';
import { type LedgerTarget, ledger } from '../../src/ledger/headcount.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const RULES_DIR = path.join(ROOT, 'rules');
export const SEED_DATA = path.join(ROOT, 'data', 'ningbo-16.json');

const defaultEvaluator = createEvaluator(loadRuleBook(RULES_DIR));
/** The rules in rules/, ready to evaluate: for tests that build the application directly. */
export const evaluator = defaultEvaluator;

export function stampAll(inputs: readonly EventInput[]): RosterEvent[] {
  return inputs.map((e, i) => ({ ...e, seq: i + 1, recordedAt: '2026-01-01T00:00:00Z', recordedBy: 'test' }) as RosterEvent);
}

export async function given(inputs: readonly EventInput[], rulesDir = RULES_DIR) {
  const evaluator = rulesDir === RULES_DIR ? defaultEvaluator : createEvaluator(loadRuleBook(rulesDir));
  const d: Derivation = await derive(stampAll(inputs), evaluator);
  return {
    derivation: d,
    status: (personId: string) => {
      const m = latestMandate(d.state, personId);
      return m ? currentStatus(m) : undefined;
    },
    findingsFor: (personId: string) => d.findings.filter((f) => f.personId === personId),
    ledger: (target: LedgerTarget) => ledger(d, target),
    /** The consistency findings, each with the sentence the clerk reads. */
    check: async () => withMessages(await check(d, evaluator)),
  };
}

/** A scratch copy of rules/ a test may edit. */
export function copyRules(): string {
  const dir = tempDir('roster-rules-');
  cpSync(RULES_DIR, dir, { recursive: true });
  return dir;
}

/** A scratch folder under the suite's temporary root, which the global setup removes at the end. */
export function tempDir(prefix = 'roster-'): string {
  return mkdtempSync(path.join(inject('tempRoot'), prefix));
}

/**
 * The environment a test's `roster` process runs in: this machine's, without anything a clerk's
 * settings could slip in (ROSTER_DB, ROSTER_RULES, ROSTER_USER), recording as `test-clerk`, with
 * the program's cache in the suite's temporary folder rather than the user's.
 */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('ROSTER_')) env[key] = value;
  return { ...env, ROSTER_USER: 'test-clerk', ROSTER_CACHE_DIR: path.join(inject('tempRoot'), 'cache'), ...extra };
}

/** Remove all whitespace: how texts are compared with the seed (extracted from PDF). */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** How many events the embedded data holds: events a test records are numbered after it. */
export const SEED_EVENTS: number = (JSON.parse(readFileSync(SEED_DATA, 'utf8')) as { events: unknown[] }).events.length;
