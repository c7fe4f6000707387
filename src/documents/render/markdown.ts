/** Markdown: the title as a heading, the rest as paragraphs; names are escaped so no mark-up slips in. */
import { type Documents, documentList, type OfficialDocument } from '../official-document.js';

/** Backslash every character Markdown could read as mark-up (CommonMark: any ASCII punctuation). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&"']/g, (c) => `\\${c}`);
}

function one(doc: OfficialDocument): string {
  const e = escapeMarkdown;
  const blocks = [
    ...(doc.preface ? [e(doc.preface)] : []),
    `# ${e(doc.title)}`,
    ...[doc.adoptionNote, doc.numberLine, doc.byline, doc.addressee].filter((s): s is string => Boolean(s)).map(e),
    ...doc.paragraphs.map(e),
    // Two trailing spaces: a line break between the signature and the date.
    ...(doc.signature || doc.date
      ? [
          [doc.signature, doc.date]
            .filter(Boolean)
            .map((s) => e(s!))
            .join('  \n'),
        ]
      : []),
  ];
  return `${blocks.join('\n\n')}\n`;
}

/** One document, or several, each under its own heading. */
export function renderMarkdown(docs: Documents): string {
  return documentList(docs).map(one).join('\n');
}
