/** The only file that knows inversify and the adapters: wires the ports for the CLI. Tests build objects directly. */
import 'reflect-metadata';
import { Container } from 'inversify';
import { AccountsApp } from './app/accounts-app.js';
import { type Clock, systemClock } from './app/clock.js';
import { DraftsApp } from './app/drafts-app.js';
import { RosterApp } from './app/roster-app.js';
import { createEvaluator, type EngineKind, type Evaluator } from './engine/evaluator.js';
import { loadRuleBook, type RuleBook } from './engine/rule-book.js';
import type { AccountStore } from './store/account-store.js';
import type { DraftStore } from './store/draft-store.js';
import { FileAccountStore } from './store/file-account-store.js';
import { FileDraftStore } from './store/file-draft-store.js';
import { FileRecordStream } from './store/file-store.js';
import type { RecordStream } from './store/record-store.js';

export const TYPES = {
  DbFile: Symbol.for('DbFile'),
  RulesDir: Symbol.for('RulesDir'),
  RuleBook: Symbol.for('RuleBook'),
  Evaluator: Symbol.for('Evaluator'),
  RecordStream: Symbol.for('RecordStream'),
  Clock: Symbol.for('Clock'),
  RosterApp: Symbol.for('RosterApp'),
  AccountStore: Symbol.for('AccountStore'),
  DraftStore: Symbol.for('DraftStore'),
  AccountsApp: Symbol.for('AccountsApp'),
  DraftsApp: Symbol.for('DraftsApp'),
} as const;

export interface Settings {
  readonly dbFile: string;
  readonly rulesDir: string;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Where the app's warnings go (a record that does not verify); default: nowhere. */
  readonly warn?: (message: string) => void;
  /** Where the levels' usual document forms are (data/document-forms). */
  readonly documentFormsDir?: string;
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
  // The file adapter of the record port: one congress's stream in one data file.
  c.bind<RecordStream>(TYPES.RecordStream).toDynamicValue((ctx) => new FileRecordStream(ctx.get<string>(TYPES.DbFile)));
  c.bind<Clock>(TYPES.Clock).toConstantValue(settings.clock ?? systemClock);
  c.bind<RosterApp>(TYPES.RosterApp).toDynamicValue(
    (ctx) =>
      new RosterApp({
        stream: ctx.get<RecordStream>(TYPES.RecordStream),
        evaluator: ctx.get<Evaluator>(TYPES.Evaluator),
        clock: ctx.get<Clock>(TYPES.Clock),
        ...(settings.warn ? { warn: settings.warn } : {}),
        rules: ctx.get<RuleBook>(TYPES.RuleBook),
        ...(settings.documentFormsDir ? { documentFormsDir: settings.documentFormsDir } : {}),
      }),
  );
  // The console's accounts and drafts live beside the record (files next to the data file), outside its hash chain.
  c.bind<AccountStore>(TYPES.AccountStore).toDynamicValue((ctx) => new FileAccountStore(ctx.get<string>(TYPES.DbFile)));
  c.bind<DraftStore>(TYPES.DraftStore).toDynamicValue((ctx) => new FileDraftStore(ctx.get<string>(TYPES.DbFile)));
  c.bind<AccountsApp>(TYPES.AccountsApp).toDynamicValue(
    (ctx) => new AccountsApp(ctx.get<AccountStore>(TYPES.AccountStore), ctx.get<Clock>(TYPES.Clock)),
  );
  c.bind<DraftsApp>(TYPES.DraftsApp).toDynamicValue(
    (ctx) => new DraftsApp(ctx.get<DraftStore>(TYPES.DraftStore), ctx.get<RosterApp>(TYPES.RosterApp)),
  );
  return c;
}
