/**
 * What a clerk reads names things in Chinese: a rule by its title, an event type by its glossary
 * name, a person by name, a check by its sentence. The ids (termination.transferred-out,
 * DeputyDied, oath-names-not-recorded, fang-qin where a name belongs) are for machines: they stay in
 * --json. Every command that reads the record is run on the embedded seed, in process through the
 * function the `roster` bin calls, with `record --dry-run` of a batch it accepts and one it refuses,
 * and `record` of the refused one; its stdout and stderr, less a short list of what is rightly ASCII,
 * hold no identifier. So does the text of the console's pages (an id may stay there as a hover title).
 *
 * Not swept: `--json`, and the exports (`export`, `export-roster`, `schema`), which are data for other
 * programs keyed by ids; `--help`, whose text is made of command words and option values (`log --help`
 * lists the type ids `--type` accepts); commands that need a database (`persons`, `db`).
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { EVENT_TYPES } from '../../src/domain/events.js';
import { ApiClient, startTestConsole } from '../support/console.js';
import { SEED_DATA, SEED_EVENTS, tempDir } from '../support/scenario.js';

/** A rule id or a check code (termination.transferred-out, cascade.resignation, oath-names-not-recorded). */
const DOTTED_OR_KEBAB = /[a-z]+(?:[.-][a-z]+)+/g;
/** An event type id (DeputyDied, OrganRegistered). */
const CAMEL = /\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b/g;

/**
 * What may stay ASCII in a clerk's text, removed before looking: each is named for what it is, and
 * each was seen in the output of these commands.
 */
const ALLOWED: readonly [string, RegExp][] = [
  ['a URL, or a web site a citation names (npcxj.com)', /\bhttps?:\/\/\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|org|net)\b/g],
  ['a file: the data file, a rule file (rules/cascade/resignation.json)', /(?:\/|\b)[\w./-]*\.(?:json|jsonl|xlsx|csv|docx|html|txt|md)\b/g],
  ['a hash (hex)', /\b[0-9a-f]{16,}\b/g],
  ['a roster command line the text tells the clerk to run (roster verify --rebuild-head)', /\broster(?: --?[a-z][a-z-]*| [a-z][a-z-]*)+/g],
  ['an option of the command line (--db, --region)', /--[a-z]+(?:-[a-z]+)*/g],
  ['a person id where it is labelled as one, beside the name (黄利琴（编号 huang-liqin）)', /编号 [a-z0-9][a-z0-9._-]*/g],
  ['the program’s own name, the recorder of the seed’s events (deputy-roster 初始数据)', /\bdeputy-roster\b/g],
];

/** The text with what may stay ASCII taken out. */
function clerkText(text: string): string {
  return ALLOWED.reduce((t, [, pattern]) => t.replace(pattern, ' '), text);
}

/** Every identifier left in what a clerk reads, with the line it stands in. */
function identifiersIn(text: string, ids: readonly string[]): string[] {
  return clerkText(text)
    .split('\n')
    .flatMap((line) => {
      const found = [...(line.match(DOTTED_OR_KEBAB) ?? []), ...(line.match(CAMEL) ?? []), ...ids.filter((id) => line.includes(id))];
      return found.length > 0 ? [`${[...new Set(found)].join(', ')}  ←  ${line.trim()}`] : [];
    });
}

const source = { title: '测试文件', date: '2024-08-01' };
/** Accepted: 方勤 dies after the 19th session (her posts end with her mandate), and 竺培楠 is appointed (an oath is owed). */
const ACCEPTED = [
  { type: 'DeputyDied', source, personId: 'fang-qin', date: '2024-08-01' },
  {
    type: 'PersonnelDecided',
    source: { title: '测试任免名单', session: 19, date: '2024-07-31' },
    personId: 'zhu-peinan',
    act: 'appointed',
    posts: [{ organId: 'ningbo-sc-office', title: '副主任' }],
    date: '2024-07-31',
    session: 19,
    item: 7,
    list: { kind: 'appointments', proposer: 'council-of-chairpersons', position: 9 },
  },
];
/** Refused: 黄利琴 and 朱欢 are no longer deputies (written as a clerk writes them: Chinese types, names). */
const REFUSED = [
  { type: '去世', source, person: '黄利琴', date: '2024-08-01' },
  { type: '辞职', source, person: '朱欢', date: '2024-08-01' },
];

