/** `roster serve`: the clerks' console and the JSON API over the same data file. */
import { type Command, CommanderError, Option } from 'commander';
import type { CliContext } from '../context.js';

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new CommanderError(2, 'roster.invalidPort', `端口“${value}”无效，应为 0–65535 的整数`);
  return n;
}

export function serveCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('启动代表资格管理控制台（网页）和 HTTP JSON 接口（/api/）')
    .addOption(new Option('--port <port>', '端口（0：任选空闲端口）').argParser(parsePort).default(8080))
    .addOption(new Option('--host <host>', '监听地址（办公室网络中使用时放在反向代理之后）').default('127.0.0.1'))
    .option('--trust-proxy', '信任反向代理的 X-Forwarded-* 头（客户端地址、https）')
    .action(async (opts: { port: number; host: string; trustProxy?: boolean }) => {
      // Loaded on use: the web framework would slow every other command's start-up.
      const { startConsole } = await import('../../serve.js');
      const server = await startConsole({
        dbFile: ctx.dbFile(),
        ...(ctx.options.congress === undefined ? {} : { congress: ctx.options.congress }),
        rulesDir: ctx.rulesDir(),
        host: opts.host,
        port: opts.port,
        trustProxy: opts.trustProxy ?? false,
      });
      ctx.out(`控制台已启动：${server.url}\n${ctx.usesDatabase() ? '数据库' : '数据文件'}：${server.dbFile}\n`);
      if (server.createdRecord) ctx.out('数据文件不存在，已建立空记录：登录后可新建本届人民代表大会。\n');
      if (server.accounts === 0) ctx.out('尚无账户：请先运行 roster user add 姓名 --role 管理（或 填报、审核、查阅）。\n');
      ctx.out('按 Ctrl+C 停止。\n');
      await new Promise<void>((resolve) => {
        const stop = () => {
          server.close().then(resolve, resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
