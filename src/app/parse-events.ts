/** Events as a clerk or another system submits them (`roster record`, the JSON API): one object or an array, validated field by field. */
import { DomainError, jsonPath } from '../domain/errors.js';
import { type EventInput, EventInputSchema } from '../domain/events.js';
import { deepestIssue } from '../domain/validation.js';

/** `where` names the input in messages (a file, `请求正文`); a field is named by its JSON path (`$[1].personId`). */
export function parseEvents(value: unknown, where: string): EventInput[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw new DomainError('invalid-input', '没有事件', where);
  return list.map((item, i) => {
    const result = EventInputSchema.safeParse(item);
    if (result.success) return result.data;
    const issue = deepestIssue(result.error.issues);
    const path = Array.isArray(value) ? [i, ...issue.path] : issue.path;
    throw new DomainError('invalid-input', `${jsonPath(path)}：${issue.message}`, where);
  });
}
