/**
 * JSON text checked as a strict parser would: a syntax error named by line and column in Chinese, a
 * key given twice in one object (JSON.parse silently keeps the last; which one the author meant is a
 * guess), and nesting deeper than any of our files needs, found before anything recursive sees it.
 * For clerks' files (src/app/input-files.ts) and rule files (src/engine/rule-book.ts) alike.
 */
// The package's CommonJS (UMD) build, which plain Node loads; the bundle swaps in its ES-module build
// (scripts/bundle.mjs), since the UMD build requires its parts at run time where a bundle cannot follow.
import * as jsonc from 'jsonc-parser';
import { LIMITS } from './input-limits.js';

// Node's CommonJS interop gives the UMD build's exports as `default`; the bundle's ES-module build names them.
const visit = jsonc.visit ?? (Reflect.get(jsonc, 'default') as typeof jsonc).visit;

const SYNTAX: Readonly<Record<number, string>> = {
  1: '无法识别的符号',
  2: '数字格式有误',
  3: '应为用双引号括起的字段名',
  4: '缺少值',
  5: '缺少冒号',
  6: '缺少逗号',
  7: '缺少右花括号 }',
  8: '缺少右方括号 ]',
  9: '应在此结束（多出了内容）',
  10: 'JSON 不允许注释',
  11: '注释没有结束',
  12: '字符串没有结束',
  13: '数字没有结束',
  14: '无效的 Unicode 转义',
  15: '无效的转义字符',
  16: '字符串中有不允许的字符（如未转义的换行或控制字符）',
};

class Stop extends Error {}

/**
 * Check JSON text as a parser that rejects what JSON.parse would silently accept: a key twice in one
 * object, nesting beyond the limit; and name the line and column of a syntax error. The first
 * problem is returned, in Chinese.
 */
export function jsonProblem(
  text: string,
  options: { readonly maxDepth?: number; readonly firstLine?: number; readonly what?: string } = {},
): string | undefined {
  const maxDepth = options.maxDepth ?? LIMITS.jsonDepth;
  if (text.trim() === '') return '文件是空的';
  let problem: string | undefined;
  const keys: Set<string>[] = [];
  let depth = 0;
  const at = (line: number, column: number) => `第${line + 1 + (options.firstLine ?? 0)}行第${column + 1}列`;
  const enter = (line: number, column: number) => {
    if (++depth > maxDepth) {
      problem = `${at(line, column)}：嵌套超过${maxDepth}层，${options.what ?? '本程序读取的文件'}不会嵌套这么深`;
      throw new Stop();
    }
  };
  try {
    visit(
      text,
      {
        onObjectBegin: (_o, _l, line, column) => {
          enter(line, column);
          keys.push(new Set());
        },
        onObjectEnd: () => {
          depth--;
          keys.pop();
        },
        onArrayBegin: (_o, _l, line, column) => enter(line, column),
        onArrayEnd: () => {
          depth--;
        },
        onObjectProperty: (property, _o, _l, line, column) => {
          const seen = keys[keys.length - 1];
          if (seen?.has(property)) {
            problem = `${at(line, column)}：同一对象中字段“${property}”出现了两次，无法确定以哪个为准`;
            throw new Stop();
          }
          seen?.add(property);
        },
        onError: (code, _o, _l, line, column) => {
          problem = `不是有效的 JSON：${at(line, column)}，${SYNTAX[code] ?? '格式有误'}`;
          throw new Stop();
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return problem;
}

/** A log-layout data file (JSON Lines): each line checked as `jsonProblem` checks a file. */
export function jsonLinesProblem(text: string): string | undefined {
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line === '' && i === lines.length - 1) break;
    const problem = jsonProblem(line, { firstLine: i });
    if (problem) return problem === '文件是空的' ? `第${i + 1}行是空行` : problem;
  }
  return undefined;
}
