/** The JSON Schema of the data file, generated from the same zod schemas that validate it. */
import { z } from 'zod';
import { DataFile } from './data-file.js';

export function dataFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(
    DataFile.meta({
      title: 'deputy-roster data file',
      description: '一届人民代表大会的代表资格事件记录（deputy-roster 数据交换格式），见 docs/data-format.md',
    }),
    { io: 'input', unrepresentable: 'any' },
  );
}
