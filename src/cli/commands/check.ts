import type { Command } from 'commander';
import type { CheckFinding } from '../../checks/consistency.js';
import type { CliContext } from '../context.js';
import { formatCheck } from '../format-check.js';

export function checkCommand(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description('一致性检查；发现错误时以非零状态退出')
    .action(async () => {
      const chain = await ctx.historyApp().verify();
      const tampered: CheckFinding[] = chain.ok
        ? []
        : [
            {
              level: 'error',
              code: 'tampered-log',
              message: `哈希链校验失败：${chain.problem?.message ?? chain.invalid}；详见 roster verify`,
              ...(chain.problem ? { eventSeq: chain.problem.seq } : {}),
            },
          ];
      const findings = [...tampered, ...(await ctx.app().check())];
      const errors = findings.filter((f) => f.level === 'error').length;
      ctx.print({ findings, errors }, formatCheck(findings));
      if (errors > 0) process.exitCode = 1;
    });
}
