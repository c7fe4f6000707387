import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** The database's upkeep: its schema, and the read models derived from the records. */
export function dbCommands(program: Command, ctx: CliContext): void {
  const db = program.command('db').description('数据库维护（--db postgres://…）');
  db.command('migrate')
    .description('按编号执行尚未执行的数据库迁移（由数据库所有者执行）；已执行的迁移文件不得修改')
    .action(async () => {
      const r = await ctx.congresses().migrate();
      const done = r.applied.length > 0 ? `已执行迁移：${r.applied.join('、')}` : '没有需要执行的迁移';
      ctx.print(r, `${done}；数据库表结构为第${r.current}版`);
    });
  db.command('refresh')
    .description('重新生成统计表：记录或规则变化后尚未更新的代表大会，按当前记录和规则推导后写入')
    .action(async () => {
      const r = await ctx.congresses().refresh();
      ctx.print(
        r,
        r.refreshed.length > 0 ? `已重新生成${r.refreshed.length}个代表大会的统计表：${r.refreshed.join('、')}` : '统计表都是最新的',
      );
    });
}
