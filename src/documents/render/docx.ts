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
import { PAGE, signatureLines, signatureRightIndent, titleLines } from './layout.js';

export { titleLines };

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (n: number) => Math.round(n * TWIPS_PER_MM);
const pt = (n: number) => Math.round(n * 20);

export const LAYOUT = {
  page: { width: mm(PAGE.widthMm), height: mm(PAGE.heightMm) },
  margin: { top: mm(PAGE.margin.topMm), right: mm(PAGE.margin.rightMm), bottom: mm(PAGE.margin.bottomMm), left: mm(PAGE.margin.leftMm) },
  /** Footer distance from the page's bottom edge: the number's dash line sits 7 mm under the text block. */
  footer: mm(22),
  linesPerPage: PAGE.linesPerPage,
  charsPerLine: PAGE.charsPerLine,
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
 * (w:spacing −5 twips) so that 28 fit a line, in Word and in LibreOffice alike. A character grid
 * (w:docGrid linesAndChars with w:charSpace) was tried and measured in LibreOffice 7 (Debian 12):
 * it gives every character wider than a cell two cells, so the 22 pt title drops to 14 a line, and
 * with its cell taken from the Normal style's size, body lines ran from 14 to 28 characters; without
 * a Normal size, 18. The grid stays for lines only. Between CJK and figures no extra space is added
 * (w:autoSpaceDN off), as GB/T 9704 sets figures in the run of the text.
 */
const CHAR = textWidth / LAYOUT.charsPerLine;
const CONDENSE = Math.floor(CHAR - pt(16));

const exactLine = { line: LINE, lineRule: LineRuleType.EXACT };

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
    new Paragraph({ spacing: exactLine, autoSpaceEastAsianText: false, children: [run(text, fonts.body, sizes.body)], ...opts });
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
    // Each line of the issuer centred over the date, the date four characters from the right.
    for (const line of signatureLines(doc)) {
      children.push(
        body(line, {
          alignment: AlignmentType.RIGHT,
          indent: { right: Math.round(signatureRightIndent(line, doc.date) * CHAR) },
          keepNext: true,
        }),
      );
    }
    if (doc.date)
      children.push(body(doc.date, { alignment: AlignmentType.RIGHT, indent: { right: Math.round(PAGE.dateRightChars * CHAR) } }));
  }
  return children;
}

export function buildDocx(docs: Documents): Document {
  const { fonts, sizes } = LAYOUT;
  const list = documentList(docs);
  const children = list.flatMap((doc, i) => documentParagraphs(doc, i > 0));
  // The file's author is the issuing organ; left unset, the docx package writes "Un-named".
  const issuer = list.map((d) => d.issuer ?? d.signature).find(Boolean) ?? '';
  return new Document({
    title: list.map((d) => d.title).join('；'),
    creator: issuer,
    lastModifiedBy: issuer,
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
