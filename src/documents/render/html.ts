/**
 * One printable HTML page laid out like the Word file (GB/T 9704-2012): A4, margins 37/26/35/28 mm,
 * title 22 pt 小标宋 broken between phrases, body 16 pt 仿宋 on a 22-line grid, the issuer centred
 * over the date four characters from the right, never alone on a page, and "— N —" page numbers
 * (odd pages right, even pages left) when printed. One style sheet, no scripts, every text escaped.
 * Several documents are sections of the page, each printed from a new sheet.
 */
import { type Documents, documentList, type OfficialDocument } from '../official-document.js';
import { PAGE, signatureLines, titleLines, width } from './layout.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const { margin } = PAGE;
/** One line of the grid: 225 mm / 22 lines, rounded down so that the 22nd line still fits the page. */
const LINE = `${Math.floor(((PAGE.heightMm - margin.topMm - margin.bottomMm) / PAGE.linesPerPage) * 100) / 100}mm`;
const PAGE_NUMBER = `content: "— " counter(page) " —"; font-family: "宋体", SimSun, "Noto Serif CJK SC", serif; font-size: 14pt; vertical-align: top; padding-top: 4mm;`;

const STYLE = `
@page { size: A4; margin: ${margin.topMm}mm ${margin.rightMm}mm ${margin.bottomMm}mm ${margin.leftMm}mm; }
@page :right { @bottom-right { ${PAGE_NUMBER} padding-right: 1em; } }
@page :left { @bottom-left { ${PAGE_NUMBER} padding-left: 1em; } }
html { background: #fff; color: #000; }
body { margin: 0 auto; max-width: ${PAGE.widthMm - margin.leftMm - margin.rightMm}mm; font-family: "仿宋_GB2312", "仿宋", FangSong, STFangsong, serif; font-size: 16pt; line-height: ${LINE}; orphans: 2; widows: 2; }
h1 { font-family: "方正小标宋简体", "小标宋", "华文中宋", STZhongsong, serif; font-size: 22pt; font-weight: normal; line-height: ${LINE}; text-align: center; margin: 0 0 ${LINE}; break-after: avoid; }
p { margin: 0; }
p.para { text-indent: 2em; text-align: justify; }
.number, .byline, .adoption { text-align: center; }
.number { margin-bottom: ${LINE}; }
.byline, .adoption { font-family: "楷体_GB2312", "楷体", KaiTi, serif; margin-bottom: ${LINE}; }
.ending, p.whole { break-inside: avoid; }
.closing { margin-top: calc(2 * ${LINE}); display: grid; grid-template-columns: 1fr max-content ${PAGE.dateRightChars}em; }
.closing p { grid-column: 2; text-align: center; white-space: nowrap; }
.closing.dated p.signature { justify-self: center; width: 0; display: flex; justify-content: center; }
.closing.undated { grid-template-columns: 1fr max-content 2em; }
section + section { break-before: page; }
@media screen { body { padding: 2em 0; } section + section { margin-top: 4em; } }
`;

/** The issuer, each line centred over the date (a zero-width column lets it reach past the date's ends). */
function closing(doc: OfficialDocument): string[] {
  const e = escapeHtml;
  if (!doc.signature && !doc.date) return [];
  const lines = [
    ...signatureLines(doc).map((s) => `<p class="signature">${e(s)}</p>`),
    ...(doc.date ? [`<p class="date">${e(doc.date)}</p>`] : []),
  ];
  return [`<div class="closing ${doc.date ? 'dated' : 'undated'}">${lines.join('')}</div>`];
}

/**
 * A paragraph of three lines or fewer cannot be split leaving two lines on each page, so it is kept
 * whole: Chromium does not always honour `widows` and left a lone last line on the next page.
 */
function paragraphClass(text: string): string {
  const lines = Math.ceil((2 + width(text)) / PAGE.charsPerLine);
  return lines <= 3 ? 'para whole' : 'para';
}

function section(doc: OfficialDocument): string[] {
  const e = escapeHtml;
  const paragraphs = doc.paragraphs.map((p) => `<p class="${paragraphClass(p)}">${e(p)}</p>`);
  const end = closing(doc);
  // The last paragraph travels with the signature and the date: neither stands alone on a page.
  const last = end.length > 0 && paragraphs.length > 0 ? [`<div class="ending">${paragraphs.pop()}${end.join('')}</div>`] : end;
  return [
    '<section>',
    ...(doc.preface ? [`<p class="preface">${e(doc.preface)}</p>`] : []),
    `<h1>${titleLinesHtml(doc)}</h1>`,
    ...(doc.adoptionNote ? [`<p class="adoption">${e(doc.adoptionNote)}</p>`] : []),
    ...(doc.numberLine ? [`<p class="number">${e(doc.numberLine)}</p>`] : []),
    ...(doc.byline ? [`<p class="byline">${e(doc.byline)}</p>`] : []),
    ...(doc.addressee ? [`<p class="addressee">${e(doc.addressee)}</p>`] : []),
    ...paragraphs,
    ...last,
    '</section>',
  ];
}

/** The title broken between phrases as in the Word file. */
function titleLinesHtml(doc: OfficialDocument): string {
  return titleLines(doc).map(escapeHtml).join('<br>');
}

/** One page holding one document, or several, each from a new printed page. */
export function renderHtml(docs: Documents): string {
  const list = documentList(docs);
  const lines = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(list.map((d) => d.title).join('；'))}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...list.flatMap(section),
    '</body>',
    '</html>',
  ];
  return `${lines.join('\n')}\n`;
}
