/**
 * Word output laid out as GB/T 9704-2012 《党政机关公文格式》 lays out an official document:
 * A4; top margin 37 mm and binding margin 28 mm, text block 156 × 225 mm (so right 26 mm, bottom
 * 35 mm); 22 lines of 28 characters, a grid of lines and characters; title in 2号 (22 pt) 小标宋;
 * body in 3号 (16 pt) 仿宋, first lines indented two characters; date four characters from the right, the issuer centred over it;
 * page numbers in 4号 (14 pt) 宋体 as "— 1 —", 7 mm below the text block, odd pages right and even
 * pages left, one character in. Several documents (the session's decisions, its lists) follow one
 * another, each from a new page.
 */
import {
  AlignmentType,
  convertToXmlComponent,
  Document,
  DocumentGridType,
  Footer,
  type ImportedXmlComponent,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
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
/** One line of the grid: 225 mm / 22 lines ≈ 28.95 pt (579 twips; 22 × 579 = 12,738 of the block's 12,756). */
const LINE = Math.floor(textHeight / LAYOUT.linesPerPage);
/** One character of the body: 156 mm / 28 ≈ 15.8 pt (8,845 twips / 28 = 315.9 twips). */
const CHAR = textWidth / LAYOUT.charsPerLine;
/**
 * The character grid (w:docGrid w:type="linesAndChars"): 28 characters a line, as Word's 页面设置 →
 * 文档网格 shows it and sets text a clerk types into a Normal paragraph. ECMA-376 §17.6.5: the
 * character pitch is the Normal style's font size plus w:charSpace / 4096 pt. Normal here is 仿宋 3号
 * (16 pt, as the body); the line is 8,845 twips = 442.25 pt, so a pitch of 28 a line is 15.7946 pt and
 * charSpace = (15.7946 − 16) × 4096 = −841.3, rounded down so that 28 fit (at −841 the 28th character
 * would end 0.001 pt past the line): −842, a pitch of 15.7944 pt.
 */
const CHAR_SPACE = Math.floor((textWidth / 20 / LAYOUT.charsPerLine - LAYOUT.sizes.body / 2) * 4096);
/**
 * What LibreOffice (7.4, Debian 12) makes of that grid, measured by printing: its cell is the Normal
 * size plus charSpace with the fraction cut to whole twips and each part rounded to 1/100 mm
 * (writerfilter's SectionPropertyMap: 5.64 − 0.35 + 0.26 = 5.55 mm, 15.73 pt, not 15.79), and a
 * paragraph that snaps to the grid gets two cells for every character wider than one: 14 a line, the
 * 22 pt title too. So the document's paragraphs do not snap (w:snapToGrid off in their style,
 * `OfficialText`); LibreOffice still sets them in lines of whole cells (22 a page, 28 cells a line),
 * and the body's characters are drawn 0.3 pt closer (w:spacing −6 twips) so that 28 of them, 15.7 pt
 * each, fit 28 of its cells (at −5 twips, 15.75 pt, a line held 27). By ECMA-376's arithmetic Word
 * sets the body's runs, which snap to the character grid, 15.7 − 0.21 = 15.49 pt apart: 28 a line
 * (29 would need 15.25); were it to keep them off the grid with their paragraph, 28 × 15.7 = 439.6 pt
 * fit as well. The title (22 pt) and the page number keep their runs off the character grid too
 * (w:snapToGrid in w:rPr), so that no program gives them two cells a character. Between CJK and
 * figures no extra space is added (w:autoSpaceDN off), as GB/T 9704 sets figures in the run of the text.
 */
const CONDENSE = -6;

const exactLine = { line: LINE, lineRule: LineRuleType.EXACT };

/** The style of every paragraph of the document: Normal (仿宋 3号), not snapping to the grid (above). */
const TEXT_STYLE = 'OfficialText';

type XmlElement = Parameters<typeof convertToXmlComponent>[0];
const el = (name: string, attributes: Record<string, string> = {}, elements: XmlElement[] = []): XmlElement => ({
  type: 'element',
  name,
  attributes,
  elements,
});
const styleOf = (element: XmlElement) => convertToXmlComponent(element) as ImportedXmlComponent;

/**
 * Normal as the grid reads it (仿宋 16 pt; the docx package writes no Normal of its own), and the
 * document's paragraph style on it, which keeps its paragraphs off the grid (above).
 */
function gridStyles(): ImportedXmlComponent[] {
  const font = LAYOUT.fonts.body;
  const size = String(LAYOUT.sizes.body);
  return [
    styleOf(
      el('w:style', { 'w:type': 'paragraph', 'w:default': '1', 'w:styleId': 'Normal' }, [
        el('w:name', { 'w:val': 'Normal' }),
        el('w:qFormat'),
        el('w:rPr', {}, [
          el('w:rFonts', { 'w:ascii': font, 'w:eastAsia': font, 'w:hAnsi': font, 'w:cs': font }),
          el('w:sz', { 'w:val': size }),
          el('w:szCs', { 'w:val': size }),
        ]),
      ]),
    ),
    styleOf(
      el('w:style', { 'w:type': 'paragraph', 'w:customStyle': '1', 'w:styleId': TEXT_STYLE }, [
        el('w:name', { 'w:val': '公文正文' }),
        el('w:basedOn', { 'w:val': 'Normal' }),
        el('w:qFormat'),
        el('w:pPr', {}, [el('w:snapToGrid', { 'w:val': '0' })]),
      ]),
    ),
  ];
}

function run(text: string, font: string, size: number): TextRun {
  const fit = size === LAYOUT.sizes.body ? { characterSpacing: CONDENSE } : { snapToGrid: false };
  return new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font, cs: font }, size, ...fit });
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const font = LAYOUT.fonts.pageNumber;
  const oneChar = pt(14);
  return new Footer({
    children: [
      new Paragraph({
        style: TEXT_STYLE,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: font, eastAsia: font, hAnsi: font, cs: font },
            size: LAYOUT.sizes.pageNumber,
            snapToGrid: false,
          }),
        ],
      }),
    ],
  });
}

