/**
 * The one place an error becomes what the clerk reads and the exit code a script sees. Every error,
 * expected or not, ends here (src/cli/run.ts for the commands, src/cli/main.ts for whatever escapes
 * them): a Chinese message, never a stack trace (unless ROSTER_DEBUG=1 asks for one).
 *
 * Exit codes: 0 success; 1 refused (bad data, a failed check, a contradiction, a broken chain) or a
 * file that could not be read or written; 2 bad command line; 3 the record changed while recording;
 * 70 an internal error (sysexits' EX_SOFTWARE), told with a short reference to quote.
 */
import { createHash } from 'node:crypto';
import { CommanderError } from 'commander';
import { displayText, terminalSafeJson } from '../domain/display-text.js';
import { type DomainError, isDomainError, type ListedProblem } from '../domain/errors.js';
import { describeSystemError, isSystemError } from '../format/system-errors.js';
import type { CliIO } from './io.js';

export const EXIT = { ok: 0, refused: 1, usage: 2, conflict: 3, internal: 70 } as const;

interface Told {
  readonly kind: string;
  readonly message: string;
  readonly exitCode: number;
  readonly where?: string | undefined;
  readonly reference?: string;
  /** Every problem, where the error refuses a batch for several (the message lists them too). */
  readonly problems?: readonly ListedProblem[] | undefined;
}

/** The error itself or one it wraps (`cause`): a library may wrap ours (inversify wraps what a factory throws). */
function* chain(e: unknown): Generator<unknown> {
  let current = e;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    yield current;
    current = current instanceof Error ? (current as { cause?: unknown }).cause : undefined;
  }
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

function isTooLarge(e: unknown): boolean {
  return (
    (e instanceof RangeError && /string length|array length|allocation failed/i.test(e.message)) ||
    (e instanceof Error && (e as { code?: unknown }).code === 'ERR_STRING_TOO_LONG')
  );
}

/** A short, stable reference for an unexpected error: the same fault gives the same reference. */
export function errorReference(e: unknown): string {
  const err = e instanceof Error ? e : new Error(String(e));
  const frame = err.stack?.split('\n').find((l) => /^\s+at /.test(l)) ?? '';
  return createHash('sha256').update(`${err.name}:${err.message}:${frame.trim()}`).digest('hex').slice(0, 8).toUpperCase();
}

/** What the clerk is told about an error, and the exit code. */
export function classify(e: unknown): Told {
  for (const x of chain(e)) {
    if (isDomainError(x)) {
      const d = x as DomainError;
      return {
        kind: d.kind,
        message: d.message,
        where: d.where,
        exitCode: d.kind === 'store-conflict' ? EXIT.conflict : EXIT.refused,
        ...(d.problems ? { problems: d.problems } : {}),
      };
    }
  }
  for (const x of chain(e)) {
    if (isSystemError(x)) return { kind: 'system-error', message: describeSystemError(x), where: x.path, exitCode: EXIT.refused };
    if (isStackOverflow(x)) {
      return { kind: 'too-complex', message: '数据嵌套过深或过于复杂，无法处理；请检查输入文件或规则文件', exitCode: EXIT.refused };
    }
    if (isTooLarge(x)) return { kind: 'too-large', message: '文件或数据过大，无法读入', exitCode: EXIT.refused };
  }
  const reference = errorReference(e);
  return {
    kind: 'internal-error',
    reference,
    exitCode: EXIT.internal,
    message:
      `程序内部出错（参考编号 ${reference}）。请把这条消息告知维护人员；设置环境变量 ROSTER_DEBUG=1 后重新运行可显示技术细节。` +
      '如刚才在记录事件，请用 roster verify 和 roster log 查看记录是否已写入。',
  };
}

/** Tell the clerk (on stderr, in Chinese or as JSON) and give the exit code. */
export function reportError(e: unknown, io: CliIO, options: { readonly json?: boolean } = {}): number {
  if (e instanceof CommanderError && !e.code.startsWith('roster.')) {
    // Commander has printed its own message (translated by messages-zh.ts); help and --version end with 0.
    return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (e instanceof CommanderError) {
    io.stderr.write(`错误：${displayText(e.message)}\n`);
    return EXIT.usage;
  }
  const told = classify(e);
  if (options.json) {
    const error = {
      kind: told.kind,
      where: told.where,
      message: told.message,
      ...(told.reference ? { reference: told.reference } : {}),
      ...(told.problems ? { problems: told.problems } : {}),
    };
    io.stderr.write(`${terminalSafeJson(JSON.stringify({ error }))}\n`);
  } else {
    io.stderr.write(`错误：${displayText(told.message)}\n`);
  }
  if (io.env.ROSTER_DEBUG && e instanceof Error && e.stack) io.stderr.write(`${displayText(e.stack)}\n`);
  return told.exitCode;
}
