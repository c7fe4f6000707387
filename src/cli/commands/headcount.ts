import { type Command, Option } from 'commander';
import { formatHeadcount } from '../../format/headcount.js';
import type { CliContext } from '../context.js';
import { parseDay, parseSession } from '../context.js';
import { VERIFICATION_NOTE } from '../help-zh.js';

export function headcountCommand(program: Command, ctx: CliContext): void {
  program
    .command('headcount')
    .addHelpText('after', `\n${VERIFICATION_NOTE}`)
    .description('代表名额、实有代表、出缺与补选情况（默认：最近一次常委会会议）')
    .addOption(new Option('--session <n>', '常委会会议次数').argParser(parseSession).conflicts('asOf'))
    .addOption(new Option('--as-of <date>', '截至日期 YYYY-MM-DD').argParser(parseDay))
    .action(async (opts: { session?: number; asOf?: string }) => {
      const target = opts.session !== undefined ? { session: opts.session } : opts.asOf !== undefined ? { asOf: opts.asOf } : undefined;
      const l = await ctx.app().headcount(target);
      ctx.print(l, formatHeadcount(l));
    });
}
