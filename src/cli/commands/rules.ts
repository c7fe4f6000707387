import { type Command, Option } from 'commander';
import { formatRules } from '../../format/rules.js';
import type { CliContext } from '../context.js';
import { parseDay } from '../context.js';

export function rulesCommand(program: Command, ctx: CliContext): void {
  program
    .command('rules')
    .description('列出适用的规则及其法律依据；--region 显示某省规则覆盖了哪些全国规则')
    .option('--region <province>', '省份（如：浙江）')
    .addOption(new Option('--date <YYYY-MM-DD>', '只列出该日施行的依据').argParser(parseDay))
    .action((opts: { region?: string; date?: string }) => {
      const listing = ctx.rulesApp().rules(opts);
      ctx.print(listing, formatRules(listing));
    });
}
