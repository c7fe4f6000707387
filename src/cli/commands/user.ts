/**
 * `roster user`: the console's accounts from the command line. Whoever may write the data file keeps
 * its accounts, so the CLI acts as an administrator. The password comes from standard input when it is
 * not a terminal (scripts); on a terminal a strong one is generated and printed once.
 */
import { type Command, CommanderError, Option } from 'commander';
import { generatePassword } from '../../app/passwords.js';
import { parseRole, ROLES, type Role } from '../../domain/accounts.js';
import { DomainError } from '../../domain/errors.js';
import type { CliContext } from '../context.js';

function roleOption(value: string): Role {
  const role = parseRole(value);
  if (!role) throw new CommanderError(2, 'roster.invalidRole', `角色“${value}”无效，可用：${ROLES.join('、')}`);
  return role;
}

/** The first line of standard input (a script's `echo "$PASSWORD" | roster user add …`). */
async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (line === '') throw new DomainError('invalid-input', '标准输入中没有密码（第一行为密码）');
  return line;
}

async function newPassword(): Promise<{ password: string; generated: boolean }> {
  if (process.stdin.isTTY) return { password: generatePassword(), generated: true };
  return { password: await passwordFromStdin(), generated: false };
}

export function userCommand(program: Command, ctx: CliContext): void {
  const user = program
    .command('user')
    .description('控制台账户：新建、列出、重设密码（账户保存在数据文件旁或记录所在的数据库中，不进入哈希链）');
  // Accounts are not the record: an unconfigured machine may still make its first administrator (the README's quick start).
  const admin = () => ({ name: `${ctx.configuredRecorder() ?? '本机'}（命令行）`, role: '管理' as const });

  user
    .command('add')
    .description('新建账户；标准输入不是终端时从标准输入读取密码，否则生成密码并显示一次')
    .argument('<name>', '账户名（登录名，也是记录中的记录人、起草人）')
    .addOption(new Option('--role <role>', `角色：${ROLES.join('|')}`).argParser(roleOption).makeOptionMandatory())
    .action(async (name: string, opts: { role: Role }) => {
      const { password, generated } = await newPassword();
      const account = await ctx.accountsApp().add({ name, role: opts.role, password }, admin());
      const lines = [`已新建账户“${account.name}”，角色：${account.role}`];
      if (generated) lines.push(`初始密码：${password}`, '（只显示这一次；登录后可在“我的账户”中修改）');
      lines.push('启动控制台：roster serve，然后在浏览器中打开 http://127.0.0.1:8080 登录');
      ctx.print({ ...account, ...(generated ? { password } : {}) }, lines.join('\n'));
    });

  user
    .command('list')
    .description('列出账户（不显示密码）')
    .action(async () => {
      const accounts = await ctx.accountsApp().list(admin());
      ctx.print(
        accounts,
        accounts.length === 0 ? '尚无账户' : accounts.map((a) => `${a.name}\t${a.role}${a.disabled ? '\t（已停用）' : ''}`).join('\n'),
      );
    });

  user
    .command('passwd')
    .description('重设某账户的密码（标准输入不是终端时从标准输入读取，否则生成并显示一次）')
    .argument('<name>', '账户名')
    .action(async (name: string) => {
      const { password, generated } = await newPassword();
      const account = await ctx.accountsApp().setPassword(name, password, admin());
      ctx.print(
        { name: account.name, ...(generated ? { password } : {}) },
        [`已重设账户“${account.name}”的密码`, ...(generated ? [`新密码：${password}（只显示这一次）`] : [])].join('\n'),
      );
    });
}
