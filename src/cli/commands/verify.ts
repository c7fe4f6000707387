import type { Command } from 'commander';
import { formatVerify } from '../../format/verify.js';
import type { CliContext } from '../context.js';

export function verifyCommand(program: Command, ctx: CliContext): void {
  program
    .command('verify')
    .description('重新计算哈希链，报告第一条被修改、删除、插入或调换顺序的事件，并核对头部；不通过时以非零状态退出')
    .option(
      '--rebuild-head',
      '哈希链完整、只是头部缺失或与数据文件不符时：先将最后一条的哈希与会议记录核对，再用此项按数据文件重建头部（头部之外多出的事件将被视为已提交，缺少的事件不再追究）',
    )
    .action(async (opts: { rebuildHead?: boolean }) => {
      const app = ctx.app();
      const report = opts.rebuildHead ? await app.rebuildHead() : await app.verify();
      ctx.print(report, `${opts.rebuildHead ? '已按数据文件重建头部。\n' : ''}${formatVerify(report)}`);
      if (!report.ok) ctx.exitCode = 1;
    });
}
