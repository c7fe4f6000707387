/**
 * The console and the JSON API tell every event the record refuses, as `roster record` does: a draft
 * the record would refuse is not kept and the 422 lists each event; a draft that the record has
 * since come to contradict shows every refusal on its review page, cannot be approved, and an
 * approval is refused with the same list. Nothing is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roster } from '../support/cli.js';
import { ApiClient, startTestConsole, type TestConsole } from '../support/console.js';
import { SEED_EVENTS, tempDir } from '../support/scenario.js';

const source = { title: '关于代表变动的报告', date: '2024-09-01' };
const deathOfFangQin = { type: 'DeputyDied', source, personId: 'fang-qin', date: '2024-09-01' };
const resignationOfZhuPeinan = { type: 'DeputyResignationAccepted', source, personId: 'zhu-peinan', date: '2024-09-05' };

describe('a batch the record contradicts twice, in the console and the API', () => {
  let c: TestConsole;
  let db: string;
  beforeAll(async () => {
    c = await startTestConsole({ accounts: { 起草人: '填报', 审核人: '审核' } });
    db = path.join(c.dir, 'roster.json');
  });
  afterAll(() => c.close());

  it('POST /api/drafts is refused (422) with each event the record refuses, its place and person; no draft is kept', async () => {
    const drafter = new ApiClient(c.url);
    await drafter.login('起草人');
    const body = [
      { type: 'DeputyDied', source, personId: 'huang-liqin', date: '2024-09-01' },
      deathOfFangQin,
      { type: 'DeputyResignationAccepted', source, personId: 'zhu-huan', date: '2024-09-05' },
    ];
    const r = await drafter.request('POST', '/api/drafts', { body });
    expect(r.status).toBe(422);
    const { error, preview } = r.json();
    expect(error.kind).toBe('contradicts-record');
    expect(error.message).toContain('记录拒绝其中2个事件');
    expect(error.problems.map((p: { index: number; name: string; code: string }) => [p.index, p.name, p.code])).toEqual([
      [0, '黄利琴', 'event-after-end'],
      [2, '朱欢', 'event-after-end'],
    ]);
    expect(preview.refusals).toEqual(error.problems);
    expect((await drafter.request('GET', '/api/drafts')).json().drafts).toHaveLength(0);
  });

  it('a draft the record has since come to contradict shows both refusals on its page, and its approval is refused with both', async () => {
    const drafter = new ApiClient(c.url);
    await drafter.login('起草人');
    const created = await drafter.request('POST', '/api/drafts', { body: [deathOfFangQin, resignationOfZhuPeinan] });
    expect(created.status).toBe(201);
    const { id } = created.json();

    // Another writer records the same changes first.
    const file = path.join(tempDir(), 'changes.json');
    writeFileSync(file, JSON.stringify([deathOfFangQin, resignationOfZhuPeinan]));
    expect(roster(['--db', db, '--as', '另一书记员', 'record', file]).code).toBe(0);
    const before = readFileSync(db);

    const reviewer = new ApiClient(c.url);
    await reviewer.login('审核人');
    const page = await reviewer.request('GET', `/drafts/${id}`);
    expect(page.status).toBe(200);
    const refusal = /<div class="flash error" role="alert" data-testid="preview-refusal">([\s\S]*?)<\/div>/.exec(page.text)?.[1] ?? '';
    expect(refusal).toContain('记录将拒绝这些事件（2项），未写入任何记录：');
    expect(refusal).toContain(
      `<li>第1个事件（$[0]）（方勤）：第${SEED_EVENTS + 3}条事件（DeputyDied）发生在方勤的代表资格终止（或当选无效）之后</li>`,
    );
    expect(refusal).toContain(
      `<li>第2个事件（$[1]）（竺培楠）：第${SEED_EVENTS + 4}条事件（DeputyResignationAccepted）发生在竺培楠的代表资格终止（或当选无效）之后</li>`,
    );
    expect(page.text).toMatch(/<button type="submit" disabled>批准并记录<\/button>/);

    const approved = await reviewer.request('POST', `/api/drafts/${id}/approve`);
    expect(approved.status).toBe(422);
    expect(approved.json().error.problems.map((p: { where: string; personId: string }) => [p.where, p.personId])).toEqual([
      ['第1个事件（$[0]）', 'fang-qin'],
      ['第2个事件（$[1]）', 'zhu-peinan'],
    ]);
    // The console's own form post comes back to the draft's page, which says it was not recorded and why, event by event.
    const form = await reviewer.request('POST', `/drafts/${id}/approve`, { raw: '' });
    expect(form.status).toBe(303);
    const back = await reviewer.request('GET', form.headers.get('location')!);
    const flash = /<p class="flash error" role="status">([\s\S]*?)<\/p>/.exec(back.text)?.[1] ?? '';
    expect(flash.split('\n')).toEqual([
      '未记录：记录拒绝其中2个事件，未写入任何记录：',
      `  第1个事件（$[0]）：第${SEED_EVENTS + 3}条事件（DeputyDied）发生在方勤的代表资格终止（或当选无效）之后`,
      `  第2个事件（$[1]）：第${SEED_EVENTS + 4}条事件（DeputyResignationAccepted）发生在竺培楠的代表资格终止（或当选无效）之后`,
    ]);
    expect(back.text).toContain('<li>第2个事件（$[1]）（竺培楠）：');
    expect(readFileSync(db)).toEqual(before);
    expect((await reviewer.request('GET', `/api/drafts/${id}`)).json().draft.status).toBe('pending');
  });
});
