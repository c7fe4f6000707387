/**
 * Word output laid out as GB/T 9704-2012 《党政机关公文格式》 lays out an official document:
 * A4; top margin 37 mm and binding margin 28 mm, text block 156 × 225 mm (so right 26 mm, bottom
 * 35 mm); 22 lines of 28 characters; title in 2号 (22 pt) 小标宋; body in 3号 (16 pt) 仿宋, first
 * lines indented two characters; date four characters from the right, the issuer centred over it;
 * page numbers in 4号 (14 pt) 宋体 as "— 1 —", 7 mm below the text block, odd pages right and even
 * pages left, one character in. Several documents (the session's decisions, its lists) follow one
 * another, each from a new page.
 */
import { AlignmentType, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { type Documents, documentList, type OfficialDocument } from '../official-document.js';

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (n: number) => Math.round(n * TWIPS_PER_MM);
const pt = (n: number) => Math.round(n * 20);

export const LAYOUT = {
  page: { width: mm(210), height: mm(297) },
  margin: { top: mm(37), right: mm(26), bottom: mm(35), left: mm(28) },
  /** Footer distance from the page's bottom edge: the number's dash line sits 7 mm under the text block. */
  footer: mm(22),
  linesPerPage: 22,
  charsPerLine: 28,
  fonts: { title: '方正小标宋简体', body: '仿宋', byline: '楷体', pageNumber: '宋体' },
  /** Sizes in half-points, as Word stores them: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt. */
  sizes: { title: 44, body: 32, pageNumber: 28 },
} as const;

const textHeight = LAYOUT.page.height - LAYOUT.margin.top - LAYOUT.margin.bottom;
const textWidth = LAYOUT.page.width - LAYOUT.margin.left - LAYOUT.margin.right;
/** One line of the grid: 225 mm / 22 lines ≈ 28.95 pt. */
const LINE = Math.floor(textHeight / LAYOUT.linesPerPage);
/**
 * One character of the body: 156 mm / 28 ≈ 15.8 pt. 16 pt characters are drawn 0.25 pt closer
 * (w:spacing −5 twips) so that 28 fit a line; a character grid (linesAndChars) would do the same in
 * Word but LibreOffice gives each character two cells of it, so the grid is for lines only.
 */
const CHAR = textWidth / LAYOUT.charsPerLine;
const CONDENSE = Math.floor(CHAR - pt(16));

/** Width in characters of the body font: CJK full width, ASCII half. */
const width = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

const exactLine = { line: LINE, lineRule: LineRuleType.EXACT };

/**
 * The title's lines: its parts packed greedily into lines of what fits at 2号 (20 characters), so a
 * line breaks between words and organs, never leaving a lone 告 as wrapping by character does.
 */
export function titleLines(doc: OfficialDocument): string[] {
  const fits = Math.floor(textWidth / pt(22));
  const lines: string[] = [];
  for (const part of doc.titleParts ?? [doc.title]) {
    const last = lines[lines.length - 1];
    if (last !== undefined && width(last) + width(part) <= fits) lines[lines.length - 1] = last + part;
    else lines.push(part);
  }
  return lines;
}

function run(text: string, font: string, size: number): TextRun {
  const fit = size === LAYOUT.sizes.body ? { characterSpacing: CONDENSE } : {};
  return new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font, cs: font }, size, ...fit });
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const font = LAYOUT.fonts.pageNumber;
  const oneChar = pt(14);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: font, eastAsia: font, hAnsi: font, cs: font },
            size: LAYOUT.sizes.pageNumber,
          }),
        ],
      }),
    ],
  });
}

function documentParagraphs(doc: OfficialDocument, newPage: boolean): Paragraph[] {
  const { fonts, sizes } = LAYOUT;
  const body = (text: string, opts: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
    new Paragraph({ spacing: exactLine, children: [run(text, fonts.body, sizes.body)], ...opts });
  const title = titleLines(doc).flatMap((line, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), run(line, fonts.title, sizes.title)]);
  const children: Paragraph[] = [
    ...(doc.preface ? [body(doc.preface, { pageBreakBefore: newPage })] : []),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactLine, pageBreakBefore: newPage && !doc.preface, children: title }),
  ];
  if (doc.adoptionNote)
    children.push(
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactLine, children: [run(doc.adoptionNote, fonts.byline, sizes.body)] }),
    );
  if (doc.numberLine) children.push(body(doc.numberLine, { alignment: AlignmentType.CENTER }));
  if (doc.byline)
    children.push(
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactLine, children: [run(doc.byline, fonts.byline, sizes.body)] }),
    );
  children.push(body(''));
  if (doc.addressee) children.push(body(doc.addressee));
  const closing = Boolean(doc.signature || doc.date);
  doc.paragraphs.forEach((p, i) => {
    // The last paragraph travels with the signature: no page holding only the issuer and the date.
    const keepNext = closing && i === doc.paragraphs.length - 1;
    children.push(body(p, { alignment: AlignmentType.BOTH, indent: { firstLine: Math.round(2 * CHAR) }, keepNext }));
  });
  if (closing) {
    children.push(body('', { keepNext: true }));
    const dateRight = Math.round(4 * CHAR);
    if (doc.signature) {
      // Centred over the date where the date line is the longer; else flush right.
      const offset = doc.date ? (width(doc.date) - width(doc.signature)) / 2 : 0;
      children.push(
        body(doc.signature, {
          alignment: AlignmentType.RIGHT,
          indent: { right: Math.max(0, Math.round(dateRight + offset * CHAR)) },
          keepNext: true,
        }),
      );
    }
    if (doc.date) children.push(body(doc.date, { alignment: AlignmentType.RIGHT, indent: { right: dateRight } }));
  }
  return children;
}

export function buildDocx(docs: Documents): Document {
  const { fonts, sizes } = LAYOUT;
  const list = documentList(docs);
  const children = list.flatMap((doc, i) => documentParagraphs(doc, i > 0));
  return new Document({
    title: list.map((d) => d.title).join('；'),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: fonts.body, size: sizes.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: LAYOUT.page,
            margin: { ...LAYOUT.margin, header: mm(15), footer: LAYOUT.footer },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

export async function renderDocx(docs: Documents): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(docs));
}
