import { type Command, Option } from 'commander';
import { formatCascade } from '../../format/posts.js';
import type { CliContext } from '../context.js';
import { parseSession } from '../context.js';
import { VERIFICATION_NOTE } from '../help-zh.js';

export function cascadeCommand(program: Command, ctx: CliContext): void {
  program
    .command('cascade')
    .addHelpText('after', `\n${VERIFICATION_NOTE}`)
    .description('代表资格终止对所任职务的连带后果（相应终止、相应撤销）及记录核对')
    .addOption(new Option('--session <n>', '常委会会议次数').argParser(parseSession).makeOptionMandatory())
    .action(async (opts: { session: number }) => {
      const r = await ctx.app().cascade(opts.session);
      ctx.print({ session: r.session, cascades: r.cascades }, formatCascade(r));
    });
}
