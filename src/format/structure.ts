/**
 * 代表结构 as the clerk reads it: text tables for the terminal, and one printable HTML page with the
 * same tables and an SVG bar chart per dimension (no script, every text escaped).
 */
import { chineseNumber, formatChineseDate } from '../domain/dates.js';
import { DIMENSIONS, type Structure, type StructureGroup, type Tally, UNRECORDED } from '../views/structure.js';

type Report = Structure & { readonly congressName: string | undefined };

const UNKNOWN_UNIT = '选举单位不详';
const unitName = (g: StructureGroup) => g.unit ?? UNKNOWN_UNIT;

function when(s: Report): string {
  return s.session !== undefined ? `常委会第${chineseNumber(s.session)}次会议（${formatChineseDate(s.date)}）` : formatChineseDate(s.date);
}

const title = (s: Report) => `${s.congressName ?? ''}代表结构`;

function share(count: number, total: number): string {
  return total === 0 ? '—' : `${((count / total) * 100).toFixed(1)}%`;
}

/** Cells a terminal gives the text: a Chinese character takes two. */
function width(text: string): number {
  return [...text].reduce((n, c) => n + (c.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((r) =>
    r
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - width(cell));
        return i === 0 ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** The values a dimension takes anywhere, in the congress's order (so every unit's columns line up). */
const columns = (s: Report, key: (typeof DIMENSIONS)[number]['key']) => s.congress.by[key].map((t) => t.value);
const countOf = (tallies: readonly Tally[], value: string) => tallies.find((t) => t.value === value)?.count ?? 0;

export function formatStructure(s: Report): string {
  const out = [`${title(s)}：${when(s)}`, `实有代表：${s.count}名${s.unnamed > 0 ? `（其中${s.unnamed}名记录未列明姓名）` : ''}`];
  out.push('', '全体代表：');
  for (const { key, label } of DIMENSIONS) {
    const rows = [[label, '人数', '占比'], ...s.congress.by[key].map((t) => [t.value, String(t.count), share(t.count, s.congress.total)])];
    out.push('', ...table(rows).map((l) => `  ${l}`));
  }
  out.push('', '按选举单位：');
  for (const { key, label } of DIMENSIONS) {
    const values = columns(s, key);
    const rows = [
      [`选举单位（${label}）`, '合计', ...values],
      ...s.units.map((g) => [unitName(g), String(g.total), ...values.map((v) => String(countOf(g.by[key], v)))]),
    ];
    out.push('', ...table(rows).map((l) => `  ${l}`));
  }
  out.push('', '说明：', ...s.notes.map((n) => `  ${n}`), `  “${UNRECORDED}”：记录中没有该项。`);
  return out.join('\n');
}

const esc = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Colours for a dimension's values, 未登记 grey. */
const PALETTE = ['#9b1c1c', '#c2571a', '#b7950b', '#2e7d32', '#1565c0', '#6a1b9a', '#00838f', '#5d4037', '#ad1457', '#455a64'];
const colourOf = (values: readonly string[]) => (v: string) =>
  v === UNRECORDED ? '#bdbdbd' : PALETTE[values.filter((x) => x !== UNRECORDED).indexOf(v) % PALETTE.length]!;

/** One stacked bar per row (the congress, then each unit), each the row's share of every value, with a legend. */
function chart(s: Report, key: (typeof DIMENSIONS)[number]['key'], label: string): string {
  const values = columns(s, key);
  const colour = colourOf(values);
  const rows = [{ name: '全体代表', g: s.congress }, ...s.units.map((g) => ({ name: unitName(g), g }))];
  const [left, barWidth, rowHeight] = [120, 520, 26];
  const legendTop = rows.length * rowHeight + 12;
  const height = legendTop + Math.ceil(values.length / 4) * 22 + 8;
  const bars = rows.map(({ name, g }, i) => {
    const y = i * rowHeight + 4;
    let x = left;
    const parts = values.map((v) => {
      const n = countOf(g.by[key], v);
      const w = g.total === 0 ? 0 : (n / g.total) * barWidth;
      const rect =
        n === 0
          ? ''
          : `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="${colour(v)}"><title>${esc(`${name}：${v} ${n}名（${share(n, g.total)}）`)}</title></rect>`;
      x += w;
      return rect;
    });
    return `<text x="${left - 8}" y="${y + rowHeight / 2}" text-anchor="end">${esc(name)}</text>${parts.join('')}<text x="${left + barWidth + 6}" y="${y + rowHeight / 2}">${g.total}名</text>`;
  });
  const legend = values.map((v, i) => {
    const x = left + (i % 4) * 140;
    const y = legendTop + Math.floor(i / 4) * 22;
    return `<rect x="${x}" y="${y}" width="14" height="14" fill="${colour(v)}"/><text x="${x + 20}" y="${y + 11}">${esc(v)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(`${label}构成`)}" width="${left + barWidth + 60}" height="${height}" font-size="13" dominant-baseline="middle">${bars.join('')}${legend.join('')}</svg>`;
}

function htmlTable(s: Report, key: (typeof DIMENSIONS)[number]['key'], label: string): string {
  const values = columns(s, key);
  const head = `<tr><th>选举单位</th><th>合计</th>${values.map((v) => `<th>${esc(v)}</th>`).join('')}</tr>`;
  const row = (name: string, g: StructureGroup) =>
    `<tr><th>${esc(name)}</th><td>${g.total}</td>${values.map((v) => `<td>${countOf(g.by[key], v)}<small>（${share(countOf(g.by[key], v), g.total)}）</small></td>`).join('')}</tr>`;
  return `<table><caption>${esc(label)}</caption><thead>${head}</thead><tbody>${row('全体代表', s.congress)}${s.units.map((g) => row(unitName(g), g)).join('')}</tbody></table>`;
}

export function structureHtml(s: Report): string {
  const sections = DIMENSIONS.map(
    ({ key, label }) => `<section><h2>${esc(label)}</h2><figure>${chart(s, key, label)}</figure>${htmlTable(s, key, label)}</section>`,
  );
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(title(s))}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.4em; text-align: center; }
p.when { text-align: center; }
section { break-inside: avoid; margin-top: 1.5em; }
table { border-collapse: collapse; margin-top: 0.5em; }
caption { text-align: left; font-weight: bold; }
th, td { border: 1px solid #999; padding: 0.2em 0.6em; }
td { text-align: right; }
small { color: #666; }
svg text { fill: #222; }
@page { size: A4; margin: 2cm; }
</style>
</head>
<body>
<h1>${esc(title(s))}</h1>
<p class="when">${esc(when(s))}　实有代表${s.count}名${s.unnamed > 0 ? `（其中${s.unnamed}名记录未列明姓名）` : ''}</p>
${sections.join('\n')}
<section><h2>说明</h2><ul>${[...s.notes, `“${UNRECORDED}”：记录中没有该项。`].map((n) => `<li>${esc(n)}</li>`).join('')}</ul></section>
</body>
</html>
`;
}
