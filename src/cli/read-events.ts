/** Reads the events a clerk submits to `roster record`: one object or an array, validated field by field. */
import { readFileSync } from 'node:fs';
import { parseEvents } from '../app/parse-events.js';
import { DomainError } from '../domain/errors.js';
import type { EventInput } from '../domain/events.js';

export function readEventFile(file: string): EventInput[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DomainError('invalid-input', `无法读取文件：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DomainError('invalid-input', `不是有效的 JSON：${(e as Error).message}`, file);
  }
  if (Array.isArray(value) && value.length === 0) throw new DomainError('invalid-input', '文件中没有事件', file);
  return parseEvents(value, file);
}
