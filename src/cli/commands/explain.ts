import type { Command } from 'commander';
import { formatExplain } from '../../format/explain.js';
import type { CliContext } from '../context.js';
import { VERIFICATION_NOTE } from '../help-zh.js';

export function explainCommand(program: Command, ctx: CliContext): void {
  program
    .command('explain')
    .addHelpText(
      'after',
      `\n查找人员：可输入完整姓名、姓名的一部分（黄利）、拼音首字母（hlq）、选举单位的一部分（鄞州）或人员编号；\n与多名人员相符时列出候选人员。\n\n${VERIFICATION_NOTE}`,
    )
    .description('某人的全部记录与规则认定（所依规则、法律依据、事实）')
    .argument('<person>', '姓名、姓名的一部分、拼音首字母、选举单位的一部分或人员编号')
    .action(async (person: string) => {
      const x = await ctx.app().explain(person);
      ctx.print(x, formatExplain(x));
    });
}
