import type { Command } from 'commander';
import { formatVerify } from '../../format/verify.js';
import type { CliContext } from '../context.js';

export function verifyCommand(program: Command, ctx: CliContext): void {
  program
    .command('verify')
    .description('重新计算哈希链，报告第一条被修改、删除、插入或调换顺序的事件；不通过时以非零状态退出')
    .action(async () => {
      const report = await ctx.app().verify();
      ctx.print(report, formatVerify(report));
      if (!report.ok) process.exitCode = 1;
    });
}
