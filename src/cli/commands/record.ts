import path from 'node:path';
import { type Command, CommanderError } from 'commander';
import { eventsFromFile } from '../../app/input-files.js';
import { isDomainError } from '../../domain/errors.js';
import { LIMITS } from '../../domain/input-limits.js';
import { formatPreview } from '../../format/preview.js';
import type { CliContext } from '../context.js';
import { readInput } from '../context.js';

interface RecordFlags {
  dryRun?: boolean;
  sheet?: string;
  map?: string[];
}

/** A 代表变动登记表 (.xlsx / .csv), one row a change: every problem located by row and column, all or nothing. */
async function recordRegister(ctx: CliContext, file: string, opts: RecordFlags): Promise<void> {
  // Loaded on use: the spreadsheet libraries would slow every other command's start-up.
  const [{ formatChanges }, { changeHeaderMap }] = await Promise.all([
    import('../../format/changes.js'),
    import('../../roster-io/change-table.js'),
  ]);
  try {
    changeHeaderMap(opts.map);
  } catch (e) {
    if (isDomainError(e)) throw new CommanderError(2, 'roster.invalidMap', e.message);
    throw e;
  }
  const recordedBy = opts.dryRun ? undefined : ctx.recorder();
  const result = await ctx.app().recordChanges({
    file: readInput(file, LIMITS.fileBytes),
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
    ...(opts.map ? { map: opts.map } : {}),
    dryRun: opts.dryRun ?? false,
    recordedBy: recordedBy ?? '（预览）',
  });
  ctx.print(result, formatChanges(result, recordedBy));
  if (!result.ok) ctx.exitCode = 1;
}

const SPREADSHEET = new Set(['.xlsx', '.xlsm', '.xls', '.csv']);

export function recordCommand(program: Command, ctx: CliContext): void {
  program
    .command('record')
    .description(
      '校验并追加事件：事件 JSON 文件（一个对象或数组，可用中文事件名和姓名），或代表变动登记表（.xlsx / .csv，一行一项变动）；有任何错误则一个也不写入',
    )
    .argument('<file>', '事件 JSON 文件，或代表变动登记表（.xlsx / .csv）')
    .option('--dry-run', '只预览：实有代表的变化、规则认定、随之结束的职务、宣誓义务和检查发现，不写入')
    .option('--sheet <name>', '登记表的工作表名称（默认第一张）')
    .option('--map <列名=字段>', '登记表的自定义表头，如 --map 变动=变动类型（可重复）', (entry: string, all: string[] = []) => [
      ...all,
      entry,
    ])
    .action(async (file: string, opts: RecordFlags) => {
      if (SPREADSHEET.has(path.extname(file).toLowerCase())) return recordRegister(ctx, file, opts);
      if (opts.sheet !== undefined || opts.map) {
        throw new CommanderError(2, 'roster.notARegister', '--sheet 和 --map 只用于代表变动登记表（.xlsx 或 .csv）');
      }
      const { values, single } = eventsFromFile(readInput(file, LIMITS.fileBytes));
      // Chinese event names and persons by name resolved, every problem of the batch told at once.
      const events = await ctx.app().enter({ values, single, origin: file });
      if (opts.dryRun) {
        const preview = await ctx.app().preview({ events });
        ctx.print(preview, formatPreview(preview));
        if (preview.refusal) ctx.exitCode = 1;
        return;
      }
      const recordedBy = ctx.recorder();
      // The application admits them (src/app/admit.ts): the schema and the input limits, as for any caller.
      const added = await ctx.app().record({ events, recordedBy, origin: { name: file, single } });
      ctx.print(added, `已记录${added.length}个事件（序号 ${added.map((e) => e.seq).join('、')}），记录人：${recordedBy}`);
    });
}
