/**
 * The hostile-input corpus: every input here must be refused with a non-zero exit, a Chinese message
 * that says why (the `expect` pattern), no stack trace, and the record byte for byte as it was.
 * Read it as a table: a family of inputs per row of the issue (malformed JSON, encodings, wrong types,
 * huge and unicode values, dates, numbers, facts that contradict the record, data files, rosters,
 * command lines, rule files), each input generated from a line or two.
 */
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chainRecords } from '../../src/store/chain.js';
import { SEED_DATA } from '../support/scenario.js';
import { workbookWithLongName, zipBomb } from '../support/zip-bomb.js';
import { type Workspace, write } from './workspace.js';

export interface Hostile {
  /** Short and unique: the family and the case. */
  readonly id: string;
  /** What is wrong, in a sentence. */
  readonly what: string;
  /** Writes the input into the workspace and gives the command line (after `roster`). */
  readonly setup: (ws: Workspace) => string[] | Promise<string[]>;
  /** What the clerk is told (matched against stderr and stdout). */
  readonly expect: RegExp;
  /** The exit code, where it is not 1 (2 for a bad command line). */
  readonly code?: number;
}

const corpus: Hostile[] = [];
const add = (h: Hostile) => corpus.push(h);

// ---------------------------------------------------------------- helpers and base events

const text = (value: unknown) => (typeof value === 'string' || value instanceof Uint8Array ? value : JSON.stringify(value));

/** `roster record FILE` with this content. */
function record(id: string, what: string, content: unknown, expect: RegExp) {
  add({ id: `record/${id}`, what, expect, setup: (ws) => ['--db', ws.db, 'record', write(ws.input('events.json'), text(content))] });
}

/** `roster import FILE` into a fresh data file. */
function importing(id: string, what: string, content: unknown | ((ws: Workspace) => unknown), expect: RegExp, into?: 'the record') {
  add({
    id: `import/${id}`,
    what,
    expect,
    setup: (ws) => {
      const value = typeof content === 'function' ? (content as (w: Workspace) => unknown)(ws) : content;
      return ['--db', into ? ws.db : ws.fresh, 'import', write(ws.input('data.json'), text(value))];
    },
  });
}

/** `roster import-roster FILE` against the embedded record. */
function roster(
  id: string,
  what: string,
  name: string,
  content: string | Uint8Array | (() => string | Uint8Array),
  expect: RegExp,
  extra: string[] = [],
) {
  add({
    id: `import-roster/${id}`,
    what,
    expect,
    setup: (ws) => ['--db', ws.db, 'import-roster', write(ws.input(name), typeof content === 'function' ? content() : content), ...extra],
  });
}

/** A command line with nothing else wrong. */
function cli(id: string, what: string, args: (ws: Workspace) => string[], expect: RegExp, code = 2) {
  add({ id: `cli/${id}`, what, expect, code, setup: args });
}

/** A rule file broken in a copy of rules/, then `headcount` (which loads every rule). */
function rule(id: string, what: string, edit: (rules: string) => void, expect: RegExp) {
  add({
    id: `rules/${id}`,
    what,
    expect,
    setup: (ws) => {
      edit(ws.rules());
      return ['--db', ws.db, '--rules', ws.rules(), 'headcount'];
    },
  });
}

const source = { title: '测试文件', date: '2024-08-01' };
/** A valid death of 方勤 (by-elected at the 19th session): each case breaks one thing in it. */
const DEATH = { type: 'DeputyDied', source, personId: 'fang-qin', date: '2024-08-01' };
/** A valid registration: each case breaks one thing in it. */
const PERSON = { type: 'PersonRegistered', source: { title: '测试文件' }, personId: 'p-new', name: '新代表' };
const U = (cp: number) => String.fromCodePoint(cp);
const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');
const nextYear = `${new Date().getUTCFullYear() + 1}-06-01`;

// ---------------------------------------------------------------- malformed JSON

const syntax: [string, string][] = [
  ['truncated', '{"type": "DeputyDied", "personId": '],
  ['trailing-comma-object', '{"type": "DeputyDied",}'],
  ['trailing-comma-array', `[${JSON.stringify(DEATH)},]`],
  ['line-comment', `// 方勤\n${JSON.stringify(DEATH)}`],
  ['block-comment', `/* 方勤 */${JSON.stringify(DEATH)}`],
  ['single-quotes', "{'type': 'DeputyDied'}"],
  ['unquoted-key', '{type: "DeputyDied"}'],
  ['nan', '{"type": "AbsentWithoutLeave", "congressSession": NaN}'],
  ['infinity', '{"type": "AbsentWithoutLeave", "congressSession": Infinity}'],
  ['undefined', '{"type": undefined}'],
  ['empty', ''],
  ['whitespace-only', ' \n\t\r\n '],
  ['bom-only', '\uFEFF'],
  ['open-bracket', '['],
  ['extra-brace', '{}}'],
  ['two-values', `${JSON.stringify(DEATH)}\n${JSON.stringify(DEATH)}`],
  ['raw-newline-in-string', '{"type": "DeputyDied", "personId": "fang\nqin"}'],
  ['raw-tab-in-string', '{"type": "DeputyDied", "personId": "fang\tqin"}'],
  ['bad-escape', '{"type": "Deputy\\xDied"}'],
  ['bad-unicode-escape', '{"type": "\\uZZZZ"}'],
  ['leading-zero', '{"type": "AbsentWithoutLeave", "congressSession": 01}'],
  ['hex-number', '{"type": "AbsentWithoutLeave", "congressSession": 0x10}'],
  ['plus-number', '{"type": "AbsentWithoutLeave", "congressSession": +1}'],
  ['missing-colon', '{"type" "DeputyDied"}'],
  ['missing-comma', '{"type": "DeputyDied" "personId": "fang-qin"}'],
  ['jsonl-not-array', `${JSON.stringify(DEATH)}\n${JSON.stringify(PERSON)}\n`],
  ['crlf-truncated', '{\r\n  "type": "DeputyDied",\r\n'],
];
for (const [id, content] of syntax)
  record(`syntax-${id}`, `an events file that is not JSON (${id})`, content, /不是有效的 JSON|文件是空的|第\d+行第\d+列/);

