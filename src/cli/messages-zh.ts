/** Commander's own usage errors, in the clerk's language. */
const TRANSLATIONS: [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown command '(.+)'/, (c) => `错误：未知命令“${c}”`],
  [/^error: unknown option '(.+)'/, (o) => `错误：未知选项“${o}”`],
  [/^error: missing required argument '(.+)'/, (a) => `错误：缺少参数 <${a}>`],
  [/^error: option '(.+)' argument missing/, (o) => `错误：选项 ${o} 缺少取值`],
  [/^error: too many arguments(?: for '(.+)')?/, () => '错误：参数过多'],
  [/^error: option '(.+)' cannot be used with option '(.+)'/, (a, b) => `错误：选项 ${a} 与 ${b} 不能同时使用`],
  [/^error: required option '(.+)' not specified/, (o) => `错误：缺少必填选项 ${o}`],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\./,
    (o, v, c) => `错误：选项 ${o} 的取值“${v}”无效，可选：${c.split(', ').join('、')}`,
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.+)'\. Allowed choices are (.+)\./,
    (v, a, c) => `错误：参数 <${a}> 的取值“${v}”无效，可选：${c.split(', ').join('、')}`,
  ],
];

export function translateCommanderError(text: string): string {
  for (const [pattern, render] of TRANSLATIONS) {
    const m = pattern.exec(text);
    if (m) return `${render(...m.slice(1).map((s) => s ?? ''))}（用 --help 查看用法）\n`;
  }
  return text;
}
