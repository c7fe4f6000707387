import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { OfficialDocument } from '../../src/documents/official-document.js';
import { renderDocx, titleLines } from '../../src/documents/render/docx.js';
import { renderHtml } from '../../src/documents/render/html.js';
import { renderMarkdown } from '../../src/documents/render/markdown.js';
import { renderText } from '../../src/documents/render/text.js';
import { squash } from '../support/scenario.js';

const doc: OfficialDocument = {
  kind: 'report',
  title: '某市第一届人民代表大会常务委员会代表资格审查委员会关于个别代表的代表资格的报告',
  titleParts: ['某市第一届人民代表大会', '常务委员会', '代表资格审查委员会', '关于个别代表的', '代表资格的报告'],
  addressee: '某市人民代表大会常务委员会：',
  paragraphs: ['甲区选举产生的<script>alert("x")</script>&张*三*，因工作岗位变动调离了某市。', '以上报告，请予审议。'],
  signature: '某市第一届人民代表大会常务委员会代表资格审查委员会',
  date: '2024年7月31日',
  warnings: [],
};

describe('a name that looks like mark-up', () => {
  it('is printed as text in HTML: escaped, with no script and a single style sheet on the page', () => {
    const html = renderHtml(doc);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;张*三*');
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).toContain('<html lang="zh-CN">');
  });

  it('is printed as text in Markdown: every mark-up character escaped', () => {
    const md = renderMarkdown(doc);
    expect(md).toContain('\\<script\\>alert\\(\\"x\\"\\)\\</script\\>\\&张\\*三\\*');
    expect(md.startsWith(`# ${doc.title}`)).toBe(true);
  });
});

describe('the text formats', () => {
  it('carry every part of the document in reading order', () => {
    const parts = [doc.title, doc.addressee!, ...doc.paragraphs, doc.signature!, doc.date!].map(squash);
    expect(squash(renderText(doc))).toBe(parts.join(''));
  });
});

const zip = await JSZip.loadAsync(await renderDocx(doc));
const xml = await zip.file('word/document.xml')!.async('string');
const footers = await Promise.all(
  Object.keys(zip.files)
    .filter((f) => /^word\/footer\d+\.xml$/.test(f))
    .map((f) => zip.file(f)!.async('string')),
);
const runs = [...xml.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((m) => m[1]!);
const runWith = (text: string) => runs.find((r) => r.includes(text))!;

describe('a Word document laid out per GB/T 9704-2012', () => {
  it('holds the text of the document, in order', () => {
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const unescapeXml = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    expect(squash(unescapeXml(text))).toBe(squash(renderText(doc)));
  });

  it('is A4 with a 37 mm top and 28 mm binding margin around a 156 × 225 mm text block', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = xml.match(/<w:pgMar ([^>]*)\/>/)![1]!;
    const twips = (name: string) => Number(margin.match(new RegExp(`w:${name}="(\\d+)"`))![1]);
    const mm = (t: number) => (t * 25.4) / 1440;
    expect(mm(twips('top'))).toBeCloseTo(37, 0);
    expect(mm(twips('left'))).toBeCloseTo(28, 0);
    expect(mm(11906 - twips('left') - twips('right'))).toBeCloseTo(156, 0);
    expect(mm(16838 - twips('top') - twips('bottom'))).toBeCloseTo(225, 0);
  });

  it('sets 22 lines a page: a line grid of 225 mm / 22', () => {
    const pitch = Number(xml.match(/<w:docGrid [^>]*w:linePitch="(\d+)"/)![1]);
    expect(pitch * 22).toBeLessThanOrEqual(16838 - 2098 - 1984);
    expect(pitch * 23).toBeGreaterThan(16838 - 2098 - 1984);
  });

  it('sets 28 characters a line: a grid of lines and characters whose pitch, 16 pt + charSpace / 4096, fits 28 in the 156 mm line and not 29', async () => {
    const grid = xml.match(/<w:docGrid [^>]*\/>/)![0];
    expect(grid).toBe('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/>');
    const margin = xml.match(/<w:pgMar ([^>]*)\/>/)![1]!;
    const twips = (name: string) => Number(margin.match(new RegExp(`w:${name}="(\\d+)"`))![1]);
    const linePt = (11906 - twips('left') - twips('right')) / 20;
    // ECMA-376 §17.6.5: the pitch is the Normal style's size plus charSpace in 1/4096 pt.
    const pitch = (charSpace: number) => 16 + charSpace / 4096;
    expect(28 * pitch(-842)).toBeLessThanOrEqual(linePt);
    expect(29 * pitch(-842)).toBeGreaterThan(linePt);
    // The largest such value, as Word writes it: one more and the 28th character would not fit.
    expect(28 * pitch(-841)).toBeGreaterThan(linePt);
    // The size the pitch is reckoned from: the default paragraph style, 仿宋 16 pt.
    const styles = await zip.file('word/styles.xml')!.async('string');
    const normal = styles.match(/<w:style w:type="paragraph" w:default="1" w:styleId="Normal">.*?<\/w:style>/s)![0];
    expect(normal).toContain('<w:sz w:val="32"/>');
    expect(normal).toMatch(/w:eastAsia="仿宋"/);
  });

  it('keeps its paragraphs off the grid for LibreOffice, the title and page number also in Word; the body condensed 0.3 pt so LibreOffice’s narrower cells hold 28', async () => {
    const styles = await zip.file('word/styles.xml')!.async('string');
    const text = styles.match(/<w:style [^>]*w:styleId="OfficialText">.*?<\/w:style>/s)![0];
    expect(text).toContain('<w:basedOn w:val="Normal"/>');
    expect(text).toContain('<w:pPr><w:snapToGrid w:val="0"/></w:pPr>');
    const paragraphs = [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => m[1]!);
    for (const p of [...paragraphs, ...footers]) expect(p).toContain('<w:pStyle w:val="OfficialText"/>');
    expect(runWith('某市第一届人民代表大会常务委员会')).toContain('<w:snapToGrid w:val="false"/>');
    for (const f of footers) expect(f).toContain('<w:snapToGrid w:val="false"/>');
    const body = runWith('以上报告，请予审议。');
    expect(body).toContain('<w:spacing w:val="-6"/>');
    expect(body).not.toContain('w:snapToGrid');
  });

  it('sets the title in 小标宋 2号 (22 pt) and the body in 仿宋 3号 (16 pt)', () => {
    const title = runWith('某市第一届人民代表大会常务委员会');
    expect(title).toMatch(/w:eastAsia="[^"]*小标宋[^"]*"/);
    expect(title).toContain('<w:sz w:val="44"/>');
    const body = runWith('以上报告，请予审议。');
    expect(body).toMatch(/w:eastAsia="[^"]*仿宋[^"]*"/);
    expect(body).toContain('<w:sz w:val="32"/>');
  });

  it('numbers its pages "— N —" in 宋体 4号, odd pages on the right and even pages on the left', async () => {
    expect(xml).toMatch(/<w:footerReference w:type="default"/);
    expect(xml).toMatch(/<w:footerReference w:type="even"/);
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:evenAndOddHeaders');
    for (const f of footers) {
      expect(f).toMatch(/PAGE/);
      expect(f).toContain('— ');
      expect(f).toContain('<w:sz w:val="28"/>');
      expect(f).toMatch(/w:eastAsia="宋体"/);
    }
    expect(footers.map((f) => f.match(/<w:jc w:val="(\w+)"/)![1]).sort()).toEqual(['left', 'right']);
  });

  it('keeps the last paragraph on the page of the issuer and the date, so neither stands alone', () => {
    const paragraphs = [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => m[1]!);
    const last = paragraphs.find((p) => p.includes('以上报告，请予审议。'))!;
    const signature = paragraphs.find((p) => p.includes('代表资格审查委员会</w:t>') && p.includes('w:ind'))!;
    expect(last).toContain('<w:keepNext/>');
    expect(signature).toContain('<w:keepNext/>');
    expect(paragraphs.find((p) => p.includes('甲区选举产生的'))).not.toContain('<w:keepNext/>');
  });

  it('breaks the title between its parts, never leaving a lone character on the last line', () => {
    expect(titleLines(doc)).toEqual(['某市第一届人民代表大会常务委员会', '代表资格审查委员会关于个别代表的', '代表资格的报告']);
  });
});

