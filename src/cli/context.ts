/** What every command needs: the global options, the wired app, and output in Chinese or JSON. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Command, CommanderError } from 'commander';
import type { EngineKind } from '../app/engine-kinds.js';
import type { RosterApp } from '../app/roster-app.js';
import { buildContainer, TYPES } from '../container.js';
import { Day } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { DEFAULT_RULES_DIR, DOCUMENT_FORMS_DIR, defaultDbPath, EMBEDDED_DATA } from '../paths.js';
import { withVerificationNote } from './help-zh.js';

export interface GlobalOptions {
  db?: string;
  rules?: string;
  json?: boolean;
  as?: string;
  engine?: EngineKind;
}

export class CliContext {
  constructor(private readonly program: Command) {}

  get options(): GlobalOptions {
    return this.program.opts<GlobalOptions>();
  }

  /** The data file; the default working copy is made from the embedded data on first use. */
  dbFile(): string {
    const chosen = this.options.db;
    if (chosen) return path.resolve(chosen);
    const file = defaultDbPath();
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      copyFileSync(EMBEDDED_DATA, file);
      process.stderr.write(`已从内置数据创建工作副本：${file}\n`);
    }
    return file;
  }

  rulesDir(): string {
    return path.resolve(this.options.rules ?? process.env.ROSTER_RULES ?? DEFAULT_RULES_DIR);
  }

  app(): RosterApp {
    return buildContainer({
      dbFile: this.dbFile(),
      rulesDir: this.rulesDir(),
      documentFormsDir: DOCUMENT_FORMS_DIR,
      engine: this.options.engine,
    }).get<RosterApp>(TYPES.RosterApp);
  }

  /** The application without a record (no data file is made or read): for `roster rules`. */
  rulesApp(): RosterApp {
    return buildContainer({ dbFile: '', rulesDir: this.rulesDir(), engine: this.options.engine }).get<RosterApp>(TYPES.RosterApp);
  }

  /** Who is recording: --as, else $ROSTER_USER, else the OS user (asked for only where there is none). */
  recorder(): string {
    const given = this.options.as ?? process.env.ROSTER_USER;
    if (given !== undefined) return given;
    try {
      return os.userInfo().username;
    } catch {
      // A user id with no entry in the system's user database (a container, a service account).
      throw new DomainError('invalid-input', '无法从系统取得当前用户名，请用 --as 或环境变量 ROSTER_USER 指明记录人');
    }
  }

  print(json: unknown, text: string): void {
    process.stdout.write(this.options.json ? `${JSON.stringify(json, null, 2)}\n` : `${withVerificationNote(text)}\n`);
  }
}

/** A file the clerk names on the command line, read whole (its name kept for messages). */
export function readInput(file: string): { name: string; bytes: Buffer } {
  try {
    return { name: file, bytes: readFileSync(file) };
  } catch (e) {
    throw new DomainError('invalid-input', `无法读取文件：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file);
  }
}

/** Write a command's output to the file the clerk named with -o. */
export function writeOutput(file: string, content: string | Buffer): void {
  try {
    writeFileSync(file, content);
  } catch (e) {
    throw new DomainError('invalid-input', `无法写入文件：${(e as Error).message}`, file);
  }
}

export function parseDay(value: string): string {
  if (!Day.safeParse(value).success) throw new CommanderError(2, 'roster.invalidDate', `日期“${value}”无效，应为 YYYY-MM-DD`);
  return value;
}

export function parseSession(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CommanderError(2, 'roster.invalidSession', `会议次数“${value}”无效，应为正整数`);
  return n;
}