/** Deputies who left, came, resigned posts, were appointed or removed at the 19th session, by name and id. */
const PERSONS: Record<string, string> = {
  黄利琴: 'huang-liqin',
  方勤: 'fang-qin',
  朱欢: 'zhu-huan',
  王安静: 'wang-anjing',
  马荧波: 'ma-yingbo',
  张碧莹: 'zhang-biying',
  顾立群: 'gu-liqun',
};

/**
 * Every command that reads the record, and the record commands' previews and refusals, each with the
 * exit code it gives on the seed (1: a query that fits several persons, a refused batch).
 */
function commands(dir: string): [string[], number][] {
  const file = (name: string, value: unknown) => {
    const f = path.join(dir, name);
    writeFileSync(f, JSON.stringify(value));
    return f;
  };
  const accepted = file('accepted.json', ACCEPTED);
  const refused = file('refused.json', REFUSED);
  const reading: string[][] = [
    ['headcount'],
    ['headcount', '--session', '19'],
    ['headcount', '--session', '15'],
    ['headcount', '--as-of', '2024-08-01'],
    ['members', '--session', '19'],
    ['members', '鄞州', '--session', '19'],
    ...Object.keys(PERSONS).flatMap((p) => [
      ['explain', p],
      ['history', p],
    ]),
    ['diff', '--from', '15', '--to', '19'],
    ['log'],
    ['log', '--type', '调离'],
    ['check'],
    ['verify'],
    ['cascade', '--session', '19'],
    ['oaths', '--session', '19'],
    ...['report', 'explanation', 'notice', 'decisions', 'appointments', 'oaths'].map((kind) => ['doc', kind, '--session', '19']),
    ['rules'],
    ['rules', '--region', '浙江'],
    ['rules', '--date', '2024-07-31'],
    ['congresses'],
    ['congresses', 'stats'],
    ['stats'],
    ['stats', '--session', '19'],
    ['user', 'list'],
    ['config', 'get'],
    ['record', '--dry-run', accepted],
    ['withdraw', '109', '--reason', '测试', '--dry-run'],
  ];
  return [
    ...reading.map((args): [string[], number] => [args, 0]),
    [['explain', '鄞州'], 1],
    [['record', '--dry-run', refused], 1],
    [['record', refused], 1],
  ];
}

