/** One person across congresses (`roster persons`), as the clerk reads it. */
import type { LinkedPerson } from '../app/congresses-app.js';

export function formatLinkedPerson(person: string, linked: readonly LinkedPerson[]): string {
  const out = [`人员 ${person}：在${linked.length}个代表大会的记录中`];
  for (const l of linked) {
    out.push(
      `  ${l.congress}：${l.personId}${l.name ? `（${l.name}）` : ''}`,
      `    依据：${l.link.basis}；关联人：${l.link.linkedBy}，${l.link.linkedAt.slice(0, 10)}`,
    );
  }
  return out.join('\n');
}
