/** Plain text: the parts in order, body paragraphs indented two full-width spaces, as typed. */
import type { OfficialDocument } from '../official-document.js';

const INDENT = '　　';

export function renderText(doc: OfficialDocument): string {
  const head = [doc.title, ...(doc.numberLine ? [doc.numberLine] : []), ...(doc.byline ? [doc.byline] : [])];
  const body = [...(doc.addressee ? [doc.addressee] : []), ...doc.paragraphs.map((p) => `${INDENT}${p}`)];
  const tail = [...(doc.signature ? [doc.signature] : []), ...(doc.date ? [doc.date] : [])];
  return [head.join('\n'), body.join('\n'), ...(tail.length > 0 ? [tail.join('\n')] : [])].join('\n\n') + '\n';
}
