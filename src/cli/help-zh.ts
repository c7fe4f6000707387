/**
 * Commander's help frame in the clerk's language, through its own help API (`configureHelp`):
 * the titles (用法, 选项, 命令, 参数), the placeholders of a usage line ([选项], [命令]), and what it
 * adds after a description (可选值, 默认).
 */
import { type Argument, type Command, Help, type HelpConfiguration, type Option } from 'commander';

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
};

function withExtras(description: string, choices: readonly string[] | undefined, fallback: string | undefined): string {
  const extras = [...(choices ? [`可选值：${choices.join('、')}`] : []), ...(fallback !== undefined ? [`默认：${fallback}`] : [])];
  return extras.length > 0 ? `${description}（${extras.join('；')}）` : description;
}

/** The default as a clerk types it: txt, not "txt". */
const shown = (value: unknown, description: string | undefined) =>
  value === undefined ? undefined : (description ?? (typeof value === 'string' ? value : JSON.stringify(value)));

/** Commander's placeholders in a usage line: roster doc [选项] <kind>. */
const placeholders = (usage: string) => usage.replace('[options]', '[选项]').replace('[command]', '[命令]');

export const HELP_ZH: HelpConfiguration = {
  styleTitle: (title) => TITLES[title] ?? title,
  // Columns line up on a terminal, where a Chinese character takes two cells.
  displayWidth(this: Help, text: string) {
    const plain = Help.prototype.displayWidth.call(this, text);
    return plain + [...text].filter((c) => c.charCodeAt(0) >= 0x2e80).length;
  },
  commandUsage(this: Help, cmd: Command) {
    return placeholders(Help.prototype.commandUsage.call(this, cmd));
  },
  subcommandTerm(this: Help, cmd: Command) {
    return placeholders(Help.prototype.subcommandTerm.call(this, cmd));
  },
  optionDescription: (option: Option) => {
    // A default is worth showing for an option that takes a value; a flag's false is not.
    const fallback = option.required || option.optional ? shown(option.defaultValue, option.defaultValueDescription) : undefined;
    return withExtras(option.description, option.argChoices, fallback);
  },
  argumentDescription: (argument: Argument) =>
    withExtras(argument.description, argument.argChoices, shown(argument.defaultValue, argument.defaultValueDescription)),
};

/** What the mark after a citation means (the legal brief's scale), said once where marks are shown. */
export const VERIFICATION_NOTE =
  '注：〔核实程度〕说明法律依据的出处核实到什么程度：V 已与该版本法律全文核对；S 仅经二手资料核对；I 系推断（如按条文序号调整推算），使用前应核对；? 未能核实。';

/** The text with the note appended once, when it shows any mark (〔核实程度 V〕 or 〔V〕). */
export function withVerificationNote(text: string): string {
  return /〔(?:核实程度 )?[VSI?]〕/.test(text) ? `${text}\n\n${VERIFICATION_NOTE}` : text;
}
