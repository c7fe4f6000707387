/**
 * The clerks' console in a real browser (Debian's Chromium through playwright-core), scenario by
 * scenario as the clerks meet them, each from an empty record or the seed. Servers listen on an
 * ephemeral port in a temporary folder and are stopped; screenshots are kept in test-artifacts/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { csrfOf, DESKTOP, launch, logIn, newContext, PHONE, screenshot } from '../support/browser.js';
import { roster } from '../support/cli.js';
import { startTestConsole, type TestConsole } from '../support/console.js';
import { tempDir } from '../support/scenario.js';
import { deputies, rowOf, writeCsv, writeWorkbook } from '../support/workbooks.js';

const SLOW = 120_000;

let browser: Browser;
/** Every context a test opened, closed after it so that no connection outlives its server. */
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await browser?.close();
});

async function context(viewport = DESKTOP): Promise<BrowserContext> {
  const ctx = await newContext(browser, viewport);
  contexts.push(ctx);
  return ctx;
}

async function pageFor(c: TestConsole, name: string, viewport = DESKTOP): Promise<Page> {
  const page = await (await context(viewport)).newPage();
  // A script injected through data would open a dialog: fail loudly if one ever does.
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  await logIn(page, c.url, name);
  return page;
}

async function approve(page: Page, base: string, id: string): Promise<string> {
  await page.goto(`${base}/drafts/${id}`);
  await page.getByRole('button', { name: '批准并记录' }).click();
  return (await page.locator('.flash').textContent()) ?? '';
}

/** Posts a form as the page itself would, with its cookie; `_csrf` only where given. */
async function post(page: Page, url: string, form: Record<string, string>) {
  const r = await page.request.post(url, { form, maxRedirects: 0 });
  return { status: r.status(), text: await r.text() };
}

describe('a clerk starts a new county congress and loads a 200-row roster', () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startTestConsole({ data: 'empty', accounts: { 起草人: '填报', 审核人: '审核' } });
  });
  afterAll(() => c.close());

  it(
    'constitutes the congress and its first session from forms, reports a bad roster row by row, and counts 200 deputies once the roster is approved',
    async () => {
      const clerk = await pageFor(c, '起草人');
      const reviewer = await pageFor(c, '审核人');
      expect(await clerk.getByText('记录中还没有本届人民代表大会').count()).toBe(1);
      await clerk.getByRole('link', { name: '新建本届人民代表大会' }).first().click();
      await clerk.fill('[name=name]', '甲县第十八届人民代表大会');
      await clerk.fill('[name=shortName]', '县十八届人大');
      await clerk.fill('[name=termNumber]', '18');
      await clerk.selectOption('[name=level]', 'county');
      await clerk.fill('[name=region]', '甲县');
      await clerk.fill('[name=scName]', '甲县人民代表大会常务委员会');
      await clerk.fill('[name=scShortName]', '县人大常委会');
      await clerk.fill('[name=quota]', '200');
      await clerk.fill('[name=units]', '甲镇 80\n乙镇 60\n丙乡 60');
      await clerk.fill('[name=date]', '2026-01-10');
      await clerk.fill('[name=sourceTitle]', '甲县第十八届人民代表大会第一次会议公告（测试用虚构文件）');
      await clerk.getByRole('button', { name: '提交审核' }).click();
      expect(await clerk.locator('.flash').textContent()).toContain('已提交草稿 1');
      expect(await approve(reviewer, c.url, '1')).toContain('已批准并记录1个事件');

      await clerk.goto(`${c.url}/forms/session`);
      await clerk.fill('[name=session]', '1');
      await clerk.fill('[name=date]', '2026-01-20');
      await clerk.fill('[name=sourceTitle]', '甲县人大常委会第一次会议纪要（测试用虚构文件）');
      await clerk.getByRole('button', { name: '提交审核' }).click();
      expect(await approve(reviewer, c.url, '2')).toContain('已批准并记录1个事件');

      const dir = tempDir();
      const bad = writeCsv(dir, [
        rowOf({ name: '张某', unit: '丁镇' }, 1),
        rowOf({ name: '', unit: '甲镇' }, 2),
        rowOf({ name: '李某', unit: '甲镇', birth: '1970年13月' }, 3),
      ]);
      await clerk.goto(`${c.url}/roster-upload`);
      await clerk.setInputFiles('[name=file]', bad);
      await clerk.fill('[name=session]', '1');
      await clerk.getByRole('button', { name: '校验并提交' }).click();
      const report = await clerk.locator('table').last().innerText();
      expect(await clerk.getByTestId('roster-problems').textContent()).toMatch(/\d+个问题，未提交/);
      expect(report).toContain('选举单位“丁镇”不是本届的选举单位');
      expect(report).toMatch(/\t3\t/);
      await screenshot(clerk, 'roster-upload-report');

      const rows = [...deputies('甲镇', 80), ...deputies('乙镇', 60), ...deputies('丙乡', 60)].map((d, i) => rowOf(d, i + 1));
      const good = await writeWorkbook(dir, { rows });
      await clerk.setInputFiles('[name=file]', good);
      await clerk.fill('[name=session]', '1');
      await clerk.getByRole('button', { name: '校验并提交' }).click();
      expect(await clerk.locator('.flash').textContent()).toContain('名册校验通过，已提交草稿 3（202个事件）');
      expect(await clerk.getByTestId('preview-headcount').textContent()).toContain('0 → 200');
      expect(await approve(reviewer, c.url, '3')).toContain('已批准并记录202个事件');

      await clerk.goto(`${c.url}/deputies`);
      expect(await clerk.getByTestId('listed').textContent()).toBe('200');
      await clerk.goto(`${c.url}/`);
      expect(await clerk.getByTestId('counted').textContent()).toBe('200');
      await screenshot(clerk, 'new-county-overview');
    },
    SLOW,
  );
});

