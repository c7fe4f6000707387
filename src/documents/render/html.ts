/**
 * One printable HTML page: a single style sheet laid out like a GB/T 9704-2012 page (A4, margins
 * 37/26/35/28 mm, title 22 pt 小标宋, body 16 pt 仿宋 on a 22-line grid), no scripts, every text escaped.
 * Several documents are sections of the page, each printed from a new sheet.
 */
import { type Documents, documentList, type OfficialDocument } from '../official-document.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { background: #fff; color: #000; }
body { margin: 0 auto; max-width: 156mm; font-family: "仿宋_GB2312", "仿宋", FangSong, STFangsong, serif; font-size: 16pt; line-height: 28.95pt; }
h1 { font-family: "方正小标宋简体", "小标宋", "华文中宋", STZhongsong, serif; font-size: 22pt; font-weight: normal; line-height: 28.95pt; text-align: center; margin: 0 0 28.95pt; }
p { margin: 0; text-align: justify; }
.number, .byline, .adoption { text-align: center; }
.number { margin-bottom: 28.95pt; }
.byline, .adoption { font-family: "楷体_GB2312", "楷体", KaiTi, serif; margin-bottom: 28.95pt; }
p.para { text-indent: 2em; }
.closing { margin-top: 57.9pt; text-align: right; padding-right: 4em; }
section + section { break-before: page; }
@media screen { body { padding: 2em 0; } section + section { margin-top: 4em; } }
`;

function section(doc: OfficialDocument): string[] {
  const e = escapeHtml;
  return [
    '<section>',
    ...(doc.preface ? [`<p class="preface">${e(doc.preface)}</p>`] : []),
    `<h1>${e(doc.title)}</h1>`,
    ...(doc.adoptionNote ? [`<p class="adoption">${e(doc.adoptionNote)}</p>`] : []),
    ...(doc.numberLine ? [`<p class="number">${e(doc.numberLine)}</p>`] : []),
    ...(doc.byline ? [`<p class="byline">${e(doc.byline)}</p>`] : []),
    ...(doc.addressee ? [`<p class="addressee">${e(doc.addressee)}</p>`] : []),
    ...doc.paragraphs.map((p) => `<p class="para">${e(p)}</p>`),
    ...(doc.signature || doc.date
      ? [
          `<div class="closing">${[doc.signature, doc.date]
            .filter(Boolean)
            .map((s) => `<p>${e(s!)}</p>`)
            .join('')}</div>`,
        ]
      : []),
    '</section>',
  ];
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
