/**
 * The application layer as a second interface (a console, an HTTP API) will call it: every
 * command's result straight from RosterApp, without src/cli/, equal to what `roster … --json`
 * prints. The CLI adds parsing and formatting and nothing else.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/app/clock.js';
import { RosterApp } from '../../src/app/roster-app.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { withMessages } from '../../src/format/check.js';
import { emptyDataFile } from '../../src/store/data-file.js';
import { FileRecordStream } from '../../src/store/file-store.js';
import { roster, seedWorkspace } from '../support/cli.js';
import { RULES_DIR, SEED_EVENTS } from '../support/scenario.js';

const evaluator = createEvaluator(loadRuleBook(RULES_DIR));
const NOW = '2027-01-05T08:00:00.000Z';

function appOn(db: string): RosterApp {
  return new RosterApp({ stream: new FileRecordStream(db), evaluator, clock: fixedClock(NOW) });
}

/** What the CLI prints with --json for the same command, parsed. */
function cliJson(db: string, ...args: string[]): unknown {
  const run = roster(['--db', db, '--json', ...args]);
  expect(run.code, run.stderr).toBeLessThanOrEqual(1);
  return JSON.parse(run.stdout);
}

const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe('every command through the application layer, as a second interface calls it', () => {
  const s = seedWorkspace();
  const app = appOn(s.db);

  it('the queries give what the CLI prints as JSON', async () => {
    expect(plain(await app.headcount({ session: 19 }))).toEqual(cliJson(s.db, 'headcount', '--session', '19'));
    expect(plain(await app.headcount())).toEqual(cliJson(s.db, 'headcount'));
    expect(plain(await app.members({ session: 15 }))).toEqual(cliJson(s.db, 'members', '--session', '15'));
    expect(plain(await app.explain('王安静'))).toEqual(cliJson(s.db, 'explain', '王安静'));
    const { state: _state, ...history } = await app.history('黄利琴');
    expect(plain(history)).toEqual(cliJson(s.db, 'history', '黄利琴'));
    expect(plain(await app.diff({ session: 15 }, { session: 19 }))).toEqual(cliJson(s.db, 'diff', '--from', '15', '--to', '19'));
    expect(plain(await app.log({ type: 'DeputyTransferredOut' }))).toEqual(cliJson(s.db, 'log', '--type', 'DeputyTransferredOut'));
    const checked = await app.check();
    expect(plain({ findings: withMessages(checked.findings), errors: checked.errors })).toEqual(cliJson(s.db, 'check'));
    expect(checked.findings.map((f) => [f.code, f.eventSeqs, f.facts])).toEqual([
      ['oath-names-not-recorded', [109], expect.objectContaining({ date: '2024-07-31', names: expect.arrayContaining(['方勤']) })],
    ]);
    expect(plain(await app.verify())).toEqual(cliJson(s.db, 'verify'));
    const cascade = await app.cascade(19);
    expect(plain({ session: cascade.session, cascades: cascade.cascades })).toEqual(cliJson(s.db, 'cascade', '--session', '19'));
    const oaths = await app.oaths(19);
    expect(plain({ session: oaths.session, owed: oaths.owed, notOwed: oaths.notOwed })).toEqual(cliJson(s.db, 'oaths', '--session', '19'));
  });

  it('documents come as models with their rendering: text, or the bytes of a Word file', async () => {
    const report = await app.document({ kind: 'report', session: 19, format: 'txt' });
    expect(report.output).toEqual({ kind: 'text', text: roster(['--db', s.db, 'doc', 'report', '--session', '19']).stdout });
    expect(plain(report.documents)).toEqual((cliJson(s.db, 'doc', 'report', '--session', '19') as { documents: unknown }).documents);
    const docx = await app.document({ kind: 'notice', session: 19, format: 'docx', options: { number: 12 } });
    expect(docx.output.kind).toBe('binary');
    expect(docx.output.kind === 'binary' && docx.output.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(docx.warnings).toEqual(['记录中没有公告日期，日期留空（可用 --date 指定）']);
    await expect(app.document({ kind: 'memo', session: 19, format: 'txt' })).rejects.toThrow('未知的文书种类“memo”');
  });

  it('exports come as text or bytes: the roster as csv, xlsx and Popolo, the whole record as a data file', async () => {
    const csv = await app.exportRoster({ format: 'csv' });
    expect(csv.output).toEqual({ kind: 'text', text: roster(['--db', s.db, 'export-roster', '--format', 'csv']).stdout });
    expect([csv.asOf, csv.counted, csv.unnamed]).toEqual(['2024-07-31', 479, 476]);
    const xlsx = await app.exportRoster({ format: 'xlsx', asOf: '2024-07-30' });
    expect(xlsx.output.kind === 'binary' && xlsx.output.bytes.subarray(0, 2).toString()).toBe('PK');
    const exported = await app.exportRecord();
    let text = '';
    for await (const chunk of exported.chunks) text += chunk;
    expect(text).toBe(roster(['--db', s.db, 'export']).stdout);
    expect(JSON.parse(text)).toEqual(expect.objectContaining({ events: expect.any(Array) }));
    expect(exported.count).toBe((JSON.parse(text) as { events: unknown[] }).events.length);
    expect(RosterApp.schema()).toEqual(JSON.parse(roster(['schema']).stdout));
  });

  it('recording takes the recorder as input and the time from the injected clock; importing takes the file’s contents', async () => {
    const w = seedWorkspace();
    const app2 = appOn(w.db);
    const added = await app2.record({
      events: [{ type: 'PersonRegistered', source: { title: '测试文件' }, personId: 'caller-1', name: '调用甲' }],
      recordedBy: '控制台用户',
    });
    expect(added.map((e) => [e.seq, e.recordedBy, e.recordedAt])).toEqual([[SEED_EVENTS + 1, '控制台用户', NOW]]);
    // The app's clock stands at 2027-01-05: its log takes that day; the CLI, on this machine's clock, may refuse a future date.
    expect((await app2.log({ since: '2027-01-05' })).map((e) => e.seq)).toEqual([SEED_EVENTS + 1]);
    expect((cliJson(w.db, 'log', '--since', '2024-01-01') as { seq: number }[]).at(-1)?.seq).toBe(SEED_EVENTS + 1);

    const fresh = path.join(w.dir, 'fresh.json');
    writeFileSync(fresh, JSON.stringify(emptyDataFile()));
    let text = '';
    for await (const chunk of (await app2.exportRecord()).chunks) text += chunk;
    const imported = await appOn(fresh).importRecord({ name: 'export.json', text });
    expect(imported).toEqual(expect.objectContaining({ count: SEED_EVENTS + 1, fileVersion: 2 }));
    // The header, one line per event, and the commit line.
    expect(readFileSync(fresh, 'utf8').split('\n').length).toBe(SEED_EVENTS + 4);

    const csv = path.join(w.dir, 'roster.csv');
    writeFileSync(csv, '姓名,选举单位\n朱欢,江北区\n');
    const loaded = await app2.importRoster({ file: { name: csv, bytes: readFileSync(csv) }, dryRun: true, recordedBy: '控制台用户' });
    expect(loaded.ok).toBe(false);
    expect(loaded.ok === false && loaded.problems.map((p) => p.code)).toContain('count-mismatch');
  });
});