record(
  'duplicate-key',
  'a key given twice in one event (which personId?)',
  '{"type": "DeputyDied", "source": {"title": "x"}, "personId": "fang-qin", "personId": "zhu-peinan"}',
  /字段“personId”出现了两次/,
);
record(
  'duplicate-key-nested',
  'a key given twice inside the source',
  '{"type": "DeputyDied", "source": {"title": "x", "title": "y"}, "personId": "fang-qin"}',
  /字段“title”出现了两次/,
);
record(
  'duplicate-key-case',
  'a duplicated "type" key',
  '[{"type": "PersonRegistered", "type": "DeputyDied", "source": {"title": "x"}, "personId": "fang-qin"}]',
  /字段“type”出现了两次/,
);
const nest = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
record('nesting-65', 'arrays nested 65 deep', nest(65), /嵌套超过64层/);
record('nesting-100000', 'arrays nested 100,000 deep', nest(100_000), /嵌套超过64层/);
record(
  'nesting-objects',
  'objects nested 1,000 deep in a note',
  `{"type":"DeputyDied","note":${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}}`,
  /嵌套超过64层/,
);

// ---------------------------------------------------------------- encodings and binary files

/** The GB18030 bytes of a text of common characters (张三 = D5C5 C8FD), as Notepad's "ANSI" writes it. */
function gbBytes(s: string): Uint8Array {
  const table: Record<string, number[]> = { 张: [0xd5, 0xc5], 三: [0xc8, 0xfd], 测: [0xb2, 0xe2], 试: [0xca, 0xd4] };
  return new Uint8Array([...s].flatMap((c) => table[c] ?? [...Buffer.from(c)]));
}
const utf16 = (s: string, be = false) => {
  const le = Buffer.from(`\uFEFF${s}`, 'utf16le');
  return be ? Buffer.from(le).swap16() : le;
};
const encodings: [string, Uint8Array, RegExp][] = [
  ['gb18030', gbBytes(`{"type":"PersonRegistered","source":{"title":"测试"},"personId":"z","name":"张三"}`), /不是 UTF-8 编码.*GB18030/],
  ['gbk-in-array', gbBytes(`[{"type":"PersonRegistered","source":{"title":"测试"},"personId":"z","name":"张三"}]`), /GB18030\/GBK/],
  ['utf16le', utf16(JSON.stringify(PERSON)), /UTF-16/],
  ['utf16be', utf16(JSON.stringify(PERSON), true), /UTF-16/],
  ['latin1', Buffer.from('{"type":"PersonRegistered","name":"Jos\xe9"}', 'latin1'), /不是 UTF-8 编码/],
  ['truncated-utf8', Buffer.concat([Buffer.from('{"name":"'), Buffer.from('张').subarray(0, 2), Buffer.from('"}')]), /不是 UTF-8 编码/],
  ['overlong-utf8', Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]), /不是 UTF-8 编码/],
  ['utf8-surrogate', Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), /不是 UTF-8 编码/],
  ['nul-bytes', Buffer.from('{"type":"Deputy\u0000Died"}'), /不是有效的 JSON/],
  ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /不是 UTF-8 编码|不是有效的 JSON/],
  ['zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]), /不是有效的 JSON|不是 UTF-8/],
  ['pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), /不是有效的 JSON|不是 UTF-8/],
  ['random-bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)), /不是 UTF-8 编码|不是有效的 JSON/],
];
for (const [id, bytes, expect] of encodings)
  record(`encoding-${id}`, `an events file in the wrong encoding or not text (${id})`, bytes, expect);

// ---------------------------------------------------------------- shapes and wrong types

const shapes: [string, unknown, RegExp][] = [
  ['empty-array', [], /文件中没有事件/],
  ['empty-object', {}, /\$\.type/],
  ['null', null, /无效输入|期望/],
  ['number', 1, /无效输入|期望/],
  ['string', '"DeputyDied"', /无效输入|期望/],
  ['boolean', true, /无效输入|期望/],
  ['array-of-arrays', [[DEATH]], /\$\[0\]/],
  ['array-of-null', [null], /\$\[0\]/],
  ['second-event-bad', [DEATH, { ...DEATH, personId: 7 }], /\$\[1\]\.personId/],
];
for (const [id, content, expect] of shapes) record(`shape-${id}`, `an events file of the wrong shape (${id})`, content, expect);

const fieldValues: Record<string, [string, unknown][]> = {
  personId: [
    ['null', null],
    ['number', 1],
    ['array', []],
    ['object', {}],
    ['empty', ''],
    ['blank', '   '],
    ['space-inside', 'fang qin'],
    ['too-long', 'x'.repeat(101)],
    ['zero-width', 'fang\u200bqin'],
    ['nul', 'fang\u0000qin'],
    ['boolean', true],
  ],
  date: [
    ['null', null],
    ['number', 20240801],
    ['empty', ''],
    ['no-padding', '2024-8-1'],
    ['compact', '20240801'],
    ['feb-30', '2024-02-30'],
    ['month-13', '2024-13-01'],
    ['slashes', '2024/08/01'],
    ['word', 'yesterday'],
    ['year-zero', '0000-01-01'],
    ['before-1949', '1949-09-30'],
    ['far-future', '9999-12-31'],
    ['next-year', nextYear],
    ['expanded-year', '+002024-08-01'],
    ['timestamp', '2024-08-01T00:00:00Z'],
    ['month-only', '2024-08'],
  ],
  type: [
    ['null', null],
    ['number', 1],
    ['empty', ''],
    ['lower-case', 'deputydied'],
    ['unknown', 'DeputyPromoted'],
    ['proto', '__proto__'],
    ['constructor', 'constructor'],
  ],
  source: [
    ['null', null],
    ['string', '测试文件'],
    ['empty', {}],
    ['empty-title', { title: '' }],
    ['extra-key', { title: '测试文件', url: 'x' }],
    ['future-date', { title: '测试文件', date: '2099-01-01' }],
    ['negative-session', { title: '测试文件', session: -1 }],
    ['fractional-session', { title: '测试文件', session: 1.5 }],
    ['huge-title', { title: '报'.repeat(10_001) }],
    ['control-title', { title: '测试\u0007文件' }],
  ],
};
for (const [field, values] of Object.entries(fieldValues)) {
  for (const [id, value] of values) {
    record(`field-${field}-${id}`, `a death whose ${field} is ${id}`, { ...DEATH, [field]: value }, new RegExp(`\\$\\.${field}`));
  }
}
const extras: [string, string][] = [
  ['proto-key', '"__proto__": {"personId": "zhu-peinan"}'],
  ['constructor-key', '"constructor": 1'],
  ['seq', '"seq": 5'],
  ['recordedBy', '"recordedBy": "someone"'],
  ['hash', '"hash": "00"'],
  ['unknown', '"urgency": "high"'],
];
for (const [id, extra] of extras) {
  const json = JSON.stringify(DEATH).replace(/^\{/, `{${extra},`);
  record(`extra-${id}`, `a death with an unknown key (${id})`, json, /未知的键|unrecognized|键/);
}

// ---------------------------------------------------------------- names: control, invisible, bidi, length

const unsafe = [
  ...Array.from({ length: 32 }, (_, cp) => cp),
  0x7f,
  0x80,
  0x85,
  0x9b,
  0x9f,
  0x061c,
  0x200e,
  0x200f,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
  0x200b,
  0x200c,
  0x200d,
  0x2060,
  0xfeff,
  0x00ad,
  0x180e,
  0x2028,
  0x2029,
  0xfffe,
  0xffff,
  0xfffd,
  0xfdd0,
];
for (const cp of unsafe) {
  record(`name-U+${hex(cp)}`, `a name carrying U+${hex(cp)}`, { ...PERSON, name: `新${U(cp)}代表` }, /\$\.name：含有/);
}
record(
  'name-lone-high-surrogate',
  'a name with a lone high surrogate (\\ud800)',
  '{"type":"PersonRegistered","source":{"title":"x"},"personId":"p","name":"新\\ud800代表"}',
  /不成对的代理码元/,
);
record(
  'name-lone-low-surrogate',
  'a name with a lone low surrogate (\\udc00)',
  '{"type":"PersonRegistered","source":{"title":"x"},"personId":"p","name":"新\\udc00代表"}',
  /不成对的代理码元/,
);
record('name-ansi-colour', 'a name that recolours the terminal', { ...PERSON, name: '\u001b[31m红\u001b[0m' }, /终端控制字符 ESC/);
record('name-ansi-clear-screen', 'a name that clears the screen', { ...PERSON, name: '\u001b[2J\u001b[H清屏' }, /终端控制字符 ESC/);
record('name-osc-title', 'a name that sets the terminal title', { ...PERSON, name: '\u001b]0;pwned\u0007' }, /终端控制字符 ESC/);
record('name-101', 'a name of 101 characters', { ...PERSON, name: '名'.repeat(101) }, /名称过长（101个字符）/);
record('name-5-million', 'a name of five million characters', { ...PERSON, name: '名'.repeat(5_000_000) }, /名称过长（5,000,000个字符）/);
record('name-empty', 'an empty name', { ...PERSON, name: '' }, /\$\.name/);
record(
  'organ-name-bidi',
  'an organ name with a right-to-left override',
  { type: 'OrganRegistered', source: { title: 'x' }, organId: 'o-x', name: '某\u202e会员委', kind: 'working-body' },
  /改变文字方向的控制字符/,
);
record(
  'unit-zero-width',
  'an electing unit with a zero-width space',
  { type: 'DeputyElected', source, personId: 'fang-qin', electingUnit: '鄞州\u200b区', kind: 'by-election', date: '2024-08-01' },
  /\$\.electingUnit：含有不可见字符/,
);
record('note-10001', 'a note of 10,001 characters', { ...DEATH, note: '备'.repeat(10_001) }, /文字过长（10,001个字符）/);
add({
  id: 'record/note-50MB',
  what: 'a note of 50 MB (52,428,800 characters)',
  expect: /文字过长（52,428,800个字符）/,
  setup: (ws) => [
    '--db',
    ws.db,
    'record',
    write(ws.input('events.json'), JSON.stringify({ ...DEATH, note: 'x'.repeat(50 * 1024 * 1024) })),
  ],
});
record('note-bell', 'a note that rings the terminal bell', { ...DEATH, note: '备注\u0007' }, /控制字符（U\+0007）/);
record(
  'note-lone-cr',
  'a note with a lone carriage return (overwrites the line on a terminal)',
  { ...DEATH, note: '已核实\r未核实' },
  /回车符/,
);
record(
  'circumstances-bidi',
  'circumstances with a bidi isolate',
  { type: 'DeputyTransferredOut', source, personId: 'fang-qin', movement: 'transferred', circumstances: '调离\u2066宁波\u2069' },
  /改变文字方向/,
);
record(
  'id-list-invisible',
  'a personIds list with an invisible character',
  { type: 'TerminationsAnnounced', source, date: '2024-08-01', personIds: ['zhu\u2060-huan'] },
  /\$\.personIds\[0\]：含有不可见字符/,
);
add({
  id: 'record/file-over-64MiB',
  what: 'an events file over 64 MiB is refused before it is read',
  expect: /文件过大/,
  setup: (ws) => {
    const file = ws.input('events.json');
    writeFileSync(file, Buffer.alloc(65 * 1024 * 1024, 0x20));
    return ['--db', ws.db, 'record', file];
  },
});

// ---------------------------------------------------------------- numbers

const numbers: [string, unknown, RegExp][] = [
  ['zero', 0, /congressSession/],
  ['negative', -1, /congressSession/],
  ['fraction', 1.5, /congressSession/],
  ['over-100000', 100_001, /数值 100001 过大/],
  ['2^53', 2 ** 53, /congressSession/],
  ['1e308', 1e308, /congressSession/],
  ['string', '1', /congressSession/],
];
for (const [id, value, expect] of numbers) {
  record(
    `number-session-${id}`,
    `an absence from congress session ${id}`,
    { type: 'AbsentWithoutLeave', source, personId: 'fang-qin', date: '2024-08-01', congressSession: value },
    expect,
  );
}
record(
  'number-1e400',
  'a number that JSON reads as Infinity',
  '{"type":"AbsentWithoutLeave","source":{"title":"x"},"personId":"fang-qin","congressSession":1e400}',
  /congressSession/,
);
record(
  'number-negative-count',
  'an opening balance of -1 deputies',
  { type: 'OpeningBalanceStated', source, date: '2024-08-01', count: -1 },
  /\$\.count/,
);
record(
  'number-huge-quota',
  'a congress of a billion seats',
  {
    type: 'CongressConstituted',
    source,
    congress: { name: '某', shortName: '某', termNumber: 1, level: 'county', region: '某', quota: 1e9, electingUnits: [{ name: '甲' }] },
  },
  /数值 1000000000 过大/,
);

// ---------------------------------------------------------------- dates

record('date-birth-1800', 'a birth date in 1800', { ...PERSON, birthDate: '1800-01' }, /出生日期 1800-01 早于 1850-01-01/);
record('date-birth-future', 'a birth date next year', { ...PERSON, birthDate: nextYear }, /晚于今天/);
record(
  'date-session-0000',
  'a session dated 0000-01-01',
  { type: 'SessionHeld', source: { title: 'x' }, session: 20, date: '0000-01-01' },
  /早于 1949-10-01/,
);
record(
  'date-session-end-far',
  'a session ending in 9999',
  { type: 'SessionHeld', source: { title: 'x' }, session: 20, date: '2024-09-01', endDate: '9999-12-31' },
  /\$\.endDate：日期 9999-12-31 晚于/,
);
record(
  'date-since-future',
  'a post held since 2099',
  { type: 'PostHeld', source: { title: 'x' }, personId: 'fang-qin', post: { organId: 'x', title: 'y' }, since: '2099-01-01' },
  /\$\.since：日期 2099-01-01 晚于今天/,
);
record(
  'date-roster-confirmed-0001',
  'a roster member confirmed in year 1',
  {
    type: 'RosterLoaded',
    source,
    session: 15,
    date: '2024-01',
    members: [{ personId: 'zhu-huan', electingUnit: '江北区', confirmedOn: '0001-01-01' }],
  },
  /confirmedOn：日期 0001-01-01 早于/,
);
record(
  'date-correction-replacement',
  'a correction whose replacement is dated 9999',
  {
    type: 'EventCorrected',
    source,
    supersedes: 13,
    reason: '日期',
    replacement: { type: 'DeputyTransferredOut', source, personId: 'zhu-huan', movement: 'transferred', date: '9999-12-31' },
  },
  /\$\.replacement\.date/,
);

// ---------------------------------------------------------------- facts that contradict the record

const byElections = Array.from({ length: 17 }, (_, i) => [
  { type: 'PersonRegistered', source: { title: '测试文件' }, personId: `by-${i}`, name: `补选代表${i}` },
  { type: 'DeputyElected', source, personId: `by-${i}`, electingUnit: '鄞州区', kind: 'by-election', date: '2024-08-01' },
]).flat();
const contradictions: [string, string, unknown, RegExp][] = [
  ['unknown-person', 'a death of a person never registered', { ...DEATH, personId: 'nobody' }, /所指人员“nobody”未登记/],
  ['proto-person', 'a death of "__proto__", never registered', { ...DEATH, personId: '__proto__' }, /所指人员“__proto__”未登记/],
  [
    'constructor-person',
    'a death of "constructor", never registered',
    { ...DEATH, personId: 'constructor' },
    /所指人员“constructor”未登记/,
  ],
  [
    'after-end',
    'a resignation of a deputy already transferred out',
    { type: 'DeputyResignationAccepted', source, personId: 'zhu-huan', date: '2024-08-01' },
    /代表资格终止（或当选无效）之后/,
  ],
  ['died-twice', 'a deputy dying twice', [DEATH, { ...DEATH, date: '2024-08-02' }], /代表资格终止（或当选无效）之后/],
  [
    'absence-twice',
    'the same 未经批准不出席 twice',
    [1, 2].map((d) => ({ type: 'AbsentWithoutLeave', source, personId: 'fang-qin', date: `2024-08-0${d}`, congressSession: 3 })),
    /同一次会议不能记两次/,
  ],
  [
    'confirmed-twice',
    'a deputy confirmed twice',
    { type: 'QualificationReviewed', source, personId: 'fang-qin', date: '2024-08-01', result: 'valid' },
    /不能再次审查/,
  ],
  [
    'void-after-valid',
    'an election voided after it was confirmed',
    { type: 'QualificationReviewed', source, personId: 'fang-qin', date: '2024-08-01', result: 'void', voidGround: 'procedure' },
    /不能再次审查/,
  ],
  ['by-election-past-quota', 'seventeen by-elections into eleven... sixteen vacancies', byElections, /没有缺额可以补选补选代表16/],
  [
    'death-before-election',
    'a death dated before the deputy’s election',
    { ...DEATH, date: '2020-01-01' },
    /早于此前第\d+条事件所记的代表资格变动/,
  ],
  [
    'transfer-before-election',
    'a transfer dated before the deputy’s election',
    { type: 'DeputyTransferredOut', source, personId: 'zhu-peinan', movement: 'transferred', date: '2024-01-01' },
    /早于此前/,
  ],
  [
    'before-birth',
    'an election dated before the person was born',
    [
      { ...PERSON, birthDate: '2000-01' },
      { type: 'DeputyElected', source, personId: 'p-new', electingUnit: '鄞州区', kind: 'by-election', date: '1999-01-01' },
    ],
    /早于新代表的出生日期/,
  ],
  ['registered-twice', 'a person registered twice', { ...PERSON, personId: 'fang-qin' }, /被重复登记/],
  [
    'session-twice',
    'the 19th session recorded again',
    { type: 'SessionHeld', source: { title: 'x' }, session: 19, date: '2024-07-30' },
    /被重复记录/,
  ],
  [
    'congress-twice',
    'the congress constituted again',
    {
      type: 'CongressConstituted',
      source,
      congress: { name: '某', shortName: '某', termNumber: 1, level: 'county', region: '某', quota: 10, electingUnits: [{ name: '甲' }] },
    },
    /被重复记录/,
  ],
  [
    'roster-without-balance',
    'a roster for a session with no balance',
    { type: 'RosterLoaded', source, session: 19, date: '2024-07-31', members: [{ personId: 'fang-qin', electingUnit: '鄞州区' }] },
    /没有记录实有代表人数|已有代表资格/,
  ],
  [
    'correct-missing',
    'a correction of an event that does not exist',
    { type: 'EventCorrected', source, supersedes: 999, reason: '更正' },
    /第999条事件不存在/,
  ],
  ['correct-correction', 'a correction of a correction', { type: 'EventCorrected', source, supersedes: 110, reason: '更正' }, /本身是更正/],
  [
    'suspend-without-mandate',
    'a suspension of a person with no mandate',
    { type: 'DeputySuspended', source, personId: 'cao-jingzhi', date: '2024-08-01', ground: 'criminal-custody' },
    /没有代表资格记录/,
  ],
  [
    'elected-unknown-person',
    'an election of an unregistered person',
    { type: 'DeputyElected', source, personId: 'ghost', electingUnit: '鄞州区', kind: 'by-election', date: '2024-08-01' },
    /未登记/,
  ],
];
for (const [id, what, content, expect] of contradictions) record(`fact-${id}`, what, content, expect);

// ---------------------------------------------------------------- data files for `roster import`

const seed = () => JSON.parse(readFileSync(SEED_DATA, 'utf8')) as { events: Record<string, unknown>[]; [k: string]: unknown };
/** The seed as a version 1 data file with one event changed (by seq). */
const seedWith = (seq: number, change: Record<string, unknown>) => {
  const s = seed();
  s.events[seq - 1] = { ...s.events[seq - 1], ...change };
  return s;
};
/** The seed with events appended after its last (stamped and numbered on). */
const seedPlus = (...events: Record<string, unknown>[]) => {
  const s = seed();
  for (const e of events) s.events.push({ ...e, seq: s.events.length + 1, recordedAt: '2026-01-01T00:00:00Z', recordedBy: '测试' });
  return s;
};
/** The seed as version 2 (hashes), as `roster export` writes it. */
const chained = () => ({ format: 'deputy-roster', schemaVersion: 2, events: chainRecords(seed().events) });
const imports: [string, string, unknown, RegExp][] = [
  [
    'session-0000',
    'a session dated 0000-01-01',
    seedWith(2, { date: '0000-01-01' }),
    /\$\.events\[1\]\.date：日期 0000-01-01 早于 1949-10-01/,
  ],
  ['death-9999', 'a death dated 9999-12-31', seedPlus(DEATH, { ...DEATH, date: '9999-12-31' }), /日期 9999-12-31 晚于今天/],
  ['death-next-year', 'a death dated next year', seedPlus({ ...DEATH, date: nextYear }), /晚于今天/],
  ['death-before-election', 'a death dated before the election', seedPlus({ ...DEATH, date: '2020-01-01' }), /早于此前第\d+条事件/],
  [
    'confirmed-twice',
    'a deputy confirmed twice',
    seedPlus({ type: 'QualificationReviewed', source, personId: 'fang-qin', date: '2024-08-01', result: 'valid' }),
    /不能再次审查/,
  ],
  [
    'absence-twice',
    'an absence recorded twice',
    seedPlus(
      ...[1, 2].map((d) => ({ type: 'AbsentWithoutLeave', source, personId: 'fang-qin', date: `2024-08-0${d}`, congressSession: 2 })),
    ),
    /同一次会议不能记两次/,
  ],
  ['by-election-past-quota', 'by-elections past the quota', seedPlus(...byElections), /没有缺额可以补选/],
  [
    'after-end',
    'a resignation after a transfer',
    seedPlus({ type: 'DeputyResignationAccepted', source, personId: 'zhu-huan', date: '2024-08-01' }),
    /之后/,
  ],
  ['unknown-person', 'an event about nobody', seedPlus({ ...DEATH, personId: 'nobody' }), /未登记/],
  ['control-name', 'a name with an escape sequence', seedWith(3, { name: '\u001b[31m朱欢' }), /\$\.events\[2\]\.name：含有终端控制字符/],
  ['zero-width-name', 'a name with a zero-width space', seedWith(3, { name: '朱\u200b欢' }), /不可见字符/],
  ['long-name', 'a name of 1,000 characters', seedWith(3, { name: '朱'.repeat(1000) }), /名称过长/],
  ['long-note', 'a note of 20,000 characters', seedWith(3, { note: '备'.repeat(20_000) }), /文字过长/],
  ['recorder-control', 'a recorder name with a control character', seedWith(3, { recordedBy: 'clerk\u0008' }), /recordedBy：含有控制字符/],
  [
    'proto-person-id',
    'a person registered as "__proto__" then found twice',
    seedPlus({ ...PERSON, personId: '__proto__' }, { ...PERSON, personId: '__proto__', name: '又一人' }),
    /被重复登记/,
  ],
  [
    'events-not-array',
    'events that are not an array',
    { format: 'deputy-roster', schemaVersion: 1, events: {} },
    /\$\.events：应为事件数组/,
  ],
  ['newer-version', 'a file of schema version 99', { format: 'deputy-roster', schemaVersion: 99, events: [] }, /格式版本为 99/],
  ['wrong-format', 'a file of another program', { format: 'other', schemaVersion: 1, events: [] }, /不是 deputy-roster 数据文件/],
  ['seq-gap', 'a gap in the sequence numbers', seedWith(5, { seq: 50 }), /第5条事件缺失/],
  ['seq-string', 'a sequence number that is a string', seedWith(5, { seq: '5' }), /哈希链校验失败|\$\.events\[4\]\.seq/],
  ['seq-negative', 'a negative sequence number', seedWith(1, { seq: -1 }), /哈希链校验失败|\$\.events\[0\]\.seq/],
  [
    'not-object',
    'an event that is a string',
    (() => {
      const s = seed();
      s.events[3] = 'PersonRegistered' as unknown as Record<string, unknown>;
      return s;
    })(),
    /哈希链校验失败|应为事件对象/,
  ],
  ['empty', 'an empty file', '', /文件是空的/],
  ['not-json', 'a file that is not JSON', '{"format": "deputy-roster",', /不是有效的 JSON/],
  ['top-level-array', 'an array instead of a data file', [], /不是 deputy-roster 数据文件/],
];
for (const [id, what, content, expect] of imports) importing(id, what, content, expect);
importing(
  'tampered-hash',
  'a version 2 file whose 8th event was edited after hashing',
  () => {
    const c = chained();
    (c.events[7] as Record<string, unknown>).name = '改过的名字';
    return c;
  },
  /哈希链校验失败：第8条事件的内容与记录时的哈希不符/,
);
importing(
  'removed-event',
  'a version 2 file with an event removed',
  () => {
    const c = chained();
    c.events.splice(20, 1);
    return c;
  },
  /哈希链校验失败/,
);
importing(
  'duplicate-key',
  'a data file with a key given twice',
  () => JSON.stringify(seed(), null, 2).replace('"personId": "zhu-huan",', '"personId": "zhu-huan",\n      "personId": "xu-weibin",'),
  /字段“personId”出现了两次/,
);
importing(
  'gb18030',
  'a data file saved as GB18030',
  gbBytes('{"format":"deputy-roster","schemaVersion":1,"events":[{"name":"张三"}]}'),
  /GB18030/,
);
importing('utf16', 'a data file saved as UTF-16', utf16(JSON.stringify(seed())), /UTF-16/);
importing(
  'log-broken-line',
  'a log-layout file with a broken line',
  `${JSON.stringify({ format: 'deputy-roster', schemaVersion: 2, layout: 'log' })}\n{"seq": 1,\n`,
  /第2行第\d+列/,
);
importing(
  'log-duplicate-key',
  'a log-layout file with a key twice on a line',
  `${JSON.stringify({ format: 'deputy-roster', schemaVersion: 2, layout: 'log' })}\n{"seq":1,"seq":2}\n`,
  /字段“seq”出现了两次/,
);
importing('into-the-record', 'an import into a record that already has events', seed(), /目标数据文件已有\d+条记录/, 'the record');
importing('binary', 'a binary file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00]), /不是 UTF-8|不是有效的 JSON/);

// ---------------------------------------------------------------- rosters for `roster import-roster`

const csv = (rows: string[][]) => `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
const HEAD = ['序号', '姓名', '选举单位', '出生年月', '性别', '代表状态', '人员编号', '备注'];
const row = (over: Partial<Record<(typeof HEAD)[number], string>> = {}) =>
  HEAD.map(
    (h) =>
      over[h] ?? { 序号: '1', 姓名: '张三', 选举单位: '江北区', 出生年月: '', 性别: '', 代表状态: '', 人员编号: '', 备注: '' }[h] ?? '',
  );
const rosterCases: [string, string, Partial<Record<string, string>>, RegExp][] = [
  ['name-control', 'a name with a control character', { 姓名: '张\u0007三' }, /B列（姓名）：姓名含有控制字符/],
  ['name-escape', 'a name that recolours the terminal', { 姓名: '\u001b[31m张三' }, /姓名含有终端控制字符 ESC/],
  ['name-101', 'a name of 101 characters', { 姓名: '张'.repeat(101) }, /姓名名称过长/],
  ['name-bidi', 'a name with a right-to-left override', { 姓名: '张\u202e三' }, /./],
  ['unit-unknown', 'an electing unit the congress does not have', { 选举单位: '火星区' }, /不是本届的选举单位/],
  ['birth-bad', 'a birth date that is not a date', { 出生年月: '1970.13' }, /出生年月/],
  ['gender-constructor', 'a gender spelled "constructor"', { 性别: 'constructor' }, /性别“constructor”无法识别/],
  ['status-proto', 'a status spelled "__proto__"', { 代表状态: '__proto__' }, /代表状态“__proto__”无法识别/],
  ['status-tostring', 'a status spelled "toString"', { 代表状态: 'toString' }, /代表状态“toString”无法识别/],
  ['person-id-space', 'a personId with a space', { 人员编号: 'a b' }, /人员编号编号中不能有空格/],
  ['note-10001', 'a note of 10,001 characters', { 备注: '备'.repeat(10_001) }, /备注文字过长/],
  ['replacement-char', 'a cell holding U+FFFD from an earlier bad conversion', { 姓名: '张�' }, /替换字符/],
];
for (const [id, what, over, expect] of rosterCases) roster(id, what, 'roster.csv', csv([HEAD, row(over)]), expect);
roster(
  'gb18030-bad-bytes',
  'a GB18030 CSV with bytes GB18030 cannot read (某单位�)',
  'roster.csv',
  () => Buffer.concat([gbBytes('name,unit\r\n张三,某单位'), Buffer.from([0x80, 0xff]), Buffer.from('\r\n')]),
  /第2行 B列（unit）：选举单位含有替换字符/,
  ['--map', 'name=name', '--map', 'unit=electingUnit'],
);
roster('utf16', 'a roster saved as Unicode text (UTF-16)', 'roster.csv', () => utf16(csv([HEAD, row()])), /UTF-16/);
roster('binary', 'a binary file named .csv', 'roster.csv', Buffer.from([0x00, 0x01, 0x02, 0x03]), /二进制/);
roster('empty', 'an empty CSV', 'roster.csv', '', /姓名/);
roster('header-only', 'a CSV with headers and no deputies', 'roster.csv', csv([HEAD]), /表头以下没有代表名单/);
roster(
  'no-name-column',
  'a CSV without a 姓名 column',
  'roster.csv',
  csv([
    ['序号', '选举单位'],
    ['1', '江北区'],
  ]),
  /没有找到“姓名”表头/,
);
roster('no-unit-column', 'a CSV without a 选举单位 column', 'roster.csv', csv([['姓名'], ['张三']]), /没有找到“选举单位”列/);
roster('unbalanced-quote', 'a CSV whose quote never closes', 'roster.csv', `${HEAD.join(',')}\r\n1,"张三,江北区\r\n`, /CSV 格式有误/);
roster(
  'duplicate-column',
  'the 姓名 column twice',
  'roster.csv',
  csv([
    ['姓名', '选举单位', '姓名'],
    ['张三', '江北区', '李四'],
  ]),
  /出现在两列/,
);
roster(
  'too-many-rows',
  'a CSV of 100,030 rows',
  'roster.csv',
  () => `${HEAD.join(',')}\r\n${'1,张三,江北区,,,,,\r\n'.repeat(100_030)}`,
  /超过代表名册的上限100000行/,
);
roster('xlsx-text', 'a text file named .xlsx', 'roster.xlsx', '姓名,选举单位\n张三,江北区\n', /不是 Excel 工作簿/);
roster(
  'xlsx-xls',
  'an old .xls workbook',
  'roster.xlsx',
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
  /旧版 Excel 文件/,
);
roster(
  'xlsx-truncated',
  'a workbook cut short',
  'roster.xlsx',
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60, 7)]),
  /无法读取/,
);
roster(
  'xlsx-bomb-4GB',
  'a 4 MB .xlsx that inflates to 4 GB, saying so',
  'roster.xlsx',
  () => zipBomb(3800, true),
  /工作簿解压后超过 128 MiB/,
);
roster(
  'xlsx-bomb-lying',
  'a .xlsx that inflates to 1 GB while it says 1,000 bytes',
  'roster.xlsx',
  () => zipBomb(1024, false),
  /工作簿解压后超过 128 MiB/,
);
add({
  id: 'import-roster/xlsx-name-52M',
  what: 'a small .xlsx whose one name is 52 million characters',
  expect: /A列（姓名）：姓名名称过长（52,000,000个字符）/,
  setup: async (ws) => ['--db', ws.db, 'import-roster', write(ws.input('roster.xlsx'), await workbookWithLongName(52_000_000))],
});
roster('csv-with-sheet', '--sheet given for a CSV', 'roster.csv', csv([HEAD, row()]), /CSV 文件只有一张表/, ['--sheet', '名册']);
roster(
  'count-mismatch',
  'a roster of one deputy for a balance of 484',
  'roster.csv',
  csv([HEAD, row()]),
  /与记录中第15次会议确认的实有代表484名不一致/,
);
roster('duplicate-person', 'the same deputy listed twice', 'roster.csv', csv([HEAD, row(), row({ 序号: '2' })]), /重复|两次|同一/);

// ---------------------------------------------------------------- command lines

const clis: [string, string, (ws: Workspace) => string[], RegExp, number?][] = [
  ['unknown-command', 'an unknown command', (ws) => ['--db', ws.db, 'delete-everything'], /未知命令/],
  ['unknown-option', 'an unknown option', (ws) => ['--db', ws.db, 'headcount', '--sesion', '19'], /未知选项/],
  ['missing-argument', 'record without a file', (ws) => ['--db', ws.db, 'record'], /缺少参数/],
  ['too-many-arguments', 'explain with two names', (ws) => ['--db', ws.db, 'explain', '方勤', '黄利琴'], /参数过多/],
  ['session-negative', 'a negative session', (ws) => ['--db', ws.db, 'headcount', '--session', '-1'], /会议次数|缺少取值|未知选项/],
  ['session-word', 'a session that is a word', (ws) => ['--db', ws.db, 'headcount', '--session', 'nineteen'], /会议次数“nineteen”无效/],
  ['session-fraction', 'a fractional session', (ws) => ['--db', ws.db, 'cascade', '--session', '1.5'], /会议次数“1.5”无效/],
  ['session-huge', 'a session past the safe integers', (ws) => ['--db', ws.db, 'oaths', '--session', '99999999999999999999'], /会议次数/],
  ['date-invalid', 'a date that does not exist', (ws) => ['--db', ws.db, 'headcount', '--as-of', '2024-02-30'], /日期“2024-02-30”无效/],
  ['date-format', 'a date in the wrong format', (ws) => ['--db', ws.db, 'members', '--as-of', '2024/07/31'], /日期“2024\/07\/31”无效/],
  [
    'both-targets',
    '--session and --as-of together',
    (ws) => ['--db', ws.db, 'headcount', '--session', '19', '--as-of', '2024-07-31'],
    /不能同时使用/,
  ],
  [
    'export-format',
    'export-roster --format nope',
    (ws) => ['--db', ws.db, 'export-roster', '--format', 'nope'],
    /取值“nope”无效，可选：xlsx、csv、popolo/,
  ],
  ['export-xlsx-stdout', 'an xlsx export without -o', (ws) => ['--db', ws.db, 'export-roster', '--format', 'xlsx'], /须用 -o 指定输出文件/],
  ['doc-kind', 'an unknown document kind', (ws) => ['--db', ws.db, 'doc', 'memo', '--session', '19'], /未知的文书种类“memo”/],
  [
    'doc-format',
    'an unknown document format',
    (ws) => ['--db', ws.db, 'doc', 'report', '--session', '19', '--format', 'pdf'],
    /格式“pdf”无效/,
  ],
  [
    'doc-docx-stdout',
    'a docx without -o',
    (ws) => ['--db', ws.db, 'doc', 'report', '--session', '19', '--format', 'docx'],
    /请用 -o 指定输出文件/,
  ],
  ['doc-no-session', 'a document without --session', (ws) => ['--db', ws.db, 'doc', 'report'], /请用 --session/],
  [
    'doc-number',
    'a notice number that is not a number',
    (ws) => ['--db', ws.db, 'doc', 'notice', '--session', '19', '--number', 'x'],
    /公告编号“x”无效/,
  ],
  [
    'log-type',
    'log --type of an unknown event',
    (ws) => ['--db', ws.db, 'log', '--type', 'DeputyPromoted'],
    /事件类型“DeputyPromoted”无效/,
  ],
  ['log-since', 'log --since that is not a date', (ws) => ['--db', ws.db, 'log', '--since', 'last-week'], /日期“last-week”无效/],
  [
    'diff-target',
    'diff between a word and a session',
    (ws) => ['--db', ws.db, 'diff', '--from', 'start', '--to', '19'],
    /既不是会议次数也不是日期/,
  ],
  [
    'map-bad',
    'import-roster --map without a field',
    (ws) => ['--db', ws.db, 'import-roster', ws.input('none.csv'), '--map', '代表=姓名'],
    /--map “代表=姓名”无效/,
  ],
  [
    'session-not-recorded',
    'a session not in the record',
    (ws) => ['--db', ws.db, 'headcount', '--session', '99'],
    /记录中没有常委会第99次会议/,
    1,
  ],
  [
    'person-unknown',
    'explain of a person not in the record',
    (ws) => ['--db', ws.db, 'explain', '无此人'],
    /记录中没有姓名或编号为“无此人”的人员/,
    1,
  ],
  ['person-proto', 'history of "__proto__"', (ws) => ['--db', ws.db, 'history', '__proto__'], /记录中没有姓名或编号为“__proto__”的人员/, 1],
  [
    'person-escape',
    'explain of a name with an escape sequence',
    (ws) => ['--db', ws.db, 'explain', '\u001b[2J'],
    /记录中没有姓名或编号为“�\[2J”的人员/,
    1,
  ],
  ['db-folder', '--db pointing at a folder', (ws) => ['--db', path.dirname(ws.db), 'headcount'], /--db 指向的是一个文件夹/, 1],
  ['db-missing', '--db naming a file that does not exist', (ws) => ['--db', ws.fresh, 'headcount'], /数据文件不存在/, 1],
  [
    'rules-missing',
    '--rules naming a folder that does not exist',
    (ws) => ['--db', ws.db, '--rules', ws.input('no-rules'), 'headcount'],
    /规则|无法读取/,
    1,
  ],
  [
    'input-missing',
    'record of a file that does not exist',
    (ws) => ['--db', ws.db, 'record', ws.input('absent.json')],
    /无法读取文件：文件或文件夹不存在（ENOENT）/,
    1,
  ],
  [
    'input-folder',
    'record of a folder',
    (ws) => ['--db', ws.db, 'record', path.dirname(ws.input('x'))],
    /无法读取文件：这是一个文件夹，不是文件（EISDIR）/,
    1,
  ],
  [
    'output-folder',
    'doc -o into a folder',
    (ws) => ['--db', ws.db, 'doc', 'report', '--session', '19', '-o', path.dirname(ws.input('x'))],
    /无法写入输出文件：这是一个文件夹，请指定文件名；没有写入任何内容/,
    1,
  ],
  [
    'output-missing-folder',
    'export -o into a folder that does not exist',
    (ws) => ['--db', ws.db, 'export', '-o', ws.input('no/such/export.json')],
    /无法写入输出文件：目标文件夹不存在；没有写入任何内容/,
    1,
  ],
  [
    'output-dev-full',
    'export-roster -o /dev/full (disk full)',
    (ws) => ['--db', ws.db, 'export-roster', '--format', 'csv', '-o', '/dev/full'],
    /无法写入输出文件：磁盘已满/,
    1,
  ],
  [
    'db-lock-file',
    'a stray FILE.lock file (not a lock folder) left an hour ago beside the record',
    (ws) => {
      writeFileSync(`${ws.db}.lock`, '');
      const hourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(`${ws.db}.lock`, hourAgo, hourAgo);
      return ['--db', ws.db, 'record', write(ws.input('events.json'), JSON.stringify(PERSON))];
    },
    // Not a lock this program writes: never taken or removed by itself; the clerk is told to remove it (3: try again after).
    /锁文件 .* 的内容无法识别：若确认没有 roster 正在写入这个数据文件，请删除它后重试/,
    3,
  ],
];
for (const [id, what, args, expect, code] of clis) cli(id, what, args, expect, code);

// ---------------------------------------------------------------- broken rule files

const ruleFile = (rules: string, rel = 'deputy-status/died.json') => path.join(rules, rel);
const editJson = (file: string, edit: (v: Record<string, unknown>) => void) => {
  const v = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(v);
  writeFileSync(file, JSON.stringify(v, null, 2));
};
const deep = (n: number) => `${'{"not":'.repeat(n)}{"fact":"eventType","operator":"equal","value":"DeputyDied"}${'}'.repeat(n)}`;
const rules: [string, string, (r: string) => void, RegExp][] = [
  [
    'nesting-20000',
    'conditions nested 20,000 deep',
    (r) =>
      writeFileSync(
        ruleFile(r),
        readFileSync(ruleFile(r), 'utf8').replace(/"conditions":\s*\{/, `"conditions": {"all": [${deep(20_000)}], "x":`),
      ),
    /died\.json: 第\d+行第\d+列：嵌套超过48层，规则文件的条件不会嵌套这么深/,
  ],
  [
    'nesting-49',
    'conditions nested 49 deep',
    (r) =>
      editJson(ruleFile(r), (v) => {
        (v.rule as Record<string, unknown>).conditions = { all: [JSON.parse(deep(49))] };
      }),
    /嵌套超过48层/,
  ],
  [
    'not-json',
    'a rule file that is not JSON',
    (r) => writeFileSync(ruleFile(r), '{"id": "termination.died",'),
    /died\.json: 不是有效的 JSON：第1行第\d+列/,
  ],
  ['empty', 'an empty rule file', (r) => writeFileSync(ruleFile(r), ''), /died\.json: 文件是空的/],
  [
    'duplicate-key',
    'a rule with its id twice',
    (r) => writeFileSync(ruleFile(r), readFileSync(ruleFile(r), 'utf8').replace('{', '{"id": "x.y",')),
    /字段“id”出现了两次/,
  ],
  [
    'unknown-fact',
    'a condition on a fact that does not exist',
    (r) =>
      editJson(ruleFile(r), (v) => {
        (v.rule as { conditions: unknown }).conditions = { all: [{ fact: 'mood', operator: 'equal', value: 'sad' }] };
      }),
    /未知的事实 "mood"/,
  ],
  [
    'unknown-operator',
    'an operator that does not exist',
    (r) =>
      editJson(ruleFile(r), (v) => {
        (v.rule as { conditions: unknown }).conditions = { all: [{ fact: 'eventType', operator: 'equals', value: 'DeputyDied' }] };
      }),
    /未知的运算符 "equals"/,
  ],
  [
    'duplicate-id',
    'two rule files with one id',
    (r) => writeFileSync(ruleFile(r, 'deputy-status/died-copy.json'), readFileSync(ruleFile(r), 'utf8')),
    /与 .* 重复/,
  ],
  [
    'unknown-override',
    'overrides naming no rule',
    (r) =>
      editJson(ruleFile(r), (v) => {
        v.overrides = ['no.such.rule'];
      }),
    /没有编号为“no.such.rule”的规则/,
  ],
  [
    'unknown-law',
    'a citation of a law laws.json does not have',
    (r) =>
      editJson(ruleFile(r), (v) => {
        v.citations = [{ law: '不存在法', revisions: ['2015'], article: 1, mark: 'V' }];
      }),
    /laws\.json 中没有法律“不存在法”/,
  ],
  ['laws-missing', 'laws.json removed', (r) => writeFileSync(path.join(r, 'laws.json'), '[]'), /laws\.json/],
  [
    'settings-broken',
    'settings.json with a wrong type',
    (r) =>
      editJson(path.join(r, 'settings.json'), (v) => {
        v.cascade = 'on';
      }),
    /settings\.json/,
  ],
  ['binary', 'a rule file of binary bytes', (r) => writeFileSync(ruleFile(r), Buffer.from([0x00, 0xff, 0x10, 0x80])), /died\.json/],
  [
    'bad-id',
    'a rule id with spaces',
    (r) =>
      editJson(ruleFile(r), (v) => {
        v.id = 'Termination Died';
      }),
    /id 只能由小写字母、数字、点和连字符组成/,
  ],
  ['gb18030', 'a rule file saved as GB18030', (r) => writeFileSync(ruleFile(r), gbBytes('{"id": "张三"}')), /died\.json/],
];
for (const [id, what, edit, expect] of rules) rule(id, what, edit, expect);

export const CORPUS: readonly Hostile[] = corpus;
