/** What every command needs: the global options, the wired app, and output in Chinese or JSON. */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Command, CommanderError } from 'commander';
import type { RosterApp } from '../app/roster-app.js';
import { buildContainer, TYPES } from '../container.js';
import { Day } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { DEFAULT_RULES_DIR, DOCUMENT_FORMS_DIR, defaultDbPath, EMBEDDED_DATA } from '../paths.js';
import { withVerificationNote } from './help-zh.js';
import { type OutputContent, writeOutputFile } from './output-file.js';

export interface GlobalOptions {
  db?: string;
  rules?: string;
  json?: boolean;
  as?: string;
}

export class CliContext {
  #app: RosterApp | undefined;

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
    this.#app ??= buildContainer({
      dbFile: this.dbFile(),
      rulesDir: this.rulesDir(),
      documentFormsDir: DOCUMENT_FORMS_DIR,
      warn: (m) => this.warn(m),
    }).get<RosterApp>(TYPES.RosterApp);
    return this.#app;
  }

  /** A warning for the clerk, on stderr (a JSON line with --json), never mixed into the output. */
  warn(message: string): void {
    process.stderr.write(this.options.json ? `${JSON.stringify({ warning: message })}\n` : `警告：${message}\n`);
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
    return buildContainer({ dbFile: '', rulesDir: this.rulesDir() }).get<RosterApp>(TYPES.RosterApp);
  }

  /** Who is recording: --as, else $ROSTER_USER, else the OS user (asked for only where there is none). */
  recorder(): string {
    const given = this.options.as ?? process.env.ROSTER_USER;
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

export function parseDay(value: string): string {
  if (!Day.safeParse(value).success) throw new CommanderError(2, 'roster.invalidDate', `日期“${value}”无效，应为 YYYY-MM-DD`);
  return value;
}

export function parseSession(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CommanderError(2, 'roster.invalidSession', `会议次数“${value}”无效，应为正整数`);
  return n;
}