async function run(args: readonly string[], env: Record<string, string>) {
  const io = memoryIO(env);
  const code = await runCli(args, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** Every rule id (national and Zhejiang's) and every event type id: looked for besides the patterns. */
async function knownIds(db: string, env: Record<string, string>): Promise<string[]> {
  const listed = await run(['--db', db, '--json', 'rules', '--region', '浙江'], env);
  const ruleIds = (JSON.parse(listed.stdout) as { rules: { id: string }[] }).rules.map((r) => r.id);
  expect(ruleIds).toContain('termination.transferred-out');
  return [...ruleIds, ...EVENT_TYPES];
}

/** What a page shows: its text without the markup (an attribute such as a hover title is not shown). */
function pageText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi, (_, dec, hex, name) =>
      dec
        ? String.fromCodePoint(Number(dec))
        : hex
          ? String.fromCodePoint(Number.parseInt(hex, 16))
          : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[name.toLowerCase()]!,
    );
}

describe('the text a clerk reads names rules, events, checks and persons in Chinese', () => {
  it('no rule id, check code, event type id or person id where a name belongs, in any command on the seed', async () => {
    const dir = tempDir('roster-words-');
    const db = path.join(dir, 'roster.json');
    copyFileSync(SEED_DATA, db);
    const env = { ROSTER_USER: 'test-clerk', ROSTER_CONFIG: path.join(dir, 'config.json'), HOME: dir };

    const ids = await knownIds(db, env);

    const found: string[] = [];
    const said = new Map<string, string>();
    for (const [args, code] of commands(dir)) {
      const r = await run(['--db', db, ...args], env);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
      expect(`${r.stdout}${r.stderr}`, args.join(' ')).toMatch(/[\u4e00-\u9fff]/);
      said.set(args.join(' '), `${r.stdout}${r.stderr}`);
      for (const hit of identifiersIn(`${r.stdout}\n${r.stderr}`, ids)) found.push(`roster ${args.join(' ')}: ${hit}`);
    }
    expect(found).toEqual([]);

    // What stands where the ids stood: the rule's title, the event's name, the person's name.
    expect(said.get('headcount --session 19')).toContain(
      '（规则“地方各级人民代表大会代表调离本行政区域的，其代表资格终止”；依据 代表法（2015年修正）第四十九条第（一）项〔V〕：朱欢、徐伟斌、何国强、王安静、莫鼎革）',
    );
    expect(said.get('cascade --session 19')).toContain(
      '后果依据：选举法（2020年修正）第五十六条第一款〔核实程度 V〕；规则“常务委员会组成人员、专门委员会成员（乡、民族乡、镇的人民代表大会主席、副主席）辞去代表职务的请求被接受的，其职务相应终止”',
    );
    expect(said.get('oaths --session 19')).toContain(
      '〔核实程度 S〕；规则“免职、撤职、接受或者批准辞职的，不进行宪法宣誓（宣誓在就职时进行）”',
    );
    expect(said.get('check')).toMatch(/应宣誓的7人无法逐一核实：方勤、竺培楠、汪闻勇、曹敬之、励志纲、楼纪辉、张碧莹\n/);
    expect(said.get(`record --dry-run ${path.join(dir, 'accepted.json')}`)).toContain(
      '  · 竺培楠：应当进行宪法宣誓（规则“常务委员会任命或者决定任命的国家工作人员，在依照法定程序产生后进行宪法宣誓，由主任会议组织”）',
    );
    expect(said.get(`record ${path.join(dir, 'refused.json')}`)).toContain(
      `第${SEED_EVENTS + 1}条事件（去世）发生在黄利琴的代表资格终止（或当选无效）之后`,
    );
  }, 120_000);

  it('nor on the console’s pages: checks, persons, the diff, the log, a session, a draft’s preview', async () => {
    const c = await startTestConsole({ accounts: { 起草人: '填报', 查阅人: '查阅' } });
    try {
      const ids = await knownIds(path.join(c.dir, 'roster.json'), { ROSTER_USER: 'test-clerk' });
      const drafter = new ApiClient(c.url);
      await drafter.login('起草人');
      const draft = await drafter.request('POST', '/api/drafts', { body: ACCEPTED });
      expect(draft.status, draft.text).toBe(201);
      const reader = new ApiClient(c.url);
      await reader.login('查阅人');
      const pages = [
        '/',
        '/checks?all=1',
        '/deputies',
        ...Object.values(PERSONS).map((id) => `/persons/${id}`),
        '/history',
        '/history/diff?from=15&to=19',
        '/sessions',
        '/sessions/19',
        '/drafts',
        `/drafts/${draft.json().id}`,
      ];
      const found: string[] = [];
      for (const url of pages) {
        const r = await reader.request('GET', url);
        expect(r.status, url).toBe(200);
        for (const hit of identifiersIn(pageText(r.text), ids)) found.push(`${url}: ${hit}`);
      }
      expect(found).toEqual([]);
      // The ids are still there for whoever hovers: a finding's rule on a person's page.
      expect((await reader.request('GET', '/persons/huang-liqin')).text).toContain('title="termination.resignation-accepted"');
    } finally {
      await c.close();
    }
  }, 120_000);

  it('the sweep sees what it guards against: ids in a line are found, the allowed ASCII is not', () => {
    const ids = ['termination.transferred-out', 'DeputyDied'];
    expect(identifiersIn('（规则 termination.transferred-out；依据 代表法）', ids)).toHaveLength(1);
    expect(identifiersIn('第111条事件（DeputyDied）发生在黄利琴的代表资格终止之后', ids)).toHaveLength(1);
    expect(identifiersIn('[提示] 未列明宣誓人员（oath-names-not-recorded）', ids)).toHaveLength(1);
    expect(identifiersIn('  · fang-qin：应当进行宪法宣誓', ids)).toHaveLength(1);
    expect(
      identifiersIn(
        [
          '黄利琴（编号 huang-liqin）',
          '    - 代表法（2015年修正）第四十九条第（一）项 [V]（2015年8月29日至今）  rules/deputy-status/transferred-out.json',
          '数据文件：/tmp/roster-words-x/roster.json',
          '依惯例（法律简报 C1，npcxj.com）〔核实程度 S〕',
          '可运行 roster verify --rebuild-head 按数据文件重建头部；请用 --db 指定',
          '最后一条的哈希：4327aaac6078762cc62859cec7f57a5cf51ca8b2777281e2cd299ab93c689fd7',
          '#9 人员登记：《说明》；deputy-roster 初始数据 记录于 2026-11-28 11:30（北京时间）',
        ].join('\n'),
        ids,
      ),
    ).toEqual([]);
  });
});
