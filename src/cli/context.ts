/** What every command needs: the global options, the wired app, and output in Chinese or JSON. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Command, CommanderError } from 'commander';
import type { AccountsApp } from '../app/accounts-app.js';
import type { CongressesApp } from '../app/congresses-app.js';
import type { EngineKind } from '../app/engine-kinds.js';
import type { RosterApp } from '../app/roster-app.js';
import { buildContainer, isDatabaseUrl, TYPES } from '../container.js';
import { Day } from '../domain/dates.js';
import { displayText, terminalSafeJson } from '../domain/display-text.js';
import { DomainError } from '../domain/errors.js';
import { LIMITS } from '../domain/input-limits.js';
import { describeSystemError, isSystemError, systemReason } from '../format/system-errors.js';
import { DEFAULT_RULES_DIR, DOCUMENT_FORMS_DIR, defaultCacheDir, defaultConfigPath, defaultDbPath, EMBEDDED_DATA } from '../paths.js';
import { readSettings } from './config.js';
import { withVerificationNote } from './help-zh.js';
import type { CliIO } from './io.js';
import { type OutputContent, writeOutputFile } from './output-file.js';

export interface GlobalOptions {
  db?: string;
  congress?: string;
  rules?: string;
  json?: boolean;
  as?: string;
  engine?: EngineKind;
}

export class CliContext {
  /** The exit code a command that did not fail chooses (1 for a failed check, say). */
  exitCode = 0;

  constructor(
    private readonly program: Command,
    readonly io: CliIO,
  ) {}

  #app: RosterApp | undefined;

  get options(): GlobalOptions {
    return this.program.opts<GlobalOptions>();
  }

  /** Whether errors are to be told as JSON: --json given, even where parsing stopped before reading it. */
  wantsJson(args: readonly string[]): boolean {
    return this.options.json === true || args.includes('--json');
  }

  /** A database is named by its URL (`--db` or $ROSTER_DB: postgres://…). */
  usesDatabase(): boolean {
    const chosen = this.options.db ?? this.io.env.ROSTER_DB;
    return chosen !== undefined && isDatabaseUrl(chosen);
  }

  /**
   * The data file, or the database URL; the default working copy is made from the embedded data on
   * first use.
   */
  dbFile(): string {
    const chosen = this.options.db ?? this.io.env.ROSTER_DB;
    if (chosen && isDatabaseUrl(chosen)) return chosen;
    if (this.options.db) return notAFolder(path.resolve(this.options.db), '--db');
    const file = defaultDbPath(this.io.env);
    if (!existsSync(file)) {
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        copyFileSync(EMBEDDED_DATA, file);
      } catch (e) {
        if (!isSystemError(e)) throw e;
        throw new DomainError(
          'invalid-input',
          `无法建立数据文件的工作副本：${describeSystemError(e)}。请用 --db 或环境变量 ROSTER_DB 指定一个可写的数据文件`,
        );
      }
      this.err(`已从内置数据创建工作副本：${file}\n`);
    }
    return notAFolder(file, 'ROSTER_DB');
  }

  /** The data file a new record is made in (`roster init`): as `dbFile`, but never copied from the embedded data. */
  newDbFile(): string {
    const chosen = this.options.db;
    return notAFolder(chosen ? path.resolve(chosen) : defaultDbPath(this.io.env), chosen ? '--db' : 'ROSTER_DB');
  }

  /** The application over the data file a new record is made in. */
  newRecordApp(): RosterApp {
    return buildContainer({
      dbFile: this.newDbFile(),
      rulesDir: this.rulesDir(),
      documentFormsDir: DOCUMENT_FORMS_DIR,
      cacheDir: defaultCacheDir(this.io.env),
    }).get<RosterApp>(TYPES.RosterApp);
  }

  rulesDir(): string {
    return path.resolve(this.options.rules ?? this.io.env.ROSTER_RULES ?? DEFAULT_RULES_DIR);
  }

  #container(congress = this.options.congress, within?: string) {
    return buildContainer({
      dbFile: this.dbFile(),
      rulesDir: this.rulesDir(),
      documentFormsDir: DOCUMENT_FORMS_DIR,
      cacheDir: defaultCacheDir(this.io.env),
      warn: (m) => this.warn(m),
      engine: this.options.engine,
      ...(congress === undefined ? {} : { congress }),
      ...(within === undefined ? {} : { within }),
    });
  }

  /** The app over one congress's record: `--congress`, else the only one the store holds. */
  app(): RosterApp {
    this.#app ??= this.#container().get<RosterApp>(TYPES.RosterApp);
    return this.#app;
  }

  /** The app over a congress a data file is imported into: in a database, `--congress` or one named after the file. */
  importApp(file: string, within?: string): RosterApp {
    const named = this.options.congress ?? (this.usesDatabase() ? path.basename(file).replace(/\.[^.]*$/, '') : undefined);
    this.#app ??= this.#container(named, within).get<RosterApp>(TYPES.RosterApp);
    return this.#app;
  }

  /** The app over every congress the store holds. */
  congresses(): CongressesApp {
    return this.#container().get<CongressesApp>(TYPES.CongressesApp);
  }

  /** A warning for the clerk, on stderr (a JSON line with --json), never mixed into the output. */
  warn(message: string): void {
    if (this.options.json) this.io.stderr.write(`${terminalSafeJson(JSON.stringify({ warning: message }))}\n`);
    else this.err(`警告：${message}\n`);
  }

  /**
   * Write a command's output to the file the clerk named with -o: never one of the record's own
   * files (the store says which), whole or not at all (src/cli/output-file.ts).
   */
  async writeOutput(file: string, content: OutputContent): Promise<void> {
    if (await this.app().stream.owns(file)) {
      throw new DomainError(
        'invalid-input',
        '输出文件不能是数据文件本身，也不能是它旁边的记录文件（头部、锁、未提交内容等，即与数据文件同名开头的文件）；请换一个文件名',
        file,
      );
    }
    await writeOutputFile(file, content);
  }

  /** The application without a record (no data file is made or read): for `roster rules`. */
  rulesApp(): RosterApp {
    return buildContainer({
      dbFile: '',
      rulesDir: this.rulesDir(),
      engine: this.options.engine,
      cacheDir: defaultCacheDir(this.io.env),
    }).get<RosterApp>(TYPES.RosterApp);
  }

  accountsApp(): AccountsApp {
    return this.#container().get<AccountsApp>(TYPES.AccountsApp);
  }

  /** The clerk's settings file ($ROSTER_CONFIG, else under $XDG_CONFIG_HOME or ~/.config). */
  configFile(): string {
    return defaultConfigPath(this.io.env);
  }

  /** The recorder configured for this clerk: --as, else $ROSTER_USER, else `roster config set recorder`; none where unset. */
  configuredRecorder(): string | undefined {
    const given = this.options.as ?? this.io.env.ROSTER_USER;
    // An explicit name, even empty, is the clerk's: an empty or blank one is refused where events are stamped.
    if (given !== undefined) return given;
    return readSettings(this.configFile()).recorder;
  }

  /**
   * Who is recording. Never the machine's account (root, a service user): the record names a clerk,
   * so a command that records asks for one where none is configured.
   */
  recorder(): string {
    const name = this.configuredRecorder();
    if (name !== undefined) return name;
    throw new DomainError(
      'invalid-input',
      '尚未设置记录人：每条记录都载明记录人的姓名。请先运行 roster config set recorder 您的姓名（只需一次），或本次用 --as 姓名、环境变量 ROSTER_USER 指明',
    );
  }

  print(json: unknown, text: string): void {
    if (this.options.json) this.outJson(json);
    else this.out(`${withVerificationNote(text)}\n`);
  }

  /** Text for the clerk's terminal: control characters and bidi overrides from the record shown as �, never acted on. */
  out(text: string): void {
    this.io.stdout.write(displayText(text));
  }

  /** JSON for machines, with the characters a terminal could act on escaped (the same JSON value). */
  outJson(value: unknown): void {
    this.io.stdout.write(`${terminalSafeJson(JSON.stringify(value, null, 2))}\n`);
  }

  /** Data written as it is (a data file, a CSV): its own format keeps it safe. */
  outData(data: string | Uint8Array): void {
    this.io.stdout.write(data);
  }

  /** A piece of a long output (an export), waiting while the reader catches up. */
  async outChunk(data: string): Promise<void> {
    this.io.stdout.write(data);
    await this.io.stdout.drained?.();
  }

  /** A note on stderr (提示, progress), made safe like `out`. */
  err(text: string): void {
    this.io.stderr.write(displayText(text));
  }
}

