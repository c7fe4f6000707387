/** What every command needs: the global options, the wired app, and output in Chinese or JSON. */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Command, CommanderError } from 'commander';
import type { RosterApp } from '../app/roster-app.js';
import { buildContainer, TYPES } from '../container.js';
import { Day } from '../domain/dates.js';
import type { EngineKind } from '../engine/evaluator.js';
import type { HistoryApp } from '../history/history-app.js';
import { DEFAULT_RULES_DIR, defaultDbPath, EMBEDDED_DATA } from '../paths.js';

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
    return buildContainer({ dbFile: this.dbFile(), rulesDir: this.rulesDir(), engine: this.options.engine }).get<RosterApp>(
      TYPES.RosterApp,
    );
  }

  historyApp(): HistoryApp {
    return buildContainer({ dbFile: this.dbFile(), rulesDir: this.rulesDir() }).get<HistoryApp>(TYPES.HistoryApp);
  }

  /** Who is recording: --as, else $ROSTER_USER, else the OS user. */
  recorder(): string {
    return this.options.as ?? process.env.ROSTER_USER ?? os.userInfo().username;
  }

  print(json: unknown, text: string): void {
    process.stdout.write(this.options.json ? `${JSON.stringify(json, null, 2)}\n` : `${text}\n`);
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
