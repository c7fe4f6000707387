/**
 * A congress kept in the database answers every command as the data file does, byte for byte: the
 * embedded record imported into a database (`roster import data/ningbo-16.json --db postgres://…`),
 * beside a working copy of the same file, each command run on both as a clerk runs it.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describePostgres, freshDatabase } from '../support/postgres.js';
import { roster } from '../support/roster-cli.js';
import { SEED_DATA, tempDir } from '../support/scenario.js';

/** Every read command, in text and as JSON, and every document in every text format. */
const COMMANDS: readonly (readonly string[])[] = [
  ['headcount'],
  ['headcount', '--session', '19'],
  ['headcount', '--as-of', '2024-03-01'],
  ['members', '--session', '19'],
  ['explain', '黄利琴'],
  ['history', '黄利琴'],
  ['diff', '--from', '15', '--to', '19'],
  ['log'],
  ['log', '--type', 'DeputyTransferredOut'],
  ['check'],
  ['cascade', '--session', '19'],
  ['oaths', '--session', '19'],
  ['doc', 'report', '--session', '19'],
  ['doc', 'explanation', '--session', '19', '--format', 'md'],
  ['doc', 'notice', '--session', '19', '--number', '12', '--date', '2024-08-01', '--format', 'html'],
  ['doc', 'decisions', '--session', '19'],
  ['doc', 'appointments', '--session', '19'],
  ['doc', 'oaths', '--session', '19'],
  ['export'],
  ['export-roster', '--format', 'csv'],
  ['export-roster', '--format', 'popolo', '--as-of', '2024-08-01'],
  ['stats', '--as-of', '2024-08-01'],
  ['stats', '--level', 'municipal', '--as-of', '2023-01-01'],
  ['congresses'],
];

describePostgres('the same record in a data file and in a database', () => {
  let file: string;
  let url: string;
  beforeAll(async () => {
    // Named like the database's congress: a data file's congress takes the file's name.
    file = path.join(tempDir(), 'ningbo-16.json');
    copyFileSync(SEED_DATA, file);
    url = (await freshDatabase()).url('clerk');
    const imported = await roster(url, 'import', SEED_DATA);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('已导入110条事件');
  }, 60_000);

  for (const args of COMMANDS) {
    it(`roster ${args.join(' ')} prints the same, in text and as JSON`, async () => {
      const [fromFile, fromDb, jsonFile, jsonDb] = await Promise.all([
        roster(file, ...args),
        roster(url, ...args),
        roster(file, '--json', ...args),
        roster(url, '--json', ...args),
      ]);
      expect(fromFile.stdout.length).toBeGreaterThan(100);
      expect(fromDb).toEqual(fromFile);
      expect(jsonDb).toEqual(jsonFile);
    });
  }

  it('verify says the same but for where the record is and how it is kept', async () => {
    const [f, d] = await Promise.all([roster(file, '--json', 'verify'), roster(url, '--json', 'verify')]);
    const { file: whereFile, layout: layoutFile, anchor: anchorFile, fileVersion: _v, ...restFile } = JSON.parse(f.stdout);
    const { file: whereDb, layout: layoutDb, anchor: anchorDb, ...restDb } = JSON.parse(d.stdout);
    // A document keeps no head of its own; the database keeps each congress's in roster.stream_heads.
    expect([whereFile, layoutFile, anchorFile]).toEqual([file, 'document', 'none']);
    expect([whereDb, layoutDb, anchorDb]).toEqual([`${url}（代表大会 ningbo-16）`, 'database', 'kept']);
    expect({ ...restDb, fileVersion: undefined }).toEqual({ ...restFile, fileVersion: undefined });
    expect(restDb).toEqual(expect.objectContaining({ ok: true, count: 110 }));
  });

  // What the clerk sees of the recording (its time aside, which the log and the history show) is the same.
  it('recording the same event changes both alike', async () => {
    const event = path.join(tempDir(), 'death.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      event,
      JSON.stringify({ type: 'DeputyDied', source: { title: '测试文件', date: '2024-08-01' }, personId: 'fang-qin', date: '2024-08-01' }),
    );
    const [a, b] = await Promise.all([roster(file, 'record', event), roster(url, 'record', event)]);
    expect(b).toEqual(a);
    expect(a.stdout).toContain('已记录1个事件（序号 111）');
    for (const args of [
      ['headcount', '--as-of', '2024-09-01'],
      ['stats', '--as-of', '2024-09-01'],
      ['members', '--as-of', '2024-09-01'],
    ]) {
      const [x, y] = await Promise.all([roster(file, ...args), roster(url, ...args)]);
      expect(y, args.join(' ')).toEqual(x);
    }
  });
});
