/** Reads the events a clerk submits to `roster record`: one object or an array, validated field by field. */
import { readFileSync } from 'node:fs';
import { DomainError, jsonPath } from '../domain/errors.js';
import { type EventInput, EventInputSchema } from '../domain/events.js';
import { deepestIssue } from '../domain/validation.js';

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
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw new DomainError('invalid-input', '文件中没有事件', file);
  return list.map((item, i) => {
    const result = EventInputSchema.safeParse(item);
    if (result.success) return result.data;
    const issue = deepestIssue(result.error.issues);
    const path = Array.isArray(value) ? [i, ...issue.path] : issue.path;
    throw new DomainError('invalid-input', `${jsonPath(path)}：${issue.message}`, file);
  });
}
