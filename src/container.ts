/**
 * The only file that knows inversify and the adapters: wires the ports for the CLI. Tests build objects directly.
 * No class here is decorated, so the full reflect-metadata polyfill is not loaded: inversify brings
 * the metadata API it needs itself (reflect-metadata/lite).
 */
import path from 'node:path';
import { Container } from 'inversify';
import { AccountsApp } from './app/accounts-app.js';
import { type Clock, systemClock } from './app/clock.js';
import { CongressesApp } from './app/congresses-app.js';
import { DraftsApp } from './app/drafts-app.js';
import { RosterApp } from './app/roster-app.js';
import { createEvaluator, type EngineKind, type Evaluator } from './engine/evaluator.js';
import { loadRuleBook, type RuleBook } from './engine/rule-book.js';
import { codeVersion, PACKAGE_ROOT } from './paths.js';
import type { AccountStore } from './store/account-store.js';
import type { DraftStore } from './store/draft-store.js';
import { FileCatalog } from './store/file-catalog.js';
import { FileValidatedRules } from './store/file-validated-rules.js';
import { isDatabaseUrl, safeUrl } from './store/postgres/connection.js';
import { PostgresCatalog } from './store/postgres/postgres-catalog.js';
import type { RecordCatalog } from './store/record-catalog.js';
import type { RecordStream } from './store/record-store.js';
import type { ReplayStore } from './store/replay-store.js';

/** The schema's numbered migrations as the package ships them (a database store's only files). */
const MIGRATIONS_DIR = path.join(PACKAGE_ROOT, 'schema', 'postgres');

export const TYPES = {
  RuleBook: Symbol.for('RuleBook'),
  Evaluator: Symbol.for('Evaluator'),
  RecordCatalog: Symbol.for('RecordCatalog'),
  RecordStream: Symbol.for('RecordStream'),
  Clock: Symbol.for('Clock'),
  ReplayStore: Symbol.for('ReplayStore'),
  RosterApp: Symbol.for('RosterApp'),
  CongressesApp: Symbol.for('CongressesApp'),
  AccountStore: Symbol.for('AccountStore'),
  DraftStore: Symbol.for('DraftStore'),
  AccountsApp: Symbol.for('AccountsApp'),
  DraftsApp: Symbol.for('DraftsApp'),
} as const;

export interface Settings {
  /** The data file, or a PostgreSQL database's URL (postgres://…). */
  readonly dbFile: string;
  /** The congress in a database (`--congress`); default: the only one. */
  readonly congress?: string;
  /** Where an import creates a new congress in a database: the congress of the enclosing area. */
  readonly within?: string;
  readonly rulesDir: string;
  /** The numbered SQL migrations of the database schema; default: the package's schema/postgres/. */
  readonly migrationsDir?: string;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Keep the record's replay beside the data file (FILE.cache/), default on. */
  readonly keepReplays?: boolean;
  /** Where the app's warnings go (a record that does not verify); default: nowhere. */
  readonly warn?: (message: string) => void;
  /** Where the levels' usual document forms are (data/document-forms). */
  readonly documentFormsDir?: string;
  /** How the rules are evaluated (`--engine`); compiled unless asked. */
  readonly engine?: EngineKind | undefined;
  /** Where the rule files validated before are kept between commands; default: validated every time. */
  readonly cacheDir?: string | undefined;
}

function ruleBookOf(settings: Settings): RuleBook {
  if (settings.cacheDir === undefined) return loadRuleBook(settings.rulesDir);
  const validated = new FileValidatedRules(settings.cacheDir, codeVersion());
  const book = loadRuleBook(settings.rulesDir, validated);
  validated.save();
  return book;
}

/** `db` names a database rather than a data file. */
export { isDatabaseUrl, safeUrl };

