/**
 * `roster` as a function: the arguments and the streams in, the exit code out. The bin
 * (src/cli/main.ts) calls it with the process's streams; tests run the very same commands in process
 * with memory streams (`memoryIO`), so hundreds of hostile inputs cost no process start-up each.
 * Every error ends in the error boundary (src/cli/error-boundary.ts).
 */
import { Command, Option } from 'commander';
import { ENGINE_KINDS } from '../app/engine-kinds.js';
import { packageVersion } from '../paths.js';
import { auditCommands } from './commands/audit.js';
import { cascadeCommand } from './commands/cascade.js';
import { checkCommand } from './commands/check.js';
import { configCommand } from './commands/config.js';
import { congressesCommands } from './commands/congresses.js';
import { correctCommands } from './commands/correct.js';
import { dbCommands } from './commands/db.js';
import { docCommand } from './commands/doc.js';
import { explainCommand } from './commands/explain.js';
import { exportCommand } from './commands/export.js';
import { exportRosterCommand } from './commands/export-roster.js';
import { headcountCommand } from './commands/headcount.js';
import { importCommand } from './commands/import.js';
import { importRosterCommand } from './commands/import-roster.js';
import { initCommand } from './commands/init.js';
import { oathsCommand } from './commands/oaths.js';
import { personsCommands } from './commands/persons.js';
import { recordCommand } from './commands/record.js';
import { rulesCommand } from './commands/rules.js';
import { schemaCommand } from './commands/schema.js';
import { serveCommand } from './commands/serve.js';
import { statsCommand } from './commands/stats.js';
import { userCommand } from './commands/user.js';
import { verifyCommand } from './commands/verify.js';
import { CliContext } from './context.js';
import { reportError } from './error-boundary.js';
import { HELP_ZH } from './help-zh.js';
import type { CliIO } from './io.js';
import { translateCommanderError } from './messages-zh.js';

const COMMANDS = [
  initCommand,
  headcountCommand,
  explainCommand,
  checkCommand,
  recordCommand,
  correctCommands,
  cascadeCommand,
  oathsCommand,
  docCommand,
  verifyCommand,
  exportCommand,
  importCommand,
  auditCommands,
  importRosterCommand,
  exportRosterCommand,
  statsCommand,
  schemaCommand,
  rulesCommand,
  congressesCommands,
  personsCommands,
  dbCommands,
  userCommand,
  serveCommand,
  configCommand,
];

function program(io: CliIO): Command {
  return new Command()
    .name('roster')
    .description('人大代表资格与名额管理工具')
    .version(packageVersion(), '-V, --version', '显示版本号')
    .option('--db <file>', '数据文件，或数据库 postgres://用户@主机:端口/库名（默认：环境变量 ROSTER_DB，否则内置数据的工作副本）')
    .option('--congress <id>', '数据库中的代表大会编号（默认：数据库中唯一的一个）')
    .option('--rules <dir>', '规则目录（默认：随程序提供的 rules/）')
    .option('--json', '输出机器可读的 JSON')
    .option('--as <name>', '记录人姓名（默认取环境变量 ROSTER_USER，否则取 roster config set recorder 设置的姓名）')
    .addOption(
      new Option(
        '--engine <kind>',
        '规则的求值方式：compiled 为编译后的规则（默认），reference 由 json-rules-engine 逐条解释，用于核对',
      ).choices(ENGINE_KINDS),
    )
    .configureHelp(HELP_ZH)
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(translateCommanderError(text)),
    })
    .exitOverride();
}

/** Run one `roster` command line (the arguments after `roster`); the exit code is returned, never thrown. */
export async function runCli(args: readonly string[], io: CliIO): Promise<number> {
  const root = program(io);
  const ctx = new CliContext(root, io);
  // Subcommands inherit the streams and exitOverride: they stop instead of exiting the process.
  for (const register of COMMANDS) register(root, ctx);
  try {
    await root.parseAsync([...args], { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    return reportError(e, io, { json: ctx.wantsJson(args) });
  }
}
