import { type Command, Option } from 'commander';
import { formatOaths } from '../../format/posts.js';
import type { CliContext } from '../context.js';
import { parseSession } from '../context.js';
import { VERIFICATION_NOTE } from '../help-zh.js';

export function oathsCommand(program: Command, ctx: CliContext): void {
  program
    .command('oaths')
    .addHelpText('after', `\n${VERIFICATION_NOTE}`)
    .description('会议任命人员的宪法宣誓：谁应宣誓、由谁组织、适用誓词、记录情况')
    .addOption(new Option('--session <n>', '常委会会议次数').argParser(parseSession).makeOptionMandatory())
    .action(async (opts: { session: number }) => {
      const r = await ctx.app().oaths(opts.session);
      ctx.print({ session: r.session, owed: r.owed, notOwed: r.notOwed }, formatOaths(r));
    });
}
