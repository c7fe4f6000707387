import { writeFileSync } from 'node:fs';
import { type Command, CommanderError, Option } from 'commander';
import { today } from '../../app/roster-app.js';
import { formatChineseDate } from '../../domain/dates.js';
import { latestTarget, resolveTarget } from '../../ledger/headcount.js';
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
      // Loaded on use: the spreadsheet libraries would slow every other command's start-up.
      const { rosterView } = await import('../../roster-io/roster-view.js');
      const d = await ctx.app().derivation();
      const asOf = opts.asOf ?? resolveTarget(d.state, latestTarget(d.state, today())).date;
      const view = rosterView(d, asOf);
      const done = `已导出截至${formatChineseDate(asOf)}的代表名册：${view.lines.length}人（实有代表${view.counted}名，其中记录未载姓名${view.unnamed}名）`;
      if (opts.format === 'xlsx') {
        if (!opts.output) throw new CommanderError(2, 'roster.missingOutput', '导出 xlsx 须用 -o 指定输出文件');
        await (await import('../../roster-io/export-table.js')).writeXlsx(view, opts.output);
      } else {
        const text =
          opts.format === 'csv'
            ? (await import('../../roster-io/export-table.js')).csvText(view)
            : `${JSON.stringify((await import('../../roster-io/popolo.js')).popolo(view), null, 2)}\n`;
        if (!opts.output) {
          process.stdout.write(text);
          return;
        }
        writeFileSync(opts.output, text);
      }
      ctx.print(
        { file: opts.output, format: opts.format, asOf, persons: view.lines.length, counted: view.counted, unnamed: view.unnamed },
        `${done}，文件：${opts.output}`,
      );
    });
}
