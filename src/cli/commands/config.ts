/** `roster config`: the clerk's own settings (the recorder's name), kept per user outside the record. */
import type { Command } from 'commander';
import { DomainError } from '../../domain/errors.js';
import { isSettingName, readSettings, SETTING_NAMES, writeSetting } from '../config.js';
import type { CliContext } from '../context.js';

const known = () =>
  Object.entries(SETTING_NAMES)
    .map(([k, v]) => `${k}（${v}）`)
    .join('、');

function settingName(key: string): keyof typeof SETTING_NAMES {
  if (!isSettingName(key)) throw new DomainError('invalid-input', `没有名为“${key}”的设置，可用：${known()}`);
  return key;
}

export function configCommand(program: Command, ctx: CliContext): void {
  const config = program
    .command('config')
    .description('本人的设置（保存在用户目录，不进入记录）：记录人姓名')
    .addHelpText(
      'after',
      `\n设置项：${known()}\n设置文件：环境变量 ROSTER_CONFIG，否则 $XDG_CONFIG_HOME/deputy-roster/config.json，否则 ~/.config/deputy-roster/config.json`,
    );

  config
    .command('set')
    .description('设置一项，如：roster config set recorder 张三（记录事件时载明的记录人姓名）')
    .argument('<key>', `设置项：${Object.keys(SETTING_NAMES).join('、')}`)
    .argument('<value>', '值')
    .action(async (key: string, value: string) => {
      const name = settingName(key);
      const file = ctx.configFile();
      const settings = await writeSetting(file, name, value);
      ctx.print({ file, settings }, `已设置${SETTING_NAMES[name]}：${settings[name]}\n设置文件：${file}`);
    });

  config
    .command('get')
    .description('显示设置（不写设置项时显示全部）')
    .argument('[key]', `设置项：${Object.keys(SETTING_NAMES).join('、')}`)
    .action((key: string | undefined) => {
      const file = ctx.configFile();
      const settings = readSettings(file);
      const names = key === undefined ? (Object.keys(SETTING_NAMES) as (keyof typeof SETTING_NAMES)[]) : [settingName(key)];
      const lines = names.map((n) => `${SETTING_NAMES[n]}：${settings[n] ?? '未设置'}`);
      ctx.print({ file, settings }, [...lines, `设置文件：${file}`].join('\n'));
    });

  config
    .command('unset')
    .description('清除一项设置')
    .argument('<key>', `设置项：${Object.keys(SETTING_NAMES).join('、')}`)
    .action(async (key: string) => {
      const name = settingName(key);
      const file = ctx.configFile();
      const settings = await writeSetting(file, name, undefined);
      ctx.print({ file, settings }, `已清除${SETTING_NAMES[name]}\n设置文件：${file}`);
    });
}
