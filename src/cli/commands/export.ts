import path from 'node:path';
import type { Command } from 'commander';
import { DomainError } from '../../domain/errors.js';
import type { CliContext } from '../context.js';
import { writeOutput } from '../context.js';

export function exportCommand(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('导出全部记录（数据文件格式，含哈希链）；哈希链校验不通过时拒绝导出')
    .option('-o, --output <file>', '写入文件（默认输出到标准输出）')
    .action(async (opts: { output?: string }) => {
      if (opts.output && path.resolve(opts.output) === ctx.dbFile()) {
        throw new DomainError('invalid-input', '导出文件不能是正在使用的数据文件本身', opts.output);
      }
      const text = await ctx.app().exportRecord();
      if (!opts.output) {
        process.stdout.write(text);
        return;
      }
      writeOutput(opts.output, text);
      const count = (JSON.parse(text) as { events: unknown[] }).events.length;
      ctx.print({ file: opts.output, count }, `已导出${count}条事件到 ${opts.output}`);
    });
}
