/**
 * The HTTP JSON API under /api/, as one table: each operation's method, path, what it needs, its
 * request schema (zod, the same schemas `roster record` validates with) and its handler. The routes
 * are registered from this table and the OpenAPI document is generated from it, so the two cannot
 * drift. Responses are the JSON the CLI prints with `--json` for the same command.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { jsonText } from '../app/json-text.js';
import { parseEvents } from '../app/parse-events.js';
import type { Action } from '../domain/accounts.js';
import { Day } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { EVENT_NAMES } from '../domain/event-names.js';
import { EVENT_TYPES, EventInputSchema } from '../domain/events.js';
import { withMessages } from '../format/check.js';
import type { LedgerTarget } from '../ledger/headcount.js';
import { startSession } from '../server/auth.js';
import type { RosterServices } from '../server/services.js';

export interface Operation {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly summary: string;
  readonly description?: string;
  /** Open without a session. */
  readonly public?: boolean;
  readonly action?: Action;
  readonly query?: Record<string, { readonly description: string; readonly schema: z.ZodType }>;
  readonly body?: z.ZodType;
  readonly responses: Record<number, string>;
  readonly rateLimited?: boolean;
  handler(services: RosterServices, req: FastifyRequest, reply: FastifyReply): Promise<unknown>;
}

const Login = z.strictObject({ name: z.string().min(1), password: z.string().min(1) });
const Events = z.union([EventInputSchema, z.array(EventInputSchema).min(1)]);
const Return = z.strictObject({ reason: z.string().min(1) });

type Query = Record<string, string | undefined>;
const queryOf = (req: FastifyRequest) => (req.query ?? {}) as Query;
const paramOf = (req: FastifyRequest, name: string) => (req.params as Record<string, string>)[name]!;

/** The JSON text of the CLI's `--json` for the same result: byte for byte. */
function sendJson(reply: FastifyReply, value: unknown, status = 200) {
  return reply.code(status).header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send(jsonText(value));
}

/** `?session=19` or `?asOf=2024-07-31`, as `--session` and `--as-of`. */
function targetOf(q: Query): LedgerTarget | undefined {
  if (q.session !== undefined && q.asOf !== undefined) throw new DomainError('invalid-input', 'session 与 asOf 只能给一个');
  if (q.session !== undefined) {
    if (!/^[1-9]\d*$/.test(q.session)) throw new DomainError('invalid-input', `会议次数“${q.session}”无效，应为正整数`);
    return { session: Number(q.session) };
  }
  if (q.asOf !== undefined) {
    if (!Day.safeParse(q.asOf).success) throw new DomainError('invalid-input', `日期“${q.asOf}”无效，应为 YYYY-MM-DD`);
    return { asOf: q.asOf };
  }
  return undefined;
}

function bodyOf<T>(schema: z.ZodType<T>, req: FastifyRequest): T {
  const r = schema.safeParse(req.body);
  if (!r.success)
    throw new DomainError('invalid-input', r.error.issues.map((i) => `${i.path.join('.') || '请求正文'}：${i.message}`).join('；'));
  return r.data;
}

const sessionQuery = { description: '常委会会议次数（同 --session）', schema: z.string().regex(/^[1-9]\d*$/) };
const asOfQuery = { description: '截至日期 YYYY-MM-DD（同 --as-of）', schema: Day };