describe('填报 → 预览 → 审核 on the seed before the 19th session’s changes (484 deputies)', () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startTestConsole({ data: 'before-19', accounts: { 起草人: '填报', 审核人: '审核', 审核人乙: '审核', 查阅人: '查阅' } });
  });
  afterAll(() => c.close());

  const source = async (page: Page, title: string) => {
    await page.fill('[name=sourceTitle]', title);
    await page.fill('[name=sourceDate]', '2024-07-31');
    await page.fill('[name=sourceSession]', '19');
  };

  it(
    'a 填报 clerk drafts a transfer out and a resignation; the preview shows 484 → 483 and the posts that end; the 审核 clerk approves and the headcount is 482',
    async () => {
      const clerk = await pageFor(c, '起草人');
      await clerk.goto(`${c.url}/forms/transfer`);
      await clerk.fill('[name=person]', '朱欢');
      await clerk.selectOption('[name=movement]', 'transferred');
      await clerk.fill('[name=circumstances]', '因工作岗位变动调离了宁波市');
      await source(clerk, '关于个别代表的代表资格的报告');
      await clerk.getByRole('button', { name: '预览' }).click();
      expect(await clerk.getByTestId('preview-headcount').textContent()).toContain('2024年7月31日实有代表：484 → 483');
      expect(await clerk.getByTestId('preview').textContent()).toContain('代表法（2015年修正）第四十九条第（一）项');
      await clerk.getByRole('button', { name: '提交审核' }).click();
      expect(await clerk.locator('.flash').textContent()).toContain('已提交草稿 1');

      await clerk.goto(`${c.url}/forms/resignation`);
      await clerk.fill('[name=person]', 'hlq');
      await clerk.selectOption('[name=submittedTo]', 'electing-unit');
      await clerk.fill('[name=reason]', '因工作岗位变动或到龄退休');
      await source(clerk, '关于个别代表的代表资格的报告');
      await clerk.getByRole('button', { name: '预览' }).click();
      expect(await clerk.getByTestId('preview-headcount').textContent()).toContain('484 → 483');
      const posts = await clerk.getByTestId('preview-posts').innerText();
      expect(posts).toContain('黄利琴\t宁波市人大常委会委员\t辞去代表职务被接受，职务相应终止');
      expect(posts).toContain('宁波市人大财政经济委员会主任委员');
      expect(posts).toContain('选举法（2020年修正）第五十六条第一款');
      await screenshot(clerk, 'form-resignation-preview');
      await clerk.getByRole('button', { name: '提交审核' }).click();
      expect(await clerk.locator('.flash').textContent()).toContain('已提交草稿 2');

      const reviewer = await pageFor(c, '审核人');
      await reviewer.goto(`${c.url}/drafts`);
      await screenshot(reviewer, 'drafts');
      await reviewer.goto(`${c.url}/drafts/2`);
      await screenshot(reviewer, 'draft-review');
      expect(await approve(reviewer, c.url, '1')).toContain('已批准并记录1个事件');
      expect(await approve(reviewer, c.url, '2')).toContain('已批准并记录1个事件');
      await reviewer.goto(`${c.url}/sessions/19`);
      expect(await reviewer.getByTestId('ledger-line').textContent()).toContain('（484 − 2 + 0 = 482）');
      await reviewer.goto(`${c.url}/history`);
      const last = await reviewer.locator('tbody tr').first().innerText();
      expect(last).toContain('黄利琴');
      expect(last).toContain('审核人');
      expect(last).toContain('起草：起草人');
    },
    SLOW,
  );

  it(
    'the drafter cannot approve their own draft: no button, and the approve URL called directly is refused',
    async () => {
      const own = await pageFor(c, '审核人乙');
      await own.goto(`${c.url}/forms/transfer`);
      await own.fill('[name=person]', '莫鼎革');
      await own.selectOption('[name=movement]', 'transferred');
      await source(own, '关于个别代表的代表资格的报告');
      await own.getByRole('button', { name: '提交审核' }).click();
      const id = /\/drafts\/(\d+)/.exec(own.url())![1]!;
      expect(await own.getByRole('button', { name: '批准并记录' }).count()).toBe(0);
      expect(await own.getByText('本草稿由您起草，须由另一位审核人员审核').count()).toBe(1);
      const direct = await post(own, `${c.url}/drafts/${id}/approve`, { _csrf: await csrfOf(own) });
      expect(direct.status).toBe(403);
      expect(direct.text).toContain('不能审核自己起草的草稿');

      const clerk = await pageFor(c, '起草人');
      await clerk.goto(`${c.url}/drafts/${id}`);
      const asDrafter = await post(clerk, `${c.url}/drafts/${id}/approve`, { _csrf: await csrfOf(clerk) });
      expect(asDrafter.status).toBe(403);
      await own.goto(`${c.url}/drafts/${id}`);
      expect(await own.getByTestId('draft-status').textContent()).toBe('待审核');
      await own.getByRole('button', { name: '撤回' }).click();
      expect(await own.locator('.flash').textContent()).toContain(`已撤回草稿 ${id}`);
    },
    SLOW,
  );

  it(
    'a 查阅 account gets 403 on every write and on the approve URL called directly',
    async () => {
      const clerk = await pageFor(c, '起草人');
      await clerk.goto(`${c.url}/forms/death`);
      await clerk.fill('[name=person]', '陈庆丰');
      await source(clerk, '测试文件');
      await clerk.getByRole('button', { name: '提交审核' }).click();
      const id = /\/drafts\/(\d+)/.exec(clerk.url())![1]!;

      const reader = await pageFor(c, '查阅人');
      expect(await reader.getByRole('link', { name: '填报' }).count()).toBe(0);
      await reader.goto(`${c.url}/drafts/${id}`);
      expect(await reader.getByRole('button', { name: '批准并记录' }).count()).toBe(0);
      const token = await csrfOf(reader);
      const writes: [string, Record<string, string>][] = [
        [`/drafts/${id}/approve`, {}],
        [`/drafts/${id}/return`, { reason: '测试' }],
        [`/drafts/${id}/withdraw`, {}],
        ['/forms/death', { person: '陈庆丰', sourceTitle: '测试文件', intent: 'submit' }],
        ['/roster-upload', {}],
        ['/accounts', { name: '新账户', role: '管理', password: 'long-enough-1' }],
        ['/accounts/查阅人', { role: '管理' }],
      ];
      for (const [url, form] of writes) {
        const r = await post(reader, c.url + url, { ...form, _csrf: token });
        expect(r.status, url).toBe(403);
      }
      const forms = await reader.goto(`${c.url}/forms`);
      expect(forms?.status()).toBe(403);
      expect(await reader.locator('.problem').textContent()).toContain('“查阅”角色无权执行此操作');
      await clerk.goto(`${c.url}/drafts/${id}`);
      expect(await clerk.getByTestId('draft-status').textContent()).toBe('待审核');
    },
    SLOW,
  );

  it(
    'a form posted without the CSRF token is refused and nothing is drafted',
    async () => {
      const clerk = await pageFor(c, '起草人');
      await clerk.goto(`${c.url}/drafts`);
      const before = await clerk.locator('tbody tr').count();
      const r = await post(clerk, `${c.url}/forms/death`, { person: '何国强', sourceTitle: '测试文件', intent: 'submit' });
      expect(r.status).toBe(403);
      expect(r.text).toContain('防伪令牌');
      const forged = await post(clerk, `${c.url}/forms/death`, {
        person: '何国强',
        sourceTitle: '测试文件',
        intent: 'submit',
        _csrf: 'forged-token',
      });
      expect(forged.status).toBe(403);
      await clerk.goto(`${c.url}/drafts`);
      expect(await clerk.locator('tbody tr').count()).toBe(before);
    },
    SLOW,
  );

  it(
    'a name containing <script> is shown as text, never run',
    async () => {
      const name = '<script>alert("注入")</script>王';
      const clerk = await pageFor(c, '起草人');
      await clerk.goto(`${c.url}/forms/person`);
      await clerk.fill('[name=name]', name);
      await clerk.fill('[name=sourceTitle]', '测试文件');
      await clerk.getByRole('button', { name: '提交审核' }).click();
      const id = /\/drafts\/(\d+)/.exec(clerk.url())![1]!;
      const reviewer = await pageFor(c, '审核人');
      expect(await approve(reviewer, c.url, id)).toContain('已批准并记录1个事件');
      await reviewer.goto(`${c.url}/history`);
      await expect(reviewer.getByText(name).first().isVisible()).resolves.toBe(true);
      expect(await reviewer.locator('script').count()).toBe(1);
      await reviewer.getByText(name).first().click();
      expect(await reviewer.locator('h1').textContent()).toBe(name);
      expect(await reviewer.locator('script').count()).toBe(1);
    },
    SLOW,
  );

  it(
    'two reviewers approving at once: one wins, the other is told, and the event is recorded once',
    async () => {
      const clerk = await pageFor(c, '起草人');
      await clerk.goto(`${c.url}/forms/transfer`);
      await clerk.fill('[name=person]', '徐伟斌');
      await clerk.selectOption('[name=movement]', 'transferred');
      await source(clerk, '关于个别代表的代表资格的报告');
      await clerk.getByRole('button', { name: '提交审核' }).click();
      const id = /\/drafts\/(\d+)/.exec(clerk.url())![1]!;

      const a = await pageFor(c, '审核人');
      const b = await pageFor(c, '审核人乙');
      await Promise.all([a.goto(`${c.url}/drafts/${id}`), b.goto(`${c.url}/drafts/${id}`)]);
      await Promise.all([a.getByRole('button', { name: '批准并记录' }).click(), b.getByRole('button', { name: '批准并记录' }).click()]);
      const told = [await a.locator('.flash').textContent(), await b.locator('.flash').textContent()];
      expect(told.filter((t) => t?.includes('已批准并记录1个事件'))).toHaveLength(1);
      expect(told.filter((t) => /未记录：草稿 \d+ 已由审核人乙?处理/.test(t ?? ''))).toHaveLength(1);
      await a.goto(`${c.url}/history?type=DeputyTransferredOut`);
      expect(await a.locator('tbody tr', { hasText: '徐伟斌' }).count()).toBe(1);
    },
    SLOW,
  );
});

