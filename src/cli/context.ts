/** What every command needs: the global options, the wired app, and output in Chinese or JSON. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Command, CommanderError } from 'commander';
import type { AccountsApp } from '../app/accounts-app.js';
import type { EngineKind } from '../app/engine-kinds.js';
import { jsonText } from '../app/json-text.js';
import type { RosterApp } from '../app/roster-app.js';
import { buildContainer, TYPES } from '../container.js';
import { Day } from '../domain/dates.js';
import { displayText, terminalSafeJson } from '../domain/display-text.js';
import { DomainError } from '../domain/errors.js';
import { LIMITS } from '../domain/input-limits.js';
import { describeSystemError, isSystemError, systemReason } from '../format/system-errors.js';
import { DEFAULT_RULES_DIR, DOCUMENT_FORMS_DIR, defaultDbPath, EMBEDDED_DATA } from '../paths.js';
import { withVerificationNote } from './help-zh.js';
import type { CliIO } from './io.js';
import { type OutputContent, writeOutputFile } from './output-file.js';

export interface GlobalOptions {
  db?: string;
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

  /** The data file; the default working copy is made from the embedded data on first use. */
  dbFile(): string {
    const chosen = this.options.db;
    if (chosen) return notAFolder(path.resolve(chosen), '--db');
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

  rulesDir(): string {
    return path.resolve(this.options.rules ?? this.io.env.ROSTER_RULES ?? DEFAULT_RULES_DIR);
  }

  app(): RosterApp {
    this.#app ??= buildContainer({
      dbFile: this.dbFile(),
      rulesDir: this.rulesDir(),
      documentFormsDir: DOCUMENT_FORMS_DIR,
      warn: (m) => this.warn(m),
      engine: this.options.engine,
    }).get<RosterApp>(TYPES.RosterApp);
    return this.#app;
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
    return buildContainer({ dbFile: '', rulesDir: this.rulesDir(), engine: this.options.engine }).get<RosterApp>(TYPES.RosterApp);
  }

  accountsApp(): AccountsApp {
    return buildContainer({ dbFile: this.dbFile(), rulesDir: this.rulesDir() }).get<AccountsApp>(TYPES.AccountsApp);
  }

  /** Who is recording: --as, else $ROSTER_USER, else the OS user (asked for only where there is none). */
  recorder(): string {
    const given = this.options.as ?? this.io.env.ROSTER_USER;
    // Checked where events are stamped (an empty or blank name is refused there, before anything is written).
    if (given !== undefined) return given;
    try {
      return os.userInfo().username;
    } catch {
      // A user id with no entry in the system's user database (a container, a service account).
      throw new DomainError('invalid-input', '无法从系统取得当前用户名，请用 --as 或环境变量 ROSTER_USER 指明记录人');
    }
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
