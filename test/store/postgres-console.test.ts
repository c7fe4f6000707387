/**
 * The console on a database record: `roster user add` keeps the account in the database's
 * roster.accounts (never in a file named after the URL), the console started on the database logs
 * that clerk in, and a draft waits in roster.drafts, numbered for its congress, until a reviewer
 * approves it into the congress's events.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningConsole } from '../../src/serve.js';
import { startConsole } from '../../src/serve.js';
import { roster as rosterIn } from '../support/cli.js';
import { ApiClient, PASSWORD } from '../support/console.js';
import { describePostgres, freshDatabase, type TestDatabase } from '../support/postgres.js';
import { roster } from '../support/roster-cli.js';
import { RULES_DIR, SEED_DATA } from '../support/scenario.js';

describePostgres('the console on a database record', () => {
  let db: TestDatabase;
  let server: RunningConsole;

  beforeAll(async () => {
    db = await freshDatabase();
    // Two congresses, so that the console has to be told which one (and drafts are kept per congress).
    expect((await roster(db.url('clerk'), 'import', SEED_DATA, '--congress', 'ningbo-16')).code).toBe(0);
    expect((await roster(db.url('clerk'), 'congresses', 'add', 'other-1')).code).toBe(0);
    for (const [name, role] of [
      ['王填报', '填报'],
      ['李审核', '审核'],
    ]) {
      const r = rosterIn(['--db', db.url('clerk'), 'user', 'add', name!, '--role', role!], {}, `${PASSWORD}\n`);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`已新建账户“${name}”，角色：${role}`);
    }
    server = await startConsole({
      // With a password in the URL (the test cluster trusts local logins and ignores it): never shown.
      dbFile: db.url('clerk').replace('clerk@', 'clerk:s3cret-pw@'),
      congress: 'ningbo-16',
      rulesDir: RULES_DIR,
      host: '127.0.0.1',
      port: 0,
      loginAttemptsPerMinute: 1000,
    });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('keeps the accounts in roster.accounts, password only as a scrypt hash, and no side file anywhere', async () => {
    const rows = await db.sql('SELECT name, account::text AS text FROM roster.accounts ORDER BY name');
    expect(rows.map((r) => r.name).sort()).toEqual(['李审核', '王填报'].sort());
    for (const r of rows) expect(r.text).not.toContain(PASSWORD);
    // A file adapter handed the URL would have made a folder `postgres:` where the CLI ran (here, the project).
    expect(existsSync('postgres:')).toBe(false);
    const listed = rosterIn(['--db', db.url('clerk'), 'user', 'list']);
    expect(listed.stdout).toContain('李审核\t审核');
    // The read-only role never sees the password hashes.
    await expect(db.sql('SELECT * FROM roster.accounts', [], 'reader')).rejects.toThrow(/permission denied/);
  });

  it('logs in the clerk added on the command line, refuses a wrong password, and answers from the congress named', async () => {
    expect(server.dbFile).toContain('ningbo-16');
    expect(server.dbFile).not.toContain('s3cret-pw');
    const wrong = await new ApiClient(server.url).login('王填报', 'not-the-password');
    expect(wrong.status).toBe(401);
    const clerk = new ApiClient(server.url);
    expect((await clerk.login('王填报')).status).toBe(200);
    const headcount = await clerk.request('GET', '/api/headcount?session=19');
    expect(headcount.status).toBe(200);
    expect(headcount.json()).toEqual(expect.objectContaining({ quota: 495, countAfter: 479 }));
  });

  it('keeps a draft in roster.drafts for its congress until a reviewer approves it into the events', async () => {
    const clerk = new ApiClient(server.url);
    await clerk.login('王填报');
    const death = { type: 'DeputyDied', source: { title: '测试文件', date: '2024-08-01' }, personId: 'fang-qin', date: '2024-08-01' };
    const created = await clerk.request('POST', '/api/drafts?title=去世', { body: [death] });
    expect(created.status, created.text).toBe(201);
    const id = created.json().id as string;
    expect(id).toBe('1');
    const [row] = await db.sql("SELECT congress_id, id, draft ->> 'status' AS status FROM roster.drafts");
    expect(row).toEqual({ congress_id: 'ningbo-16', id: 1, status: 'pending' });
    const [before] = await db.sql("SELECT seq FROM roster.stream_heads WHERE congress_id = 'ningbo-16'");

    const reviewer = new ApiClient(server.url);
    await reviewer.login('李审核');
    const approved = await reviewer.request('POST', `/api/drafts/${id}/approve`, { body: {} });
    expect(approved.status, approved.text).toBe(200);
    const [after] = await db.sql("SELECT seq FROM roster.stream_heads WHERE congress_id = 'ningbo-16'");
    expect(after!.seq).toBe(before!.seq + 1);
    const [last] = await db.sql(
      "SELECT record ->> 'recordedBy' AS by, record ->> 'draftedBy' AS drafted FROM roster.events WHERE congress_id = 'ningbo-16' AND seq = $1",
      [after!.seq],
    );
    expect(last).toEqual({ by: '李审核', drafted: '王填报' });
    const [status] = await db.sql("SELECT draft ->> 'status' AS status FROM roster.drafts WHERE congress_id = 'ningbo-16' AND id = 1");
    expect(status!.status).toBe('approved');
    expect(await db.sql("SELECT * FROM roster.events WHERE congress_id = 'other-1'")).toEqual([]);
    expect((await roster(db.url('clerk'), '--congress', 'ningbo-16', 'verify')).code).toBe(0);
  });
});
