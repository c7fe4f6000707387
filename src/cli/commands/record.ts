import type { Command } from 'commander';
import { eventsFromFile } from '../../app/input-files.js';
import type { EventInput } from '../../domain/events.js';
import { LIMITS } from '../../domain/input-limits.js';
import { formatPreview } from '../../format/preview.js';
import type { CliContext } from '../context.js';
import { readInput } from '../context.js';

export function recordCommand(program: Command, ctx: CliContext): void {
  program
    .command('record')
    .description('校验并追加事件（一个 JSON 对象或数组）；有任何错误则一个也不写入')
    .argument('<file>', '事件 JSON 文件')
    .option('--dry-run', '只预览：实有代表的变化、规则认定、随之结束的职务、宣誓义务和检查发现，不写入')
    .action(async (file: string, opts: { dryRun?: boolean }) => {
      const { values, single } = eventsFromFile(readInput(file, LIMITS.fileBytes));
      const events = values as EventInput[];
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
