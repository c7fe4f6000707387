/** The console's 概览 shows 代表结构 as `roster stats` gives it, and its person search and log filters are the CLI's. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestConsole, type TestConsole } from '../support/console.js';

describe('the console over the same use cases as the CLI', () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startTestConsole({ accounts: { 查阅人: '查阅' } });
  });
  afterAll(async () => c?.close());

  it('概览 shows 代表结构 for the latest session: 479 deputies, every field 未登记 in the gazette’s record', async () => {
    const api = new ApiClient(c.url);
    await api.login('查阅人');
    const page = await api.request('GET', '/');
    expect(page.status).toBe(200);
    const section = page.text.split('data-testid="structure"')[1]!.split('</section>')[0]!;
    expect(section).toContain('<h2>代表结构</h2>');
    expect(section).toContain('截至2024年7月31日，实有代表479名');
    expect(section).toContain('<th>性别</th><td>未登记 479名（100.0%）</td>');
    expect(section).toContain('职业构成：记录中没有登记代表的职业类别');
  });

  it('the API finds 黄利琴 by hlq and filters the log by 调离 and a unit fragment, as the CLI does', async () => {
    const api = new ApiClient(c.url);
    await api.login('查阅人');
    const found = (await api.request('GET', '/api/persons?q=hlq')).json() as { persons: { personId: string }[] };
    expect(found.persons.map((p) => p.personId)).toEqual(['huang-liqin']);
    const log = await api.request('GET', `/api/log?type=${encodeURIComponent('调离')}&unit=${encodeURIComponent('象山')}`);
    expect(log.status, log.text).toBe(200);
    expect((log.json() as { persons: { name: string }[] }[]).map((e) => e.persons[0]!.name)).toEqual(['王安静', '莫鼎革']);
  });
});
