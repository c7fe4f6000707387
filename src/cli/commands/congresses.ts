import { type Command, Option } from 'commander';
import { CongressLevel } from '../../domain/events.js';
import { formatCongresses, formatStats } from '../../format/stats.js';
import type { CliContext } from '../context.js';
import { parseDay } from '../context.js';

/** The commands across congresses: the list, a new one, statistics. */
export function congressesCommands(program: Command, ctx: CliContext): void {
  const congresses = program.command('congresses').description('列出或新建数据库中的代表大会（每个代表大会一条记录：各自的序号和哈希链）');
  congresses
    .command('list', { isDefault: true })
    .description('列出代表大会：级别、届次、名额、实有代表、事件数和最后一条的哈希')
    .action(async () => {
      const l = await ctx.congresses().congresses();
      ctx.print(l, formatCongresses(l));
    });
  congresses
    .command('add')
    .description('在数据库中新建一个空的代表大会记录（之后用 roster record --congress 编号 记录其“本届人民代表大会”等事件）')
    .argument('<id>', '代表大会编号，如 ningbo-16（字母、数字和 . _ -）')
    .option('--within <id>', '所属的上一级代表大会（按地区统计时归入其地区）')
    .action(async (id: string, opts: { within?: string }) => {
      await ctx.congresses().add(id, opts.within);
      ctx.print({ id, within: opts.within ?? null }, `已新建代表大会 ${id}${opts.within ? `（属 ${opts.within}）` : ''}`);
    });

  congresses
    .command('stats')
    .description('各代表大会的名额、实有代表、缺额和按情形分列的代表资格终止人数，按代表大会、按地区和合计（roster stats --level 同此）')
    .addOption(new Option('--level <level>', '只统计这一级的代表大会').choices(CongressLevel.options))
    .addOption(new Option('--as-of <date>', '截至日期 YYYY-MM-DD（默认：今天）').argParser(parseDay))
    .action((opts: { level?: CongressLevel; asOf?: string }) => congressStats(ctx, opts));
}

/** Figures across the congresses of the store (issue 12): `roster congresses stats`, and `roster stats --level`. */
export async function congressStats(ctx: CliContext, opts: { level?: CongressLevel; asOf?: string }): Promise<void> {
  const { stats, refreshed } = await ctx.congresses().stats({
    ...(opts.level ? { level: opts.level } : {}),
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
  });
  if (refreshed.length > 0) ctx.err(`提示：已按当前记录和规则重新生成${refreshed.length}个代表大会的统计表\n`);
  ctx.print(stats, formatStats(stats));
}
