import type { Command } from 'commander';
import { RosterApp } from '../../app/roster-app.js';
import type { CliContext } from '../context.js';

export function schemaCommand(program: Command, _ctx: CliContext): void {
  program
    .command('schema')
    .description('输出数据文件的 JSON Schema（供其他系统生成数据）')
    .action(() => {
      process.stdout.write(`${JSON.stringify(RosterApp.schema(), null, 2)}\n`);
    });
}
