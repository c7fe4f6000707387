import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { formatCheck } from '../format-check.js';

export function checkCommand(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description('一致性检查；发现错误时以非零状态退出')
    .action(async () => {
      const findings = await ctx.app().check();
      const errors = findings.filter((f) => f.level === 'error').length;
      ctx.print({ findings, errors }, formatCheck(findings));
      if (errors > 0) process.exitCode = 1;
    });
}
