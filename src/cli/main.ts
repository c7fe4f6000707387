#!/usr/bin/env node
/** `roster`: thin CLI over the roster use cases. Chinese for the clerk, `--json` for machines. */
import { Command, CommanderError, Option } from 'commander';
import { ENGINE_KINDS } from '../app/engine-kinds.js';
import { isDomainError } from '../domain/errors.js';
import { packageVersion } from '../paths.js';
import { auditCommands } from './commands/audit.js';
import { cascadeCommand } from './commands/cascade.js';
import { checkCommand } from './commands/check.js';
import { docCommand } from './commands/doc.js';
import { explainCommand } from './commands/explain.js';
import { exportCommand } from './commands/export.js';
import { exportRosterCommand } from './commands/export-roster.js';
import { headcountCommand } from './commands/headcount.js';
import { importCommand } from './commands/import.js';
import { importRosterCommand } from './commands/import-roster.js';
import { oathsCommand } from './commands/oaths.js';
import { recordCommand } from './commands/record.js';
import { rulesCommand } from './commands/rules.js';
import { schemaCommand } from './commands/schema.js';
import { verifyCommand } from './commands/verify.js';
import { CliContext } from './context.js';
import { HELP_ZH } from './help-zh.js';
import { translateCommanderError } from './messages-zh.js';

// A reader that stops early (`roster schema | head`) closes the pipe: that ends the output, not in a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`错误：无法写出结果（${e.message}）\n`);
  process.exit(1);
});

const program = new Command();
program
  .name('roster')
  .description('人大代表资格与名额管理工具')
  .version(packageVersion(), '-V, --version', '显示版本号')
  .option('--db <file>', '数据文件（默认：内置数据的工作副本）')
  .option('--rules <dir>', '规则目录（默认：随程序提供的 rules/）')
  .option('--json', '输出机器可读的 JSON')
  .option('--as <name>', '记录人（默认取环境变量 ROSTER_USER 或系统用户名）')
  .addOption(
    new Option(
      '--engine <kind>',
      '规则的求值方式：compiled 为编译后的规则（默认），reference 由 json-rules-engine 逐条解释，用于核对',
    ).choices(ENGINE_KINDS),
  )
  .configureHelp(HELP_ZH)
  .helpOption('-h, --help', '显示帮助')
  .helpCommand('help [command]', '显示某个命令的帮助')
  .configureOutput({ outputError: (text, write) => write(translateCommanderError(text)) })
  .exitOverride();

const ctx = new CliContext(program);
for (const register of [
  headcountCommand,
  explainCommand,
  checkCommand,
  recordCommand,
  cascadeCommand,
  oathsCommand,
  docCommand,
  verifyCommand,
  exportCommand,
  importCommand,
  auditCommands,
  importRosterCommand,
  exportRosterCommand,
  schemaCommand,
  rulesCommand,
]) {
  register(program, ctx);
}

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // Commander has printed its own message; ours (bad dates, sessions) are printed here.
    if (e.code.startsWith('roster.')) process.stderr.write(`错误：${e.message}\n`);
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (isDomainError(e)) {
    if (ctx.options.json) process.stderr.write(`${JSON.stringify({ error: { kind: e.kind, where: e.where, message: e.message } })}\n`);
    else process.stderr.write(`错误：${e.message}\n`);
    // 3: the record changed under the writer (a lost race); running the same command again may succeed.
    process.exitCode = e.kind === 'store-conflict' ? 3 : 1;
  } else {
    throw e;
  }
}
