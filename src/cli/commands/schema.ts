import type { Command } from 'commander';
import { RosterApp } from '../../app/roster-app.js';
import type { CliContext } from '../context.js';

export function schemaCommand(program: Command, ctx: CliContext): void {
  program
    .command('schema')
    .description('输出数据文件的 JSON Schema（供其他系统生成数据）；--openapi 输出 HTTP JSON 接口的 OpenAPI 文档')
    .option('--openapi', '输出 roster serve 的 /api/ 接口的 OpenAPI 3.1 文档')
    .action(async (opts: { openapi?: boolean }) => {
      const doc = opts.openapi ? (await import('../../api/openapi.js')).openApiDocument() : RosterApp.schema();
      ctx.outJson(doc);
    });
}
