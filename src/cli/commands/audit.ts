/** The audit queries: members, history, diff, log. */
import { type Command, CommanderError, Option } from 'commander';
import { Day } from '../../domain/dates.js';
import { EVENT_TYPES } from '../../domain/events.js';
import { formatDiff, formatHistory, formatLog, formatMembers } from '../../format/audit.js';
import type { LedgerTarget } from '../../ledger/headcount.js';
import type { CliContext } from '../context.js';
import { parseDay, parseSession } from '../context.js';
import { VERIFICATION_NOTE } from '../help-zh.js';

/** `19` is a session; `2024-07-31` is a date. */
function parseTarget(value: string): LedgerTarget {
  if (/^\d+$/.test(value)) return { session: parseSession(value) };
  if (Day.safeParse(value).success) return { asOf: value };
  throw new CommanderError(2, 'roster.invalidTarget', `“${value}”既不是会议次数也不是日期（YYYY-MM-DD）`);
}

function parseType(value: string): string {
  if (!(EVENT_TYPES as string[]).includes(value)) {
    throw new CommanderError(2, 'roster.invalidType', `事件类型“${value}”无效，可用：${EVENT_TYPES.join('、')}`);
  }
  return value;
}

export function auditCommands(program: Command, ctx: CliContext): void {
  program
    .command('members')
    .description('某次会议或某日持有有效代表资格的代表，按选举单位列出，并给出人数及其当日所任职务')
    .addOption(new Option('--session <n>', '常委会会议次数').argParser(parseSession).conflicts('asOf'))
    .addOption(new Option('--as-of <date>', '截至日期 YYYY-MM-DD').argParser(parseDay))
    .action(async (opts: { session?: number; asOf?: string }) => {
      const target = opts.session !== undefined ? { session: opts.session } : opts.asOf !== undefined ? { asOf: opts.asOf } : undefined;
      const m = await ctx.app().members(target);
      ctx.print(m, formatMembers(m));
    });

  program
    .command('history')
    .addHelpText('after', `\n${VERIFICATION_NOTE}`)
    .description('某人的时间线：记录的事件（含所任职务和任免）、规则认定（规则编号与依据）、更正')
    .argument('<person>', '姓名或编号')
    .action(async (person: string) => {
      const { state, ...h } = await ctx.app().history(person);
      ctx.print(h, formatHistory({ ...h, state }));
    });

  program
    .command('diff')
    .addHelpText('after', `\n${VERIFICATION_NOTE}`)
    .description('两次会议（或两个日期）之间：新增和离开的代表及原因，任职和离职的职务及其依据')
    .requiredOption('--from <a>', '会议次数或日期 YYYY-MM-DD', parseTarget)
    .requiredOption('--to <b>', '会议次数或日期 YYYY-MM-DD', parseTarget)
    .action(async (opts: { from: LedgerTarget; to: LedgerTarget }) => {
      const x = await ctx.app().diff(opts.from, opts.to);
      ctx.print(x, formatDiff(x));
    });

  program
    .command('log')
    .description('按记录顺序列出记录的事件：记录人与记录时间，更正及被更正的事件都列出')
    .option('--type <type>', '事件类型', parseType)
    .option('--unit <unit>', '选举单位')
    .option('--since <date>', '记录日期不早于 YYYY-MM-DD', parseDay)
    .action(async (opts: { type?: string; unit?: string; since?: string }) => {
      const entries = await ctx.app().log(opts);
      ctx.print(entries, formatLog(entries));
    });
}
