import type { Command } from 'commander';
import { terminalSafeJson } from '../../domain/display-text.js';
import type { CliContext } from '../context.js';

export function exportCommand(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('导出全部记录（数据文件格式，含哈希链）；哈希链校验不通过时拒绝导出')
    .option('-o, --output <file>', '写入文件（默认输出到标准输出）')
    .action(async (opts: { output?: string }) => {
      const r = await ctx.app().exportRecord();
      if (!opts.output) {
        for await (const chunk of r.chunks) await ctx.outChunk(terminalSafeJson(chunk));
        return;
      }
      await ctx.writeOutput(opts.output, r.chunks);
      ctx.print({ file: opts.output, count: r.count, headHash: r.headHash }, `已导出${r.count}条事件到 ${opts.output}`);
    });
}
