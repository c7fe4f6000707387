/**
 * The JSON Schema of the interchange format (the document layout that `roster export` writes and
 * `roster import` and `--db` read), generated from the same zod schemas that validate events.
 */
import * as z from 'zod';
import { recordedEventOptions } from '../domain/events.js';
import { FORMAT, SCHEMA_VERSION } from './data-file.js';

const Hash = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('SHA-256（十六进制）：前一事件的 hash 与本事件规范化 JSON（RFC 8785，不含 hash）的摘要；第 1 版文件没有此字段');

/** The data file's document: made when asked for (every command loads this module, few print the schema). */
export function dataFileDocument() {
  return z.strictObject({
    format: z.literal(FORMAT),
    schemaVersion: z.number().int().min(1).max(SCHEMA_VERSION),
    events: z.array(
      z.discriminatedUnion(
        'type',
        recordedEventOptions().map((o) => o.extend({ hash: Hash.optional() })) as unknown as [z.ZodObject, ...z.ZodObject[]],
      ),
    ),
  });
}

export function dataFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(
    dataFileDocument().meta({
      title: 'deputy-roster data file',
      description: '一届人民代表大会的代表资格事件记录（deputy-roster 数据交换格式），见 docs/data-format.md',
    }),
    { io: 'input', unrepresentable: 'any' },
  );
}
