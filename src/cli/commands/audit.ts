/** The audit queries: members, history, diff, log. */
import { type Command, CommanderError, Option } from 'commander';
import { Day } from '../../domain/dates.js';
import { EVENT_NAMES } from '../../domain/event-names.js';
import { eventTypeList, eventTypeOf } from '../../domain/event-type-words.js';
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

/** An event type by id, glossary name or a clerk's word (调离); the app reads the same words. */
function parseType(value: string): string {
  if (!eventTypeOf(value)) throw new CommanderError(2, 'roster.invalidType', `事件类型“${value}”无效，可用：${eventTypeList()}`);
  return value;
}

const FIND_HELP = `
查找人员：可输入完整姓名、姓名的一部分（黄利）、姓名的拼音首字母（hlq）或拼音（huangliqin）、
选举单位的一部分（鄞州）或人员编号。与多名人员相符时列出候选人员，请改用更完整的姓名或编号。`;

export function auditCommands(program: Command, ctx: CliContext): void {
  program
    .command('members')
    .description('某次会议或某日持有有效代表资格的代表，按选举单位列出，并给出人数及其当日所任职务')
    .argument('[query]', '只列出相符的代表：姓名或其一部分、拼音首字母、选举单位的一部分')
    .addOption(new Option('--session <n>', '常委会会议次数').argParser(parseSession).conflicts('asOf'))
    .addOption(new Option('--as-of <date>', '截至日期 YYYY-MM-DD').argParser(parseDay))
    .option('--unit <unit>', '只列出一个选举单位（可写其一部分，如 鄞州）')
    .addHelpText('after', FIND_HELP)
    .action(async (query: string | undefined, opts: { session?: number; asOf?: string; unit?: string }) => {
      const target = opts.session !== undefined ? { session: opts.session } : opts.asOf !== undefined ? { asOf: opts.asOf } : undefined;
      const filter = { ...(query !== undefined ? { query } : {}), ...(opts.unit !== undefined ? { unit: opts.unit } : {}) };
      const m = await ctx.app().members(target, filter);
      ctx.print(m, formatMembers(m));
    });

  program
    .command('history')
    .addHelpText('after', `${FIND_HELP}\n\n${VERIFICATION_NOTE}`)
    .description('某人的时间线：记录的事件（含所任职务和任免）、规则认定（规则及其依据）、更正')
    .argument('<person>', '姓名、姓名的一部分、拼音首字母、选举单位的一部分或人员编号')
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
    .option('--type <type>', '事件类型：中文名称（如 调离、辞职、补选）或英文标识（如 DeputyTransferredOut），见下表', parseType)
    .option('--unit <unit>', '选举单位（可写其一部分，如 鄞州）')
    .option('--person <query>', '只列出与某人有关的事件：姓名或其一部分、拼音首字母、人员编号')
    .option('--since <date>', '记录日期（北京时间）不早于 YYYY-MM-DD', parseDay)
    .addHelpText(
      'after',
      `\n事件类型（中文名称与英文标识均可）：\n${EVENT_TYPES.map((t) => `  ${EVENT_NAMES[t]}  ${t}`).join('\n')}\n另可用：调离、迁出、辞职、死亡、补选、确认、暂停、恢复、任命、免去、宣誓。`,
    )
    .action(async (opts: { type?: string; unit?: string; person?: string; since?: string }) => {
      const entries = await ctx.app().log(opts);
      ctx.print(entries, formatLog(entries));
    });
}
