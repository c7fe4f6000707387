/**
 * The HTTP JSON API as scripts will use it: log in, read the same JSON the CLI prints, draft events
 * as `roster record` takes them, approve; refused without a session (401), with a role that may not
 * (403), and without the CSRF token on a write (403).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roster } from '../support/cli.js';
import { ApiClient, PASSWORD, startTestConsole, type TestConsole } from '../support/console.js';
import { ROOT, SEED_EVENTS } from '../support/scenario.js';

const death = { type: 'DeputyDied', source: { title: '测试文件', date: '2024-08-01' }, personId: 'fang-qin', date: '2024-08-01' };

describe('the JSON API over the seed', () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startTestConsole({ accounts: { 起草人: '填报', 审核人: '审核', 另一审核人: '审核', 查阅人: '查阅', 管理员: '管理' } });
  });
  afterAll(() => c.close());

  it('refuses every read without a session (401) and says how to log in', async () => {
    for (const url of ['/api/headcount?session=19', '/api/verify', '/api/drafts', '/api/persons?q=hlq']) {
      const r = await new ApiClient(c.url).request('GET', url);
      expect(r.status, url).toBe(401);
      expect(r.json().error.message).toContain('/api/login');
    }
  });

  it('gives a session cookie (httpOnly, SameSite) and a CSRF token at login; a wrong password gets 401', async () => {
    const api = new ApiClient(c.url);
    const bad = await api.login('审核人', 'wrong-password');
    expect(bad.status).toBe(401);
    const r = await api.login('审核人');
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ name: '审核人', role: '审核' });
    expect(r.json().csrfToken).toMatch(/\S{20,}/);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('GET /api/headcount?session=19 is byte for byte what roster headcount --session 19 --json prints', async () => {
    const api = new ApiClient(c.url);
    await api.login('查阅人');
    const r = await api.request('GET', '/api/headcount?session=19');
    expect(r.status).toBe(200);
    const cli = roster(['--db', path.join(c.dir, 'roster.json'), 'headcount', '--session', '19', '--json']);
    expect(cli.code).toBe(0);
    expect(r.text).toBe(cli.stdout);
    expect(r.json().countAfter).toBe(479);
  });

  it('GET /api/check and /api/verify are what roster check --json and roster verify --json print', async () => {
    const api = new ApiClient(c.url);
    await api.login('查阅人');
    const db = path.join(c.dir, 'roster.json');
    const check = await api.request('GET', '/api/check');
    expect(check.text).toBe(roster(['--db', db, 'check', '--json']).stdout);
    expect(check.json().findings[0]).toMatchObject({ code: expect.any(String), message: expect.any(String), eventSeqs: expect.any(Array) });
    expect((await api.request('GET', '/api/verify')).text).toBe(roster(['--db', db, 'verify', '--json']).stdout);
  });

  it('finds 黄利琴 by her pinyin initials hlq and by part of her name', async () => {
    const api = new ApiClient(c.url);
    await api.login('查阅人');
    for (const q of ['hlq', '黄利', 'huangli']) {
      const r = await api.request('GET', `/api/persons?q=${encodeURIComponent(q)}`);
      expect(r.json().persons[0], q).toMatchObject({ personId: 'huang-liqin', name: '黄利琴', electingUnit: '鄞州区' });
    }
  });

  it('a 查阅 account gets 403 on every write, and a write without the CSRF token gets 403', async () => {
    const reader = new ApiClient(c.url);
    await reader.login('查阅人');
    expect((await reader.request('POST', '/api/drafts', { body: death })).status).toBe(403);
    expect((await reader.request('POST', '/api/drafts/1/approve')).status).toBe(403);
    expect((await reader.request('POST', '/api/drafts/1/return', { body: { reason: 'x' } })).status).toBe(403);

    const drafter = new ApiClient(c.url);
    await drafter.login('起草人');
    const noToken = await drafter.request('POST', '/api/drafts', { body: death, csrf: false });
    expect(noToken.status).toBe(403);
    expect(noToken.json().error.kind).toBe('csrf');
    const wrongToken = await drafter.request('POST', '/api/drafts', { body: death, csrf: false, headers: { 'x-csrf-token': 'forged' } });
    expect(wrongToken.status).toBe(403);
  });

  it('drafts events as roster record takes them, and the approval records them with the approver as recordedBy and the drafter kept', async () => {
    const drafter = new ApiClient(c.url);
    await drafter.login('起草人');
    const created = await drafter.request('POST', '/api/drafts', { body: death });
    expect(created.status).toBe(201);
    const { id, preview } = created.json();
    expect(preview.headcount).toEqual({ quota: 495, before: 479, after: 478 });
    expect(preview.findings[0].outcome.params.ground).toBe('died');

    expect((await drafter.request('POST', `/api/drafts/${id}/approve`)).status).toBe(403);

    const reviewer = new ApiClient(c.url);
    await reviewer.login('审核人');
    const approved = await reviewer.request('POST', `/api/drafts/${id}/approve`);
    expect(approved.status).toBe(200);
    const [event] = approved.json().recorded;
    expect(event).toMatchObject({ type: 'DeputyDied', recordedBy: '审核人', draftedBy: '起草人', seq: SEED_EVENTS + 1 });

    const again = await new ApiClient(c.url).login('另一审核人');
    expect(again.status).toBe(200);
    const verify = await reviewer.request('GET', '/api/verify');
    expect(verify.json()).toMatchObject({ ok: true, count: SEED_EVENTS + 1 });
    const log = roster(['--db', path.join(c.dir, 'roster.json'), 'log', '--json']);
    expect(JSON.parse(log.stdout).at(-1).event).toMatchObject({ recordedBy: '审核人', draftedBy: '起草人' });
  });

  it('refuses a draft the record would refuse, with every reason and nothing saved', async () => {
    const drafter = new ApiClient(c.url);
    await drafter.login('起草人');
    const before = (await drafter.request('GET', '/api/drafts')).json().drafts.length;
    const r = await drafter.request('POST', '/api/drafts', { body: [{ ...death, personId: 'nobody' }] });
    expect(r.status).toBe(422);
    expect(r.json().error.message).toContain('nobody');
    expect(r.json().preview.refusal.kind).toBe('unknown-person');
    const malformed = await drafter.request('POST', '/api/drafts', { body: [{ type: 'DeputyDied', personId: 'fang-qin' }] });
    expect(malformed.status).toBe(422);
    expect(malformed.json().error.message).toContain('$[0].source');
    expect((await drafter.request('GET', '/api/drafts')).json().drafts.length).toBe(before);
  });

  it('a returned draft is never recorded and says why', async () => {
    const drafter = new ApiClient(c.url);
    await drafter.login('起草人');
    const { id } = (await drafter.request('POST', '/api/drafts', { body: { ...death, personId: 'zhu-peinan' } })).json();
    const reviewer = new ApiClient(c.url);
    await reviewer.login('另一审核人');
    const r = await reviewer.request('POST', `/api/drafts/${id}/return`, { body: { reason: '日期有误，请核实' } });
    expect(r.json().draft).toMatchObject({ status: 'returned', reason: '日期有误，请核实', reviewedBy: '另一审核人' });
    expect((await reviewer.request('POST', `/api/drafts/${id}/approve`)).status).toBe(409);
  });

  it('serves the OpenAPI document that schema/openapi.json holds', async () => {
    const r = await new ApiClient(c.url).request('GET', '/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.text).toBe(readFileSync(path.join(ROOT, 'schema', 'openapi.json'), 'utf8'));
    expect(Object.keys(r.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/login',
        '/api/headcount',
        '/api/drafts',
        '/api/drafts/{id}/approve',
        '/api/drafts/{id}/return',
        '/api/verify',
      ]),
    );
  });

  it('after the login form, goes only to a page of the console, never off-site', async () => {
    for (const [next, expected] of [
      ['/deputies?q=hlq', '/deputies?q=hlq'],
      ['//evil.example', '/'],
      ['/\\evil.example', '/'],
      ['https://evil.example/', '/'],
    ]) {
      const web = new ApiClient(c.url);
      const form = await web.request('GET', '/login');
      const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1]!;
      const body = new URLSearchParams({ _csrf: token, name: '查阅人', password: PASSWORD, next: next! }).toString();
      const r = await web.request('POST', '/login', { raw: body });
      expect(r.status, next).toBe(303);
      expect(r.headers.get('location'), next).toBe(expected);
    }
  });

  it('sends the usual security headers', async () => {
    const r = await new ApiClient(c.url).request('GET', '/login');
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('login attempts', () => {
  it('are limited per client: the attempt past the limit gets 429 even with the right password', async () => {
    const c = await startTestConsole({ accounts: { 审核人: '审核' }, loginAttemptsPerMinute: 3 });
    try {
      const api = new ApiClient(c.url);
      for (let i = 0; i < 3; i++) expect((await api.login('审核人', 'wrong')).status).toBe(401);
      const limited = await api.login('审核人');
      expect(limited.status).toBe(429);
      expect(limited.json().error.message).toContain('过于频繁');
    } finally {
      await c.close();
    }
  });
});
