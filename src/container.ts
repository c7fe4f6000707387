/** The only file that knows inversify: wires the ports for the CLI. Tests build objects directly. */
import 'reflect-metadata';
import { Container } from 'inversify';
import { RosterApp } from './app/roster-app.js';
import { createEvaluator, type EngineKind, type Evaluator } from './engine/evaluator.js';
import { loadRuleBook, type RuleBook } from './engine/rule-book.js';
import { HistoryApp } from './history/history-app.js';
import type { EventStore } from './store/event-store.js';
import type { HistoryStore } from './store/history-store.js';
import { LowdbEventStore } from './store/lowdb-store.js';

export const TYPES = {
  DbFile: Symbol.for('DbFile'),
  RulesDir: Symbol.for('RulesDir'),
  RuleBook: Symbol.for('RuleBook'),
  Evaluator: Symbol.for('Evaluator'),
  EventStore: Symbol.for('EventStore'),
  RosterApp: Symbol.for('RosterApp'),
  Store: Symbol.for('Store'),
  HistoryStore: Symbol.for('HistoryStore'),
  HistoryApp: Symbol.for('HistoryApp'),
} as const;

export interface Settings {
  readonly dbFile: string;
  readonly rulesDir: string;
  /** How the rules are evaluated (`--engine`); compiled unless asked. */
  readonly engine?: EngineKind | undefined;
}

export function buildContainer(settings: Settings): Container {
  const c = new Container({ defaultScope: 'Singleton' });
  c.bind<string>(TYPES.DbFile).toConstantValue(settings.dbFile);
  c.bind<string>(TYPES.RulesDir).toConstantValue(settings.rulesDir);
  c.bind<RuleBook>(TYPES.RuleBook).toDynamicValue((ctx) => loadRuleBook(ctx.get<string>(TYPES.RulesDir)));
  c.bind<Evaluator>(TYPES.Evaluator).toDynamicValue((ctx) =>
    createEvaluator(ctx.get<RuleBook>(TYPES.RuleBook), { ...(settings.engine ? { engine: settings.engine } : {}) }),
  );
  // One store object serves both ports: the event log and its audit view (hashes, head, import).
  c.bind<LowdbEventStore>(TYPES.Store).toDynamicValue((ctx) => new LowdbEventStore(ctx.get<string>(TYPES.DbFile)));
  c.bind<EventStore>(TYPES.EventStore).toDynamicValue((ctx) => ctx.get<LowdbEventStore>(TYPES.Store));
  c.bind<HistoryStore>(TYPES.HistoryStore).toDynamicValue((ctx) => ctx.get<LowdbEventStore>(TYPES.Store));
  c.bind<HistoryApp>(TYPES.HistoryApp).toDynamicValue((ctx) => new HistoryApp(ctx.get<HistoryStore>(TYPES.HistoryStore)));
  c.bind<RosterApp>(TYPES.RosterApp).toDynamicValue(
    (ctx) => new RosterApp(ctx.get<EventStore>(TYPES.EventStore), ctx.get<Evaluator>(TYPES.Evaluator)),
  );
  return c;
}
