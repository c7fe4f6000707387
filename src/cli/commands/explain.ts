import type { Command } from 'commander';
import { formatExplain } from '../../format/explain.js';
import type { CliContext } from '../context.js';
import { VERIFICATION_NOTE } from '../help-zh.js';

export function explainCommand(program: Command, ctx: CliContext): void {
  program
    .command('explain')
    .addHelpText('after', `\n${VERIFICATION_NOTE}`)
    .description('某人的全部记录与规则认定（规则编号、法律依据、事实）')
    .argument('<person>', '姓名或编号')
    .action(async (person: string) => {
      const x = await ctx.app().explain(person);
      ctx.print(x, formatExplain(x));
    });
}
