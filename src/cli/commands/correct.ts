/**
 * `roster correct SEQ --reason … [--with FILE]` and `roster withdraw SEQ --reason …`: a correction
 * (更正) as a command. The recorded event is never edited; an `EventCorrected` supersedes it, with the
 * event that should stand in its place (`--with`) or none (withdrawn), decided like any recording.
 */
import { type Command, CommanderError } from 'commander';
import { todayOf } from '../../app/clock.js';
import type { CorrectionRequest } from '../../domain/corrections.js';
import type { SourceDocument } from '../../domain/events.js';
import { LIMITS } from '../../domain/input-limits.js';
import { formatPreview } from '../../format/preview.js';
import type { CliContext } from '../context.js';
import { parseDay, readInput } from '../context.js';

interface CorrectFlags {
  reason: string;
  with?: string;
  source?: string;
  sourceDate?: string;
  dryRun?: boolean;
}

function parseSeq(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > Number.MAX_SAFE_INTEGER) {
    throw new CommanderError(2, 'roster.invalidSeq', `事件序号“${value}”无效，应为正整数（见 roster log）`);
  }
  return n;
}

/** The document the correction rests on: the one named, else the clerk's own correction of the record, dated today. */
function sourceOf(opts: CorrectFlags, today: string): SourceDocument {
  return opts.source
    ? { title: opts.source, ...(opts.sourceDate ? { date: opts.sourceDate } : {}) }
    : { title: '记录更正', date: opts.sourceDate ?? today };
}

async function correctAction(ctx: CliContext, seq: number, opts: CorrectFlags, withdraw: boolean): Promise<void> {
  const app = ctx.app();
  const replacement = opts.with === undefined ? undefined : await app.replacementFromFile(readInput(opts.with, LIMITS.fileBytes));
  const request: CorrectionRequest = {
    seq,
    reason: opts.reason,
    source: sourceOf(opts, todayOf(app.clock)),
    recordedBy: opts.dryRun ? '（预览）' : ctx.recorder(),
    ...(replacement ? { replacement } : {}),
  };
  if (opts.dryRun) {
    const preview = await app.preview({ events: [await app.correctionOf(request)] });
    ctx.print(preview, formatPreview(preview));
    if (preview.refusal) ctx.exitCode = 1;
    return;
  }
  const [added] = await app.correct(request);
  const what = withdraw || !replacement ? '撤销' : '更正';
  ctx.print(added, `已记录更正（序号 ${added!.seq}）：第${seq}条事件已${what}，原记录保留；记录人：${request.recordedBy}`);
}

export function correctCommands(program: Command, ctx: CliContext): void {
  const common = (c: Command) =>
    c
      .requiredOption('--reason <text>', '更正理由（必填）')
      .option('--source <title>', '更正所依据的文件（默认：记录更正，日期为今天）')
      .option('--source-date <YYYY-MM-DD>', '该文件的日期', parseDay)
      .option('--dry-run', '只预览更正后的变化，不写入');
  common(
    program
      .command('correct')
      .description('更正一条已记录的事件：记录一条更正，以 --with 文件中的事件取代它；原记录保留')
      .argument('<seq>', '被更正事件的序号（见 roster log）', parseSeq)
      .option('--with <file>', '应当取代它的事件（一个 JSON 对象，可用中文事件名和姓名）；不给则撤销该事件'),
  ).action(async (seq: number, opts: CorrectFlags) => correctAction(ctx, seq, opts, false));
  common(
    program
      .command('withdraw')
      .description('撤销一条记错的事件：记录一条不带替代事件的更正；原记录保留')
      .argument('<seq>', '被撤销事件的序号（见 roster log）', parseSeq),
  ).action(async (seq: number, opts: CorrectFlags) => correctAction(ctx, seq, { ...opts, with: undefined }, true));
}
