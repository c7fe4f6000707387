/** `roster doc`, run as the clerk runs it: the CLI bundled from src/ on a temporary copy of the data. */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { cliEnv, ROOT, SEED_DATA, squash, tempDir } from '../support/scenario.js';

let dir: string;
let db: string;

beforeEach(() => {
  dir = tempDir('roster-doc-');
  db = path.join(dir, 'roster.json');
  copyFileSync(SEED_DATA, db);
});

const roster = (...args: string[]) => spawnSync(process.execPath, [CLI, '--db', db, ...args], { encoding: 'utf8', env: cliEnv() });
const seed = (file: string) => squash(readFileSync(path.join(ROOT, 'test', 'fixtures', 'seed', file), 'utf8'));

describe('roster doc on the embedded 16th Ningbo congress', () => {
  it('prints the credentials report of the 19th session as the gazette printed it', () => {
    const r = roster('doc', 'report', '--session', '19');
    expect(r.status).toBe(0);
    expect(squash(r.stdout)).toBe(seed('qualification-report.txt'));
  });

  it('prints the explanation of the report as the gazette printed it', () => {
    const r = roster('doc', 'explanation', '--session', '19', '--format', 'txt');
    expect(r.status).toBe(0);
    expect(squash(r.stdout)).toBe(seed('qualification-report-explanation.txt'));
  });

  it('writes a Word file with -o, and leaves the data file as it was', async () => {
    const before = readFileSync(db, 'utf8');
    const out = path.join(dir, '报告.docx');
    const r = roster('doc', 'report', '--session', '19', '--format', 'docx', '-o', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(out);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toContain('市十六届人大实有代表479名');
    expect(readFileSync(db, 'utf8')).toBe(before);
  });

  it('writes an HTML page with -o', () => {
    const out = path.join(dir, 'notice.html');
    const r = roster('doc', 'notice', '--session', '19', '--format', 'html', '-o', out, '--number', '12', '--date', '2024-08-01');
    expect(r.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('〔十六届〕第十二号');
    expect(html).toContain('现在，市十六届人大实有代表479名。');
    expect(html).toContain('2024年8月1日');
  });

  it('writes the number without the term when asked for the plain style', () => {
    const r = roster('doc', 'notice', '--session', '19', '--number', '12', '--number-style', 'plain', '--date', '2024-08-01');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')).toContain('第十二号');
    expect(r.stdout).not.toContain('〔十六届〕');
  });

  it('warns, without failing, when the notice has no number or date to print', () => {
    const r = roster('doc', 'notice', '--session', '19');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('提示：记录中没有公告编号');
    expect(r.stderr).toContain('提示：记录中没有公告日期');
  });

  it('gives the document as JSON with --json', () => {
    const r = roster('--json', 'doc', 'report', '--session', '19');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.documents[0].title).toBe('宁波市第十六届人民代表大会常务委员会代表资格审查委员会关于个别代表的代表资格的报告');
    expect(squash(json.text)).toBe(seed('qualification-report.txt'));
  });
});

describe('roster doc for the personnel decisions of the 19th session', () => {
  const personnel = () => seed('personnel-decisions.txt');
  const listsStart = () => personnel().indexOf('宁波市人大常委会任免名单');

  it('prints the four decisions accepting resignations from posts as the gazette printed them', () => {
    const r = roster('doc', 'decisions', '--session', '19');
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('提示');
    expect(squash(r.stdout)).toBe(personnel().slice(0, listsStart()));
  });

  it('prints the appointment and removal lists as the gazette printed them', () => {
    const r = roster('doc', 'appointments', '--session', '19', '--format', 'txt');
    expect(r.status).toBe(0);
    expect(squash(r.stdout)).toBe(personnel().slice(listsStart()));
  });

  it('writes the five lists to one Word file, each from a new page', async () => {
    const out = path.join(dir, '任免名单.docx');
    const r = roster('doc', 'appointments', '--session', '19', '--format', 'docx', '-o', out);
    expect(r.status).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(4);
    expect(xml).toContain('邵芳芳、叶永权、吴波杰的宁波市中级人民法院审判员职务。');
  });

  it('writes the oath roster as an HTML page: the seven appointed, their organisers under Zhejiang law (the court for the judge) and the oath of 2018, nobody removed', () => {
    const out = path.join(dir, '宣誓.html');
    const r = roster('doc', 'oaths', '--session', '19', '--format', 'html', '-o', out);
    expect(r.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    for (const name of ['方勤', '竺培楠', '汪闻勇', '曹敬之', '励志纲', '楼纪辉', '张碧莹']) expect(html).toContain(`${name}，`);
    for (const name of ['朱欢', '黄利琴', '王安静', '马荧波', '顾立群', '汪明航', '吕宇', '陈莹', '夏年立'])
      expect(html).not.toContain(name);
    expect(html).toContain('由宁波市第十六届人民代表大会常务委员会主任会议组织宣誓的：');
    expect(html).toMatch(/由所在人民法院或者人民检察院组织宣誓的：[^<]*<\/p>\s*<p[^>]*>[^<]*张碧莹，/);
    expect(html).toContain('《浙江省组织实施宪法宣誓制度办法》第七条');
    expect(html).toContain('为建设富强民主文明和谐美丽的社会主义现代化强国努力奋斗！');
  });

  it('gives the documents as JSON with --json', () => {
    const json = JSON.parse(roster('--json', 'doc', 'decisions', '--session', '19').stdout);
    expect(json.documents.map((d: { title: string }) => d.title)).toHaveLength(4);
    expect(json.documents[0].adoptionNote).toBe('（2024年7月31日宁波市第十六届人民代表大会常务委员会第十九次会议通过）');
  });
});

describe('roster doc refuses what it cannot do, in Chinese, writing nothing', () => {
  it('an unknown kind is refused with the kinds there are', () => {
    const r = roster('doc', 'minutes', '--session', '19');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('未知的文书种类“minutes”');
    expect(r.stderr).toContain('report');
  });

  it('a session with no change in deputies is refused', () => {
    const r = roster('doc', 'report', '--session', '15');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有可报告的代表资格变动');
  });

  it('a session not in the record is refused', () => {
    const r = roster('doc', 'report', '--session', '18');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('记录中没有常委会第18次会议');
  });

  it('a session with no personnel decisions is refused for the decisions, the lists and the oath roster, writing no file', () => {
    for (const kind of ['decisions', 'appointments', 'oaths']) {
      const out = path.join(dir, `${kind}.docx`);
      const r = roster('doc', kind, '--session', '15', '--format', 'docx', '-o', out);
      expect(r.status, kind).toBe(1);
      expect(r.stderr).toContain('常委会第十五次会议');
      expect(existsSync(out)).toBe(false);
    }
  });

  it('docx without -o is refused and nothing is printed', () => {
    const r = roster('doc', 'report', '--session', '19', '--format', 'docx');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('请用 -o 指定输出文件');
    expect(r.stdout).toBe('');
  });

  it('an unknown format, a missing session and a bad date are refused', () => {
    expect(roster('doc', 'report', '--session', '19', '--format', 'pdf').stderr).toContain('格式“pdf”无效');
    expect(roster('doc', 'report').stderr).toContain('请用 --session 指定');
    const bad = roster('doc', 'notice', '--session', '19', '--date', '2024-02-30', '-o', path.join(dir, 'x.txt'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('日期“2024-02-30”无效');
    expect(existsSync(path.join(dir, 'x.txt'))).toBe(false);
    expect(roster('doc', 'notice', '--session', '19', '--number', '十二').stderr).toContain('公告编号“十二”无效');
    expect(roster('doc', 'notice', '--session', '19', '--number-style', 'roman').stderr).toContain('编号样式“roman”无效');
  });

  it('a refused session writes no output file', () => {
    const out = path.join(dir, 'report.docx');
    expect(roster('doc', 'report', '--session', '15', '--format', 'docx', '-o', out).status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('the built CLI', () => {
  it('is the file package.json names as roster', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(path.join(ROOT, pkg.bin.roster)).toBe(CLI);
    expect(statSync(CLI).isFile()).toBe(true);
    expect(execFileSync(process.execPath, [CLI, 'doc', '--help'], { encoding: 'utf8', env: cliEnv() })).toContain('--format');
  });
});

describe('the README', () => {
  it('runs every `roster doc` example it gives', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const examples = [...readme.matchAll(/^npx roster (doc [^#\n]*?)\s*(?:#.*)?$/gm)].map((m) => m[1]!.split(/\s+/));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const args of examples) {
      const r = spawnSync(process.execPath, [CLI, '--db', db, ...args], { encoding: 'utf8', cwd: dir, env: cliEnv() });
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      const o = args.indexOf('-o');
      if (o >= 0) expect(statSync(path.join(dir, args[o + 1]!)).size).toBeGreaterThan(0);
    }
  });
});
