import { type Command, CommanderError } from 'commander';
import { isDomainError } from '../../domain/errors.js';
import { LIMITS } from '../../domain/input-limits.js';
import type { CliContext } from '../context.js';
import { parseSession, readInput } from '../context.js';

interface ImportFlags {
  sheet?: string;
  session?: number;
  dryRun?: boolean;
  map?: string[];
}

export function importRosterCommand(program: Command, ctx: CliContext): void {
  program
    .command('import-roster')
    .description('导入代表名册（.xlsx 或 .csv）为期初名册，或与记录核对；有任何问题则逐项列出且不写入')
    .argument('<file>', '代表名册文件（.xlsx 或 .csv）')
    .option('--sheet <name>', '工作表名称（默认第一张）')
    .option('--session <n>', '常委会会议次数：名册为该次会议确认的期初实有代表，或与该次会议时的代表核对', parseSession)
    .option('--dry-run', '只显示将写入的内容，不写入')
    .option('--map <列名=field>', '自定义表头，如 --map 代表姓名=name（可重复）', (entry: string, all: string[] = []) => [...all, entry])
    .action(async (file: string, opts: ImportFlags) => {
      // Loaded on use: the spreadsheet libraries would slow every other command's start-up.
      const [{ formatImport }, { progressBar }, { headerMap }] = await Promise.all([
        import('../../format/import.js'),
        import('../progress.js'),
        import('../../roster-io/columns.js'),
      ]);
      try {
        headerMap(opts.map);
      } catch (e) {
        if (isDomainError(e)) throw new CommanderError(2, 'roster.invalidMap', e.message);
        throw e;
      }
      const result = await ctx.app().importRoster({
        file: readInput(file, LIMITS.fileBytes),
        ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
        ...(opts.session !== undefined ? { session: opts.session } : {}),
        ...(opts.map ? { map: opts.map } : {}),
        dryRun: opts.dryRun ?? false,
        recordedBy: ctx.recorder(),
        progress: progressBar('校验名册', ctx.io),
      });
      ctx.print(result, formatImport(result));
      if (!result.ok) ctx.exitCode = 1;
    });
}
