import type { Command } from 'commander';
import { formatCheck, withMessages } from '../../format/check.js';
import type { CliContext } from '../context.js';

export function checkCommand(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description('一致性检查；发现错误时以非零状态退出')
    .action(async () => {
      const report = await ctx.app().check();
      ctx.print({ findings: withMessages(report.findings), errors: report.errors }, formatCheck(report.findings));
      if (report.errors > 0) ctx.exitCode = 1;
    });
}