/** Two decisions printed together, each with its adoption line. */
const decisionsDoc = (name: string): OfficialDocument => ({
  kind: 'decisions',
  title: `关于接受${name}请求辞去某市副市长职务的决定`,
  titleParts: ['关于接受', `${name}请求辞去`, '某市副市长', '职务的决定'],
  adoptionNote: '（2024年7月31日某市第一届人民代表大会常务委员会第三次会议通过）',
  paragraphs: [`${name}向某市人大常委会提出请求辞去某市副市长职务的报告。`],
  warnings: [],
});
const pair = [decisionsDoc('甲<b>'), decisionsDoc('乙')];

describe('several documents of one kind printed together', () => {
  it('follow one another in the text formats, each with its adoption line under the title', () => {
    const expected = pair
      .flatMap((d) => [d.title, d.adoptionNote!, ...d.paragraphs])
      .map(squash)
      .join('');
    expect(squash(renderText(pair))).toBe(expected);
    const md = renderMarkdown(pair);
    expect(md.match(/^# /gm)).toHaveLength(2);
    expect(md).toContain('（2024年7月31日某市第一届人民代表大会常务委员会第三次会议通过）');
  });

  it('are sections of one HTML page, each after the first from a new printed page, the adoption line escaped like any text', () => {
    const html = renderHtml(pair);
    expect(html.match(/<section>/g)).toHaveLength(2);
    expect(html.match(/<h1>/g)).toHaveLength(2);
    expect(html).toContain('section + section { break-before: page; }');
    expect(html.match(/<p class="adoption">（2024年7月31日/g)).toHaveLength(2);
    expect(html).toContain('甲&lt;b&gt;');
    expect(html).not.toContain('甲<b>');
  });

  it('start each on a new page of the Word file, the adoption line centred in 楷体 3号', async () => {
    const zipped = await JSZip.loadAsync(await renderDocx(pair));
    const body = await zipped.file('word/document.xml')!.async('string');
    const paragraphs = [...body.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => m[1]!);
    const titles = paragraphs.filter((p) => p.includes('<w:sz w:val="44"/>'));
    expect(titles).toHaveLength(2);
    expect(titles[0]).not.toContain('<w:pageBreakBefore/>');
    expect(titles[1]).toContain('<w:pageBreakBefore/>');
    const notes = paragraphs.filter((p) => p.includes('第三次会议通过）'));
    expect(notes).toHaveLength(2);
    for (const note of notes) {
      expect(note).toContain('<w:jc w:val="center"/>');
      expect(note).toMatch(/w:eastAsia="楷体"/);
      expect(note).toContain('<w:sz w:val="32"/>');
    }
  });
});
