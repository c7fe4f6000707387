import type { Command } from 'commander';
import { LIMITS } from '../../domain/input-limits.js';
import type { CliContext } from '../context.js';
import { readInput } from '../context.js';

export function importCommand(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description(
      '导入一个数据文件的全部记录到新的或空的数据文件（--db），或数据库中新的或空的代表大会（--congress，默认以文件名为编号）；先校验哈希链和每个事件，有任何错误则什么也不写',
    )
    .argument('<file>', '要导入的数据文件（roster export 的输出，或版本1的数据文件）')
    .option('--within <id>', '数据库中新建代表大会时：所属的上一级代表大会')
    .action(async (file: string, opts: { within?: string }) => {
      const result = await ctx.importApp(file, opts.within).importRecord(readInput(file, LIMITS.fileBytes));
      const migrated = result.fileVersion < 2 ? '（版本1文件，已建立哈希链）' : '';
      ctx.print(result, `已导入${result.count}条事件${migrated}，哈希链完整；最后一条的哈希：${result.headHash}`);
    });
}