export function buildContainer(settings: Settings): Container {
  const c = new Container({ defaultScope: 'Singleton' });
  c.bind<RuleBook>(TYPES.RuleBook).toDynamicValue(() => ruleBookOf(settings));
  c.bind<Evaluator>(TYPES.Evaluator).toDynamicValue((ctx) =>
    createEvaluator(ctx.get<RuleBook>(TYPES.RuleBook), { ...(settings.engine ? { engine: settings.engine } : {}) }),
  );
  // The adapters: a data file holds one congress's stream; a database a province's (the driver is loaded on first use).
  c.bind<RecordCatalog>(TYPES.RecordCatalog).toDynamicValue(() =>
    isDatabaseUrl(settings.dbFile)
      ? new PostgresCatalog(settings.dbFile, settings.migrationsDir ?? MIGRATIONS_DIR)
      : new FileCatalog(settings.dbFile),
  );
  c.bind<RecordStream>(TYPES.RecordStream).toDynamicValue((ctx) =>
    ctx
      .get<RecordCatalog>(TYPES.RecordCatalog)
      .stream(settings.congress, settings.within === undefined ? undefined : { within: settings.within }),
  );
  c.bind<Clock>(TYPES.Clock).toConstantValue(settings.clock ?? systemClock);
  // Where the record's replay is kept between commands: beside the data file, or in a row of its
  // congress in the database (which also keeps read models across congresses, maintained with each
  // append: src/app/stream-views.ts).
  c.bind<ReplayStore>(TYPES.ReplayStore).toDynamicValue((ctx) =>
    ctx.get<RecordCatalog>(TYPES.RecordCatalog).replays(ctx.get<RecordStream>(TYPES.RecordStream)),
  );
  c.bind<RosterApp>(TYPES.RosterApp).toDynamicValue(
    (ctx) =>
      new RosterApp({
        stream: ctx.get<RecordStream>(TYPES.RecordStream),
        evaluator: ctx.get<Evaluator>(TYPES.Evaluator),
        clock: ctx.get<Clock>(TYPES.Clock),
        // The reference engine is there to be run: it never answers from a replay the compiled rules kept.
        ...(settings.keepReplays === false || settings.engine === 'reference'
          ? {}
          : { keeping: { store: ctx.get<ReplayStore>(TYPES.ReplayStore), code: codeVersion() } }),
        ...(settings.warn ? { warn: settings.warn } : {}),
        rules: ctx.get<RuleBook>(TYPES.RuleBook),
        ...(settings.documentFormsDir ? { documentFormsDir: settings.documentFormsDir } : {}),
      }),
  );
  c.bind<CongressesApp>(TYPES.CongressesApp).toDynamicValue(
    (ctx) =>
      new CongressesApp({
        catalog: ctx.get<RecordCatalog>(TYPES.RecordCatalog),
        evaluator: ctx.get<Evaluator>(TYPES.Evaluator),
        clock: ctx.get<Clock>(TYPES.Clock),
      }),
  );
  // The console's accounts and drafts live beside the record, outside its hash chain: files next to
  // the data file, or tables in the record's database.
  c.bind<AccountStore>(TYPES.AccountStore).toDynamicValue((ctx) => ctx.get<RecordCatalog>(TYPES.RecordCatalog).accounts());
  c.bind<DraftStore>(TYPES.DraftStore).toDynamicValue((ctx) =>
    ctx.get<RecordCatalog>(TYPES.RecordCatalog).drafts(ctx.get<RecordStream>(TYPES.RecordStream)),
  );
  c.bind<AccountsApp>(TYPES.AccountsApp).toDynamicValue(
    (ctx) => new AccountsApp(ctx.get<AccountStore>(TYPES.AccountStore), ctx.get<Clock>(TYPES.Clock)),
  );
  c.bind<DraftsApp>(TYPES.DraftsApp).toDynamicValue(
    (ctx) => new DraftsApp(ctx.get<DraftStore>(TYPES.DraftStore), ctx.get<RosterApp>(TYPES.RosterApp)),
  );
  return c;
}
