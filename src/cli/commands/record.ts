import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { readEventFile } from '../read-events.js';

export function recordCommand(program: Command, ctx: CliContext): void {
  program
    .command('record')
    .description('校验并追加事件（一个 JSON 对象或数组）；有任何错误则一个也不写入')
    .argument('<file>', '事件 JSON 文件')
    .action(async (file: string) => {
      const events = readEventFile(file);
      const recordedBy = ctx.recorder();
      const added = await ctx.app().record({ events, recordedBy });
      ctx.print(added, `已记录${added.length}个事件（序号 ${added.map((e) => e.seq).join('、')}），记录人：${recordedBy}`);
    });
}
