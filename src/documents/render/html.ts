/**
 * One printable HTML page: a single style sheet laid out like a GB/T 9704-2012 page (A4, margins
 * 37/26/35/28 mm, title 22 pt 小标宋, body 16 pt 仿宋 on a 22-line grid), no scripts, every text escaped.
 */
import type { OfficialDocument } from '../official-document.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { background: #fff; color: #000; }
body { margin: 0 auto; max-width: 156mm; font-family: "仿宋_GB2312", "仿宋", FangSong, STFangsong, serif; font-size: 16pt; line-height: 28.95pt; }
h1 { font-family: "方正小标宋简体", "小标宋", "华文中宋", STZhongsong, serif; font-size: 22pt; font-weight: normal; line-height: 28.95pt; text-align: center; margin: 0 0 28.95pt; }
p { margin: 0; text-align: justify; }
.number, .byline { text-align: center; }
.number { margin-bottom: 28.95pt; }
.byline { font-family: "楷体_GB2312", "楷体", KaiTi, serif; margin-bottom: 28.95pt; }
p.para { text-indent: 2em; }
.closing { margin-top: 57.9pt; text-align: right; padding-right: 4em; }
@media screen { body { padding: 2em 0; } }
`;

export function renderHtml(doc: OfficialDocument): string {
  const e = escapeHtml;
  const lines = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${e(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${e(doc.title)}</h1>`,
    ...(doc.numberLine ? [`<p class="number">${e(doc.numberLine)}</p>`] : []),
    ...(doc.byline ? [`<p class="byline">${e(doc.byline)}</p>`] : []),
    ...(doc.addressee ? [`<p class="addressee">${e(doc.addressee)}</p>`] : []),
    ...doc.paragraphs.map((p) => `<p class="para">${e(p)}</p>`),
    ...(doc.signature || doc.date
      ? [`<div class="closing">${[doc.signature, doc.date].filter(Boolean).map((s) => `<p>${e(s!)}</p>`).join('')}</div>`]
      : []),
    '</body>',
    '</html>',
  ];
  return `${lines.join('\n')}\n`;
}
