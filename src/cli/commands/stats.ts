/**
 * `roster stats`: 代表结构 (gender, ethnicity, party, age, occupation) for the congress and by electing unit;
 * with `--level`, the figures across the store's congresses of that level (`roster congresses stats`).
 */
import { type Command, CommanderError, Option } from 'commander';
import { CongressLevel } from '../../domain/events.js';
import { formatStructure, structureHtml } from '../../format/structure.js';
import type { CliContext } from '../context.js';
import { parseDay, parseSession } from '../context.js';
import { congressStats } from './congresses.js';

interface StatsFlags {
  session?: number;
  asOf?: string;
  format: 'text' | 'html';
  output?: string;
  level?: CongressLevel;
}

export function statsCommand(program: Command, ctx: CliContext): void {
  program
    .command('stats')
    .description('代表结构：实有代表的性别、民族、党派、年龄、职业构成，全体及按选举单位（只计记录登记的情况，未登记的列为“未登记”）')
    .addOption(new Option('--session <n>', '常委会会议次数').argParser(parseSession).conflicts('asOf'))
    .addOption(new Option('--as-of <date>', '截至日期 YYYY-MM-DD（默认：最近一次常委会会议）').argParser(parseDay))
    .addOption(new Option('--format <format>', '格式：text 为表格，html 为含统计图（SVG）的网页').choices(['text', 'html']).default('text'))
    .option('-o, --output <file>', '输出文件（html 必须指定）')
    .addOption(
      new Option('--level <level>', '改为统计数据库中这一级的各代表大会：名额、实有代表、缺额、终止情形（同 roster congresses stats）')
        .choices(CongressLevel.options)
        .conflicts(['session', 'output']),
    )
    .action(async (opts: StatsFlags) => {
      if (opts.level) return congressStats(ctx, { level: opts.level, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
      if (opts.format === 'html' && !opts.output) throw new CommanderError(2, 'roster.missingOutput', 'html 格式须用 -o 指定输出文件');
      const target = opts.session !== undefined ? { session: opts.session } : opts.asOf !== undefined ? { asOf: opts.asOf } : undefined;
      const s = await ctx.app().structure(target);
      if (!opts.output) {
        ctx.print(s, formatStructure(s));
        return;
      }
      await ctx.writeOutput(opts.output, opts.format === 'html' ? structureHtml(s) : `${formatStructure(s)}\n`);
      ctx.print({ file: opts.output, format: opts.format, ...s }, `已生成代表结构统计（实有代表${s.count}名），文件：${opts.output}`);
    });
}
