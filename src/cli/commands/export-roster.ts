import { type Command, CommanderError, Option } from 'commander';
import { formatChineseDate } from '../../domain/dates.js';
import { terminalSafeJson } from '../../domain/display-text.js';
import type { CliContext } from '../context.js';
import { parseDay } from '../context.js';

interface ExportFlags {
  format: 'xlsx' | 'csv' | 'popolo';
  asOf?: string;
  output?: string;
}

export function exportRosterCommand(program: Command, ctx: CliContext): void {
  program
    .command('export-roster')
    .description('导出截至某日的代表名册：状态、选举单位、终止原因及依据、所任职务（xlsx、csv 或 Popolo JSON）')
    .addOption(new Option('--format <format>', '格式').choices(['xlsx', 'csv', 'popolo']).makeOptionMandatory())
    .addOption(new Option('--as-of <date>', '截至日期 YYYY-MM-DD（默认：最近一次常委会会议）').argParser(parseDay))
    .option('-o, --output <file>', '输出文件（csv 与 popolo 默认输出到标准输出；xlsx 必须指定）')
    .action(async (opts: ExportFlags) => {
      if (opts.format === 'xlsx' && !opts.output) throw new CommanderError(2, 'roster.missingOutput', '导出 xlsx 须用 -o 指定输出文件');
      const r = await ctx.app().exportRoster({ format: opts.format, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
      if (!opts.output) {
        // CSV cells are neutralised by the exporter; Popolo JSON gets its terminal-active characters escaped.
        if (r.output.kind === 'text') ctx.outData(opts.format === 'popolo' ? terminalSafeJson(r.output.text) : r.output.text);
        return;
      }
      await ctx.writeOutput(opts.output, r.output.kind === 'text' ? r.output.text : r.output.bytes);
      const done = `已导出截至${formatChineseDate(r.asOf)}的代表名册：${r.persons}人（实有代表${r.counted}名，其中记录未载姓名${r.unnamed}名）`;
      ctx.print(
        { file: opts.output, format: r.format, asOf: r.asOf, persons: r.persons, counted: r.counted, unnamed: r.unnamed },
        `${done}，文件：${opts.output}`,
      );
    });
}
