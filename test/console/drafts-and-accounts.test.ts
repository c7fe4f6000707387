/**
 * 填报 → 审核 and the accounts, at the application layer the console and the API both call: who may
 * approve, what an approval records, what two reviewers at once get, what a password leaves on disk.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountsApp } from '../../src/app/accounts-app.js';
import { systemClock } from '../../src/app/clock.js';
import { DraftsApp } from '../../src/app/drafts-app.js';
import { RosterApp } from '../../src/app/roster-app.js';
import { describeCheck } from '../../src/checks/describe-check.js';
import { isDomainError } from '../../src/domain/errors.js';
import type { EventInput } from '../../src/domain/events.js';
import { createEvaluator } from '../../src/engine/evaluator.js';
import { loadRuleBook } from '../../src/engine/rule-book.js';
import { FileAccountStore } from '../../src/store/file-account-store.js';
import { FileDraftStore } from '../../src/store/file-draft-store.js';
import { FileRecordStream } from '../../src/store/file-store.js';
import type { RecordStream } from '../../src/store/record-store.js';
import { roster } from '../support/cli.js';
import { seedBefore19thChanges } from '../support/console.js';
import { RULES_DIR, tempDir } from '../support/scenario.js';

const evaluator = createEvaluator(loadRuleBook(RULES_DIR));
const drafter = { name: '起草人', role: '填报' } as const;
const reviewer = { name: '审核人', role: '审核' } as const;
const second = { name: '另一审核人', role: '审核' } as const;
const reader = { name: '查阅人', role: '查阅' } as const;

const source = { title: '关于个别代表的代表资格的报告', session: 19, date: '2024-07-31' };
const transferOfZhuHuan = { type: 'DeputyTransferredOut', source, personId: 'zhu-huan', movement: 'transferred' } as EventInput;
const resignationOfHuangLiqin = { type: 'DeputyResignationAccepted', source, personId: 'huang-liqin' } as EventInput;

const appOn = (stream: RecordStream) => new RosterApp({ stream, evaluator, clock: systemClock });

function before19() {
  const db = path.join(tempDir(), 'roster.json');
  seedBefore19thChanges(db);
  const app = appOn(new FileRecordStream(db));
  return { db, app, drafts: new DraftsApp(new FileDraftStore(db), app) };
}

describe('a draft of the 19th session: 朱欢 transferred out, 黄利琴 resigned', () => {
  it('previews 484 → 482 on the 19th session’s day, the rule and article for each, and 黄利琴’s posts ending with her mandate', async () => {
    const { drafts } = before19();
    const { draft, preview } = await drafts.create({ title: '调离、辞职', events: [transferOfZhuHuan, resignationOfHuangLiqin] }, drafter);
    expect(draft?.status).toBe('pending');
    expect(preview.asOf).toBe('2024-07-31');
    expect(preview.headcount).toEqual({ quota: 495, before: 484, after: 482 });
    expect(preview.findings.map((f) => [f.personId, f.ruleId, f.citation.text])).toEqual([
      ['zhu-huan', 'termination.transferred-out', '代表法（2015年修正）第四十九条第（一）项'],
      ['huang-liqin', 'termination.resignation-accepted', '代表法（2015年修正）第四十九条第（二）项'],
    ]);
    const huang = preview.cascades.find((c) => c.personId === 'huang-liqin')!;
    expect(huang.items.map((i) => [i.organName + i.tenure.post.title, i.consequence?.outcome.type])).toEqual([
      ['宁波市人大常委会委员', 'post-ends'],
      ['宁波市人大财政经济委员会主任委员', 'post-ends'],
    ]);
  });

  it('is recorded on approval with the reviewer as recordedBy and the drafter kept as draftedBy', async () => {
    const { app, drafts } = before19();
    const { draft } = await drafts.create({ title: '调离', events: [transferOfZhuHuan] }, drafter);
    const next = (await app.read()).head.seq + 1;
    const { recorded } = await drafts.approve(draft!.id, reviewer);
    expect(recorded).toMatchObject([{ type: 'DeputyTransferredOut', recordedBy: '审核人', draftedBy: '起草人', seq: next }]);
    expect((await app.headcount({ session: 19 })).countAfter).toBe(483);
    expect((await drafts.get(draft!.id, reader)).draft).toMatchObject({ status: 'approved', reviewedBy: '审核人', recordedSeqs: [next] });
  });

  it('cannot be approved or returned by its drafter, nor by a 填报 or 查阅 account', async () => {
    const { drafts } = before19();
    const reviewerDrafts = await drafts.create({ title: '调离', events: [transferOfZhuHuan] }, reviewer);
    await expect(drafts.approve(reviewerDrafts.draft!.id, reviewer)).rejects.toMatchObject({ kind: 'not-permitted' });
    await expect(drafts.return(reviewerDrafts.draft!.id, '理由', reviewer)).rejects.toMatchObject({ kind: 'not-permitted' });
    await expect(drafts.approve(reviewerDrafts.draft!.id, drafter)).rejects.toMatchObject({ kind: 'not-permitted' });
    await expect(drafts.approve(reviewerDrafts.draft!.id, reader)).rejects.toMatchObject({ kind: 'not-permitted' });
    await expect(drafts.create({ title: 'x', events: [transferOfZhuHuan] }, reader)).rejects.toMatchObject({ kind: 'not-permitted' });
    expect((await drafts.get(reviewerDrafts.draft!.id, reader)).draft.status).toBe('pending');
  });

  it('approved by two reviewers at once is recorded once: one wins, the other is told who did', async () => {
    const { app, drafts } = before19();
    const { draft } = await drafts.create({ title: '调离', events: [transferOfZhuHuan] }, drafter);
    const results = await Promise.allSettled([drafts.approve(draft!.id, reviewer), drafts.approve(draft!.id, second)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(isDomainError(lost[0]!.reason, 'draft-conflict')).toBe(true);
    expect(lost[0]!.reason.message).toMatch(/已由(另一)?审核人处理/);
    expect((await app.read()).events.filter((e) => e.type === 'DeputyTransferredOut')).toHaveLength(1);
  });

  it('is not lost when another writer appends while it is being approved: it waits again, and the reviewer is told', async () => {
    const db = path.join(tempDir(), 'roster.json');
    seedBefore19thChanges(db);
    const direct = appOn(new FileRecordStream(db));
    let interfere = true;
    // Another clerk's `roster record` lands between the approval's read and its append.
    const inner = new FileRecordStream(db);
    const racing: RecordStream = {
      location: inner.location,
      head: () => inner.head(),
      snapshot: async () => {
        const snap = await inner.snapshot();
        if (interfere) {
          interfere = false;
          await direct.record({ events: [resignationOfHuangLiqin], recordedBy: '另一位书记员' });
        }
        return snap;
      },
      append: (records, expected) => inner.append(records, expected),
      importRecords: (records) => inner.importRecords(records),
      reanchor: (head) => inner.reanchor(head),
      owns: (file) => inner.owns(file),
    };
    const app = appOn(racing);
    const drafts = new DraftsApp(new FileDraftStore(db), app);
    interfere = false;
    const { draft } = await drafts.create({ title: '调离', events: [transferOfZhuHuan] }, drafter);
    interfere = true;
    await expect(drafts.approve(draft!.id, reviewer)).rejects.toMatchObject({ kind: 'store-conflict' });
    expect((await drafts.get(draft!.id, reader)).draft.status).toBe('pending');
    const { recorded } = await drafts.approve(draft!.id, reviewer);
    expect(recorded.map((e) => e.type)).toEqual(['DeputyTransferredOut']);
    expect((await direct.read()).events.map((e) => e.type).slice(-2)).toEqual(['DeputyResignationAccepted', 'DeputyTransferredOut']);
  });

  it('that the record would refuse is not kept, and every reason is given', async () => {
    const { drafts } = before19();
    const ghost = { ...transferOfZhuHuan, personId: 'nobody' } as EventInput;
    const { draft, preview } = await drafts.create(
      { title: 'x', events: [ghost, { ...resignationOfHuangLiqin, personId: 'ghost-2' } as EventInput] },
      drafter,
    );
    expect(draft).toBeUndefined();
    expect(preview.refusal).toMatchObject({ kind: 'unknown-person', message: expect.stringContaining('记录拒绝其中2个事件') });
    expect(preview.refusals.map((r) => [r.where, r.code, r.personId])).toEqual([
      ['第1个事件（$[0]）', 'unknown-person', 'nobody'],
      ['第2个事件（$[1]）', 'unknown-person', 'ghost-2'],
    ]);
    expect(preview.checks.filter((c) => c.code === 'unknown-person').map((c) => describeCheck(c))).toEqual([
      expect.stringContaining('nobody'),
      expect.stringContaining('ghost-2'),
    ]);
    expect(await drafts.list(reader)).toHaveLength(0);
  });
});

describe('accounts', () => {
  it('keep only a scrypt hash, in an owner-only file beside the data file, and refuse a wrong password as they refuse an unknown name', async () => {
    const db = path.join(tempDir(), 'roster.json');
    const accounts = new AccountsApp(new FileAccountStore(db));
    await accounts.add({ name: '张三', role: '审核', password: 'a-long-secret-1' }, { name: 'admin', role: '管理' });
    const file = `${db}.accounts.json`;
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('a-long-secret-1');
    expect(text).toMatch(/"passwordHash": "scrypt\$32768\$8\$1\$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await accounts.authenticate('张三', 'a-long-secret-1')).toMatchObject({ name: '张三', role: '审核' });
    const wrong = await accounts.authenticate('张三', 'wrong').catch((e: Error) => e.message);
    const unknown = await accounts.authenticate('李四', 'wrong').catch((e: Error) => e.message);
    expect(wrong).toBe(unknown);
  });

  it('are kept by 管理 only; a disabled account cannot log in; passwords have at least 8 characters', async () => {
    const db = path.join(tempDir(), 'roster.json');
    const accounts = new AccountsApp(new FileAccountStore(db));
    const admin = { name: 'admin', role: '管理' } as const;
    await expect(accounts.add({ name: '甲', role: '填报', password: 'long-enough' }, reviewer)).rejects.toMatchObject({
      kind: 'not-permitted',
    });
    await expect(accounts.add({ name: '甲', role: '填报', password: 'short' }, admin)).rejects.toMatchObject({ kind: 'invalid-input' });
    await accounts.add({ name: '甲', role: '填报', password: 'long-enough' }, admin);
    await expect(accounts.add({ name: '甲', role: '审核', password: 'long-enough' }, admin)).rejects.toMatchObject({
      kind: 'account-exists',
    });
    await accounts.setDisabled('甲', true, admin);
    await expect(accounts.authenticate('甲', 'long-enough')).rejects.toMatchObject({ kind: 'login-failed' });
    expect(await accounts.active('甲')).toBeUndefined();
  });

  it('roster user add reads the password from standard input when it is not a terminal, and never prints or stores it', () => {
    const db = path.join(tempDir(), 'roster.json');
    const r = roster(['--db', db, 'user', 'add', '王五', '--role', '查阅'], {}, 'piped-secret-42\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已新建账户“王五”，角色：查阅');
    expect(r.stdout + r.stderr).not.toContain('piped-secret-42');
    expect(readFileSync(`${db}.accounts.json`, 'utf8')).not.toContain('piped-secret-42');
    expect(roster(['--db', db, 'user', 'add', '赵六', '--role', '主任'], {}, 'x\n')).toMatchObject({ code: 2 });
    expect(roster(['--db', db, 'user', 'add', '赵六', '--role', '填报'], {}, '')).toMatchObject({ code: 1 });
    expect(roster(['--db', db, 'user', 'list']).stdout).toContain('王五\t查阅');
  });
});