function documentParagraphs(doc: OfficialDocument, newPage: boolean): Paragraph[] {
  const { fonts, sizes } = LAYOUT;
  const body = (text: string, opts: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
    new Paragraph({
      style: TEXT_STYLE,
      spacing: exactLine,
      autoSpaceEastAsianText: false,
      children: [run(text, fonts.body, sizes.body)],
      ...opts,
    });
  const title = titleLines(doc).flatMap((line, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), run(line, fonts.title, sizes.title)]);
  const children: Paragraph[] = [
    ...(doc.preface ? [body(doc.preface, { pageBreakBefore: newPage })] : []),
    new Paragraph({
      style: TEXT_STYLE,
      alignment: AlignmentType.CENTER,
      spacing: exactLine,
      pageBreakBefore: newPage && !doc.preface,
      children: title,
    }),
  ];
  if (doc.adoptionNote)
    children.push(
      new Paragraph({
        style: TEXT_STYLE,
        alignment: AlignmentType.CENTER,
        spacing: exactLine,
        children: [run(doc.adoptionNote, fonts.byline, sizes.body)],
      }),
    );
  if (doc.numberLine) children.push(body(doc.numberLine, { alignment: AlignmentType.CENTER }));
  if (doc.byline)
    children.push(
      new Paragraph({
        style: TEXT_STYLE,
        alignment: AlignmentType.CENTER,
        spacing: exactLine,
        children: [run(doc.byline, fonts.byline, sizes.body)],
      }),
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
    styles: { default: { document: { run: { font: fonts.body, size: sizes.body } } }, importedStyles: gridStyles() },
    sections: [
      {
        properties: {
          page: {
            size: LAYOUT.page,
            margin: { ...LAYOUT.margin, header: mm(15), footer: LAYOUT.footer },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE, charSpace: CHAR_SPACE },
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
