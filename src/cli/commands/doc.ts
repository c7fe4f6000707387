import path from 'node:path';
import { type Command, CommanderError, Option } from 'commander';
import type { DocumentOptions } from '../../documents/document-kind.js';
import { DOCUMENT_KINDS, documentKind } from '../../documents/kinds.js';
import { FORMATS, type Format } from '../../documents/render/formats.js';
import type { CliContext } from '../context.js';
import { parseDay, parseSession } from '../context.js';

const kindList = () => DOCUMENT_KINDS.map((k) => `${k.id}（${k.description}）`).join('、');

function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new CommanderError(2, 'roster.invalidFormat', `格式“${value}”无效，可用：${FORMATS.join('、')}`);
  }
  return value as Format;
}

function parseNoticeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CommanderError(2, 'roster.invalidNumber', `公告编号“${value}”无效，应为正整数`);
  return n;
}

function parseNumberStyle(value: string): 'term' | 'plain' {
  if (value !== 'term' && value !== 'plain') {
    throw new CommanderError(2, 'roster.invalidNumberStyle', `编号样式“${value}”无效，可用：term（〔十六届〕第N号）、plain（第N号）`);
  }
  return value;
}

interface DocOptions {
  session?: number;
  asOf?: string;
  format: Format;
  output?: string;
  date?: string;
  number?: number;
  numberStyle?: 'term' | 'plain';
}

export function docCommand(program: Command, ctx: CliContext): void {
  program
    .command('doc')
    .description(`生成公文：${kindList()}`)
    .argument('<kind>', `文书种类：${DOCUMENT_KINDS.map((k) => k.id).join('、')}`)
    .addOption(new Option('--session <n>', '常委会会议次数').argParser(parseSession))
    .addOption(
      new Option('--as-of <YYYY-MM-DD>', '按公告或报告的日期生成（未载明会议次数的公告，如全国人大常委会公告）').argParser(parseDay),
    )
    .addOption(new Option('--format <format>', `输出格式：${FORMATS.join('、')}`).argParser(parseFormat).default('txt'))
    .addOption(new Option('-o, --output <file>', '写入文件（docx 必须指定）'))
    .addOption(new Option('--date <date>', '成文日期 YYYY-MM-DD（默认取记录）').argParser(parseDay))
    .addOption(new Option('--number <n>', '公告编号（正整数）').argParser(parseNoticeNumber))
    .addOption(new Option('--number-style <style>', '公告编号样式：term（〔十六届〕第N号）、plain（第N号）').argParser(parseNumberStyle))
    .action(async (kindId: string, opts: DocOptions) => {
      const kind = documentKind(kindId);
      if (!kind) throw new CommanderError(2, 'roster.unknownKind', `未知的文书种类“${kindId}”，可用：${kindList()}`);
      if (opts.session === undefined && opts.asOf === undefined) {
        throw new CommanderError(2, 'roster.missingSession', '请用 --session 指定常委会会议次数（或用 --as-of 指定公告日期）');
      }
      if (opts.session === undefined && !kind.buildAt) {
        throw new CommanderError(2, 'roster.missingSession', `${kind.description}须用 --session 指定常委会会议次数`);
      }
      if (opts.format === 'docx' && !opts.output) {
        throw new CommanderError(2, 'roster.docxNeedsOutput', 'docx 是二进制文件，请用 -o 指定输出文件');
      }
      const options: DocumentOptions = {
        ...(opts.date ? { date: opts.date } : {}),
        ...(opts.number !== undefined ? { number: opts.number } : {}),
        ...(opts.numberStyle ? { numberStyle: opts.numberStyle } : {}),
      };
      const r = await ctx.app().document({
        kind: kind.id,
        ...(opts.session !== undefined ? { session: opts.session } : { asOf: opts.asOf! }),
        format: opts.format,
        options,
      });
      for (const w of r.warnings) ctx.err(`提示：${w}\n`);
      const { documents, output } = r;
      if (opts.output) {
        const file = path.resolve(opts.output);
        await ctx.writeOutput(file, output.kind === 'text' ? output.text : output.bytes);
        ctx.print(
          { kind: r.kind, session: r.session, asOf: r.asOf, format: r.format, file, documents },
          `已生成${kind.description}：${file}`,
        );
      } else if (output.kind === 'text') {
        if (ctx.options.json)
          ctx.print({ kind: r.kind, session: r.session, asOf: r.asOf, format: r.format, documents, text: output.text }, '');
        else ctx.out(output.text);
      }
    });
}