export const OPERATIONS: readonly Operation[] = [
  {
    method: 'POST',
    url: '/api/login',
    summary: '登录：返回会话 Cookie 和 CSRF 令牌',
    description:
      '成功时设置 httpOnly、SameSite 的会话 Cookie，正文为 {"csrfToken","name","role"}；此后每个写请求须带请求头 x-csrf-token。按客户端地址限制尝试次数。',
    public: true,
    rateLimited: true,
    body: Login,
    responses: { 200: '已登录', 401: '账户名或密码不正确，或账户已停用', 429: '尝试过于频繁' },
    async handler(services, req, reply) {
      const { name, password } = bodyOf(Login, req);
      const account = await services.login(name, password);
      await startSession(req, account.name);
      return sendJson(reply, { csrfToken: reply.generateCsrf(), name: account.name, role: account.role });
    },
  },
  {
    method: 'POST',
    url: '/api/logout',
    summary: '退出登录',
    responses: { 200: '已退出', 401: '未登录', 403: '缺少 CSRF 令牌' },
    async handler(_services, req, reply) {
      await req.session.destroy();
      return sendJson(reply, { ok: true });
    },
  },
  {
    method: 'GET',
    url: '/api/session',
    summary: '当前账户和新的 CSRF 令牌',
    responses: { 200: '{"name","role","csrfToken"}', 401: '未登录' },
    async handler(_services, req, reply) {
      return sendJson(reply, { name: req.actor!.name, role: req.actor!.role, csrfToken: reply.generateCsrf() });
    },
  },
  {
    method: 'GET',
    url: '/api/headcount',
    summary: '代表名额、实有代表、出缺与补选：与 roster headcount --json 的输出逐字节相同',
    query: { session: sessionQuery, asOf: asOfQuery },
    responses: { 200: 'roster headcount --json 的 JSON', 401: '未登录', 404: '记录中没有该次会议' },
    async handler(services, req, reply) {
      return sendJson(reply, await services.headcount(targetOf(queryOf(req))));
    },
  },
  {
    method: 'GET',
    url: '/api/persons',
    summary: '按姓名（部分）、拼音首字母（如 hlq）、拼音或选举单位查找人员',
    query: {
      q: { description: '查询，如 黄利、hlq、鄞州', schema: z.string().min(1) },
      limit: { description: '最多返回几人（默认20）', schema: z.string().regex(/^\d+$/) },
    },
    responses: { 200: '{"persons":[{"personId","name","electingUnit","status","matchedBy"}]}', 401: '未登录' },
    async handler(services, req, reply) {
      const q = queryOf(req);
      const limit = Math.min(Number(q.limit ?? 20) || 20, 200);
      return sendJson(reply, { persons: await services.searchPersons(q.q ?? '', limit) });
    },
  },
  {
    method: 'GET',
    url: '/api/persons/:personId',
    summary: '某人的时间线：与 roster history --json 相同',
    responses: { 200: 'roster history --json 的 JSON', 401: '未登录', 404: '没有该人员' },
    async handler(services, req, reply) {
      return sendJson(reply, (await services.person(paramOf(req, 'personId'))).history);
    },
  },
  {
    method: 'GET',
    url: '/api/check',
    summary: '一致性检查：与 roster check --json 相同（每项发现带类型化的事实和中文说明）',
    responses: { 200: '{"findings","errors"}', 401: '未登录' },
    async handler(services, _req, reply) {
      const report = await services.check();
      return sendJson(reply, { findings: withMessages(report.findings), errors: report.errors });
    },
  },
  {
    method: 'GET',
    url: '/api/verify',
    summary: '重新计算哈希链：与 roster verify --json 相同（含最后一条的哈希 headHash）',
    responses: { 200: 'roster verify --json 的 JSON', 401: '未登录' },
    async handler(services, _req, reply) {
      return sendJson(reply, await services.verify());
    },
  },
  {
    method: 'GET',
    url: '/api/log',
    summary: '记录的事件：与 roster log --json 相同',
    query: {
      type: {
        description: `事件类型：${EVENT_TYPES.map((t) => `${t}（${EVENT_NAMES[t]}）`).join('、')}`,
        schema: z.enum(EVENT_TYPES as [string, ...string[]]),
      },
      unit: { description: '选举单位', schema: z.string() },
      since: { description: '记录日期不早于 YYYY-MM-DD', schema: Day },
    },
    responses: { 200: 'roster log --json 的 JSON', 401: '未登录' },
    async handler(services, req, reply) {
      const q = queryOf(req);
      if (q.since !== undefined && !Day.safeParse(q.since).success)
        throw new DomainError('invalid-input', `日期“${q.since}”无效，应为 YYYY-MM-DD`);
      return sendJson(
        reply,
        await services.log({
          ...(q.type ? { type: q.type } : {}),
          ...(q.unit ? { unit: q.unit } : {}),
          ...(q.since ? { since: q.since } : {}),
        }),
      );
    },
  },
  {
    method: 'GET',
    url: '/api/drafts',
    summary: '草稿（待审核和已处理的）',
    responses: { 200: '{"drafts":[…]}', 401: '未登录' },
    async handler(services, req, reply) {
      return sendJson(reply, { drafts: await services.drafts(req.actor!) });
    },
  },
  {
    method: 'GET',
    url: '/api/drafts/:id',
    summary: '一份草稿及其按当前记录计算的预览',
    responses: { 200: '{"draft","preview"}', 401: '未登录', 404: '没有该草稿' },
    async handler(services, req, reply) {
      return sendJson(reply, await services.draft(paramOf(req, 'id'), req.actor!));
    },
  },
  {
    method: 'POST',
    url: '/api/drafts',
    summary: '提交草稿：事件与 roster record 所收的相同（一个对象或数组）',
    description:
      '记录会接受时保存为草稿，返回 201 {"id","preview"}；会被拒绝时不保存，返回 422 {"error","preview"}，error.problems（同 preview.refusals）列出记录拒绝的每个事件及理由（序号、位置、人员）。可用查询参数 title 给草稿命名。须带请求头 x-csrf-token。',
    action: 'draft',
    query: { title: { description: '草稿名称（默认按事件类型）', schema: z.string() } },
    body: Events,
    responses: { 201: '已保存为草稿', 401: '未登录', 403: '角色无权起草，或缺少 CSRF 令牌', 422: '事件无效或与记录矛盾' },
    async handler(services, req, reply) {
      const events = parseEvents(req.body, '请求正文');
      const title = queryOf(req).title?.trim() || [...new Set(events.map((e) => EVENT_NAMES[e.type]))].join('、');
      const { draft, preview } = await services.createDraft(title, events, req.actor!);
      if (!draft) {
        const { kind, message, where } = preview.refusal!;
        return sendJson(reply, { error: { kind, message, where, problems: preview.refusals }, preview }, 422);
      }
      return sendJson(reply, { id: draft.id, preview }, 201);
    },
  },
  {
    method: 'POST',
    url: '/api/drafts/:id/approve',
    summary: '批准草稿：经与 roster record 相同的途径记入（记录人为审核人，起草人保留为 draftedBy）',
    description:
      '起草人不能批准自己的草稿（403）。草稿已被他人处理，或审核期间记录被他人更新时返回 409，草稿和记录都不变。须带请求头 x-csrf-token。',
    action: 'review',
    responses: {
      200: '{"draft","recorded"}',
      401: '未登录',
      403: '角色无权审核、审核自己的草稿，或缺少 CSRF 令牌',
      404: '没有该草稿',
      409: '冲突：已被他人处理',
      422: '记录拒绝这些事件',
    },
    async handler(services, req, reply) {
      return sendJson(reply, await services.approveDraft(paramOf(req, 'id'), req.actor!));
    },
  },
  {
    method: 'POST',
    url: '/api/drafts/:id/return',
    summary: '退回草稿并说明理由',
    action: 'review',
    body: Return,
    responses: { 200: '{"draft"}', 401: '未登录', 403: '角色无权审核，或缺少 CSRF 令牌', 404: '没有该草稿', 409: '已被他人处理' },
    async handler(services, req, reply) {
      const { reason } = bodyOf(Return, req);
      return sendJson(reply, { draft: await services.returnDraft(paramOf(req, 'id'), reason, req.actor!) });
    },
  },
];
