#!/usr/bin/env node
/** `roster`: thin CLI over the roster use cases. Chinese for the clerk, `--json` for machines. */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { isDomainError } from '../domain/errors.js';
import { Day } from '../domain/dates.js';
import type { RosterApp } from '../app/roster-app.js';
import { buildContainer, TYPES } from '../container.js';
import { DEFAULT_RULES_DIR, defaultDbPath, EMBEDDED_DATA } from '../paths.js';
import { formatCheck } from './format-check.js';
import { formatExplain } from './format-explain.js';
import { formatHeadcount } from './format-headcount.js';
import { readEventFile } from './read-events.js';

interface GlobalOptions {
  db?: string;
  rules?: string;
  json?: boolean;
  as?: string;
}

const program = new Command();
program
  .name('roster')
  .description('人大代表资格与名额管理工具')
  .option('--db <file>', '数据文件（默认：内置数据的工作副本）')
  .option('--rules <dir>', '规则目录（默认：随程序提供的 rules/）')
  .option('--json', '输出机器可读的 JSON')
  .option('--as <name>', '记录人（默认取环境变量 ROSTER_USER 或系统用户名）')
  .configureOutput({ outputError: (str, write) => write(str) })
  .exitOverride();

function globals(): GlobalOptions {
  return program.opts<GlobalOptions>();
}

/** The data file to use; the default working copy is made from the embedded data on first use. */
function dbFile(): string {
  const chosen = globals().db;
  if (chosen) return path.resolve(chosen);
  const file = defaultDbPath();
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    copyFileSync(EMBEDDED_DATA, file);
    process.stderr.write(`已从内置数据创建工作副本：${file}\n`);
  }
  return file;
}

function app(): RosterApp {
  const container = buildContainer({ dbFile: dbFile(), rulesDir: path.resolve(globals().rules ?? process.env.ROSTER_RULES ?? DEFAULT_RULES_DIR) });
  return container.get<RosterApp>(TYPES.RosterApp);
}

function print(json: unknown, text: string): void {
  process.stdout.write(globals().json ? `${JSON.stringify(json, null, 2)}\n` : `${text}\n`);
}

function parseDay(value: string): string {
  if (!Day.safeParse(value).success) throw new CommanderError(2, 'roster.invalidDate', `日期“${value}”无效，应为 YYYY-MM-DD`);
  return value;
}

function parseSession(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CommanderError(2, 'roster.invalidSession', `会议次数“${value}”无效，应为正整数`);
  return n;
}

program
  .command('headcount')
  .description('代表名额、实有代表、出缺与补选情况')
  .addOption(new Option('--session <n>', '常委会会议次数').argParser(parseSession).conflicts('asOf'))
  .addOption(new Option('--as-of <date>', '截至日期 YYYY-MM-DD').argParser(parseDay))
  .action(async (opts: { session?: number; asOf?: string }) => {
    const roster = app();
    let target: { session: number } | { asOf: string };
    if (opts.session !== undefined) target = { session: opts.session };
    else if (opts.asOf !== undefined) target = { asOf: opts.asOf };
    else {
      const sessions = Object.keys((await roster.derivation()).state.sessions).map(Number);
      target = sessions.length > 0 ? { session: Math.max(...sessions) } : { asOf: new Date().toISOString().slice(0, 10) };
    }
    const l = await roster.headcount(target);
    print(l, formatHeadcount(l));
  });

program
  .command('explain')
  .description('某人的全部记录与规则认定（规则编号、法律依据、事实）')
  .argument('<person>', '姓名或编号')
  .action(async (person: string) => {
    const x = await app().explain(person);
    print(x, formatExplain(x));
  });

program
  .command('check')
  .description('一致性检查；发现错误时以非零状态退出')
  .action(async () => {
    const findings = await app().check();
    print({ findings, errors: findings.filter((f) => f.level === 'error').length }, formatCheck(findings));
    if (findings.some((f) => f.level === 'error')) process.exitCode = 1;
  });

program
  .command('record')
  .description('校验并追加事件（一个 JSON 对象或数组）；有任何错误则不写入')
  .argument('<file>', '事件 JSON 文件')
  .action(async (file: string) => {
    const events = readEventFile(file);
    const by = globals().as ?? process.env.ROSTER_USER ?? os.userInfo().username;
    const added = await app().record(events, by, new Date().toISOString());
    print(added, `已记录${added.length}个事件（序号 ${added.map((e) => e.seq).join('、')}），记录人：${by}`);
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    if (e.exitCode !== 0 && !e.message.startsWith('error:') && e.code.startsWith('roster.')) process.stderr.write(`错误：${e.message}\n`);
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (isDomainError(e)) {
    if (globals().json) process.stderr.write(`${JSON.stringify({ error: { kind: e.kind, where: e.where, message: e.message } })}\n`);
    else process.stderr.write(`错误：${e.message}\n`);
    process.exitCode = 1;
  } else {
    throw e;
  }
}