/** A data file named on the command line or by ROSTER_DB must be a file, not a folder. */
function notAFolder(file: string, by: string): string {
  let folder = false;
  try {
    folder = statSync(file).isDirectory();
  } catch {
    // Missing or unreadable: the store says so when it reads it.
  }
  if (folder)
    throw new DomainError('invalid-input', `${by} 指向的是一个文件夹，应为数据文件（如 ${path.join(file, 'roster.json')}）`, file);
  return file;
}

/** A file the clerk names on the command line, read whole (its name kept for messages); refused above `maxBytes`. */
export function readInput(file: string, maxBytes: number): { name: string; bytes: Buffer } {
  try {
    const size = statSync(file).size;
    if (size > maxBytes) {
      throw new DomainError('invalid-input', `文件过大（${formatBytes(size)}），超过上限 ${formatBytes(maxBytes)}`, file);
    }
    return { name: file, bytes: readFileSync(file) };
  } catch (e) {
    if (!isSystemError(e)) throw e;
    throw new DomainError('invalid-input', `无法读取文件：${systemReason(e)}`, file);
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB` : `${n} 字节`;
}

export function parseDay(value: string): string {
  if (!Day.safeParse(value).success) throw new CommanderError(2, 'roster.invalidDate', `日期“${value}”无效，应为 YYYY-MM-DD`);
  return value;
}

export function parseSession(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > LIMITS.maxNumber) {
    throw new CommanderError(2, 'roster.invalidSession', `会议次数“${value}”无效，应为正整数`);
  }
  return n;
}