describe('reading the seed', () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startTestConsole({ data: 'seed', accounts: { 查阅人: '查阅', 管理员: '管理' } });
  });
  afterAll(() => c.close());

  it(
    'the notice of the 19th session, with its number and date from the form, downloads as the docx roster doc notice writes',
    async () => {
      const reader = await pageFor(c, '查阅人');
      await reader.goto(`${c.url}/sessions/19`);
      await reader.fill('[name=number]', '12');
      await reader.fill('[name=date]', '2024-07-31');
      await reader.getByRole('button', { name: '填入公告' }).click();
      expect(await reader.locator('#doc-notice').innerText()).toContain('〔十六届〕第十二号');
      const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByTestId('docx-notice').click()]);
      const fromConsole = path.join(c.dir, 'console-notice.docx');
      await download.saveAs(fromConsole);
      const fromCli = path.join(c.dir, 'cli-notice.docx');
      const r = roster([
        '--db',
        path.join(c.dir, 'roster.json'),
        'doc',
        'notice',
        '--session',
        '19',
        '--format',
        'docx',
        '--number',
        '12',
        '--date',
        '2024-07-31',
        '-o',
        fromCli,
      ]);
      expect(r.code).toBe(0);
      const xml = async (file: string) => (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
      const text = await xml(fromConsole);
      expect(text).toBe(await xml(fromCli));
      expect(text).toContain('宁波市人民代表大会常务委员会公告');
      expect(download.suggestedFilename()).toMatch(/^第19次会议-.+\.docx$/);
    },
    SLOW,
  );

  it(
    'finds 黄利琴 by hlq on the 代表 page without JavaScript, and her page gives each finding’s rule and citation and her posts',
    async () => {
      const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', javaScriptEnabled: false });
      contexts.push(ctx);
      const page = await ctx.newPage();
      await logIn(page, c.url, '查阅人');
      await page.goto(`${c.url}/deputies`);
      await page.fill('[name=q]', 'hlq');
      await page.getByRole('button', { name: '查询' }).click();
      expect(await page.getByTestId('listed').textContent()).toBe('1');
      await page.getByRole('link', { name: '黄利琴' }).click();
      const body = await page.locator('main').innerText();
      // The rule by its title; its id only in the hover title.
      expect(body).toContain('代表辞职被接受的，其代表资格终止');
      expect(body).not.toContain('termination.resignation-accepted');
      expect(await page.locator('main [title="termination.resignation-accepted"]').first().textContent()).toContain(
        '代表辞职被接受的，其代表资格终止',
      );
      expect(body).toContain('代表法（2015年修正）第四十九条第（二）项');
      expect(body).toContain('宁波市人大常委会委员');
      expect(body).toContain('2024年7月31日（接受辞职，第88条）');
    },
    SLOW,
  );

  it(
    'an administrator creates a clerk’s account in the console; the clerk logs in, changes the password; 设置 is for 管理 only',
    async () => {
      const admin = await pageFor(c, '管理员');
      await admin.getByRole('link', { name: '账户' }).click();
      await admin.fill('form[action="/accounts"] [name=name]', '新书记员');
      await admin.selectOption('form[action="/accounts"] [name=role]', '填报');
      await admin.fill('form[action="/accounts"] [name=password]', 'first-password-1');
      await admin.getByRole('button', { name: '新建' }).click();
      expect(await admin.locator('.flash').textContent()).toContain('已新建账户“新书记员”（填报）');
      await screenshot(admin, 'accounts');
      await admin.getByRole('link', { name: '设置' }).click();
      expect(await admin.locator('main').innerText()).toContain('代表资格因罢免、辞职以外的情形终止时');
      await screenshot(admin, 'settings');

      const clerk = await (await context()).newPage();
      await logIn(clerk, c.url, '新书记员', 'first-password-1');
      expect(await clerk.locator('.me .role').textContent()).toBe('填报');
      await clerk.goto(`${c.url}/me`);
      await clerk.fill('[name=current]', 'first-password-1');
      await clerk.fill('[name=password]', 'second-password-2');
      await clerk.fill('[name=confirm]', 'second-password-2');
      await clerk.getByRole('button', { name: '修改' }).click();
      expect(await clerk.locator('.flash').textContent()).toContain('密码已修改');
      expect((await clerk.goto(`${c.url}/settings`))?.status()).toBe(403);
      expect((await clerk.goto(`${c.url}/accounts`))?.status()).toBe(403);
      const again = await (await context()).newPage();
      await logIn(again, c.url, '新书记员', 'second-password-2');
      expect(await again.locator('.me a').textContent()).toBe('新书记员');
    },
    SLOW,
  );

  it(
    'keeps screenshots of the main pages at 1366×768, on a phone and as printed',
    async () => {
      const pages: [string, string][] = [
        ['overview', '/'],
        ['deputies', '/deputies'],
        ['person-huang-liqin', '/persons/huang-liqin'],
        ['sessions', '/sessions'],
        ['session-19', '/sessions/19'],
        ['checks', '/checks'],
        ['history', '/history'],
        ['diff-15-19', '/history/diff?from=15&to=19'],
      ];
      const desktop = await pageFor(c, '查阅人');
      const phone = await pageFor(c, '查阅人', PHONE);
      for (const [name, url] of pages) {
        expect((await desktop.goto(c.url + url))?.status(), url).toBe(200);
        await screenshot(desktop, `desktop-${name}`);
        expect((await phone.goto(c.url + url))?.status(), url).toBe(200);
        await screenshot(phone, `phone-${name}`);
        // Nothing wider than the phone's screen but the tables, which scroll inside their own box.
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, url).toBeLessThanOrEqual(0);
      }
      await desktop.goto(`${c.url}/`);
      await desktop.emulateMedia({ media: 'print' });
      await screenshot(desktop, 'print-overview');
      expect(await desktop.locator('header.top').isVisible()).toBe(false);
      const pdf = await desktop.pdf({ format: 'A4' });
      writeFileSync(path.join(c.dir, 'overview.pdf'), pdf);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    },
    SLOW,
  );
});
