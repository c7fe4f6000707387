/** Plain text: the parts in order, body paragraphs indented two full-width spaces, as typed. */
import { type Documents, documentList, type OfficialDocument } from '../official-document.js';

const INDENT = '　　';

function one(doc: OfficialDocument): string {
  const head = [
    ...(doc.preface ? [doc.preface] : []),
    doc.title,
    ...[doc.adoptionNote, doc.numberLine, doc.byline].filter((s): s is string => Boolean(s)),
  ];
  const body = [...(doc.addressee ? [doc.addressee] : []), ...doc.paragraphs.map((p) => `${INDENT}${p}`)];
  const tail = [...(doc.signature ? [doc.signature] : []), ...(doc.date ? [doc.date] : [])];
  return `${[head.join('\n'), body.join('\n'), ...(tail.length > 0 ? [tail.join('\n')] : [])].join('\n\n')}\n`;
}

/** One document, or several separated by a blank line. */
export function renderText(docs: Documents): string {
  return documentList(docs).map(one).join('\n\n');
}
