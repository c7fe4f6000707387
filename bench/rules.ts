/**
 * Rule evaluation (issue 14): json-rules-engine (the reference) against the compiled rules, each with
 * and without the memo by the facts the rules read, in process on a generated shape A log: the
 * decision alone (which rules fire, for the facts of every ruled event) and the whole derivation,
 * in CPU time.
 * `node dist/bench/rules.js [events]` runs it alone (default 100,000 events).
 */
import type { RosterEvent } from '../src/domain/events.js';
import { compiledDecider, type Decider, memoised, referenceDecider } from '../src/engine/deciders.js';
import { derive } from '../src/engine/derive.js';
import { createEvaluator, type Evaluator, type EvaluatorOptions } from '../src/engine/evaluator.js';
import type { Facts } from '../src/engine/facts.js';
import { loadRuleBook } from '../src/engine/rule-book.js';
import { DEFAULT_RULES_DIR } from '../src/paths.js';
import { shapeA } from './_shapes.js';

const CONFIGS: Record<string, EvaluatorOptions> = {
  'json-rules-engine (reference)': { engine: 'reference', memo: false },
  'json-rules-engine, memoised': { engine: 'reference', memo: true },
  compiled: { engine: 'compiled', memo: false },
  'compiled, memoised (the default)': { engine: 'compiled', memo: true },
};

/** The facts of every event the rules decide, as a derivation computes them. */
async function ruledFacts(log: readonly RosterEvent[], book: ReturnType<typeof loadRuleBook>): Promise<Facts[]> {
  const inner = createEvaluator(book);
  const seen: Facts[] = [];
  const recording: Evaluator = {
    rulesHash: inner.rulesHash,
    book: inner.book,
    decides: (type) => inner.decides(type),
    jurisdiction: (state) => inner.jurisdiction(state),
    evaluate: (event, facts) => {
      seen.push(facts);
      return inner.evaluate(event, facts);
    },
    ask: (q, f, c) => inner.ask(q, f, c),
  };
  await derive(log, recording);
  return seen;
}

/** CPU time (µs, user + system) of `f`: what it cost this process, even on a machine others are loading. */
async function cpu(f: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await f();
  const used = process.cpuUsage(before);
  return used.user + used.system;
}

/** CPU µs per decision; a decider that answers at once is not made to wait for a promise. */
async function perDecision(decider: Decider, all: readonly Facts[]): Promise<number> {
  const decideAll = async (some: readonly Facts[]) => {
    for (const facts of some) {
      const fired = decider.fire(facts);
      if (fired instanceof Promise) await fired;
    }
  };
  await decideAll(all.slice(0, 2000));
  return (await cpu(() => decideAll(all))) / all.length;
}

export default async function rulesBench(n = 100_000): Promise<void> {
  const book = loadRuleBook(DEFAULT_RULES_DIR);
  const log = shapeA(n).map((e, i) => ({ ...e, seq: i + 1, recordedAt: '2026-01-01T00:00:00Z', recordedBy: 'bench' }) as RosterEvent);
  const facts = await ruledFacts(log, book);
  const distinct = new Set(facts.map((f) => JSON.stringify(f))).size;
  console.log(
    `Shape A, ${n.toLocaleString('en')} events: ${facts.length.toLocaleString('en')} decided by the rules, ${distinct.toLocaleString('en')} distinct sets of facts`,
  );

  const deciders: Record<string, () => Decider> = {
    'json-rules-engine (reference)': () => referenceDecider(book),
    'json-rules-engine, memoised': () => memoised(referenceDecider(book)),
    compiled: () => compiledDecider(book),
    'compiled, memoised (the default)': () => memoised(compiledDecider(book)),
  };
  const rows: Record<string, Record<string, number>> = {};
  for (const [name, options] of Object.entries(CONFIGS)) {
    const decision = await perDecision(deciders[name]!(), facts);
    const evaluator = createEvaluator(book, options);
    await derive(log.slice(0, 3000), evaluator);
    const us = await cpu(() => derive(log, evaluator));
    rows[name] = {
      'which rules fire (µs per decision)': +decision.toFixed(3),
      'derive, whole log (ms)': +(us / 1000).toFixed(0),
      'derive (µs per event)': +(us / log.length).toFixed(2),
      'derive (µs per ruled event)': +(us / facts.length).toFixed(2),
    };
  }
  console.table(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) await rulesBench(process.argv[2] ? Number(process.argv[2]) : undefined);
