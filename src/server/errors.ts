/**
 * What a clerk or a script is told when a request fails: a Chinese message and the right status,
 * never a stack trace. The API answers `{"error":{"kind","message","where"}}` (and `problems`, each
 * located, where a batch is refused for several); pages show the message.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type DomainErrorKind, isDomainError, type ListedProblem } from '../domain/errors.js';

/** A request refused by the server itself (no session, a role that may not, a missing page). */
export class RequestRefused extends Error {
  constructor(
    readonly statusCode: number,
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

const STATUS: Record<DomainErrorKind, number> = {
  'login-failed': 401,
  'not-permitted': 403,
  'unknown-person': 404,
  'ambiguous-query': 409,
  'unknown-session': 404,
  'unknown-draft': 404,
  'unknown-account': 404,
  'draft-conflict': 409,
  'store-conflict': 409,
  'account-exists': 409,
  'invalid-input': 422,
  'contradicts-record': 422,
  'nothing-to-report': 422,
  'invalid-data-file': 500,
  'invalid-rule-file': 500,
  'rule-conflict': 500,
  'unsupported-version': 500,
  'tampered-log': 500,
  'output-failed': 500,
  'store-failed': 503,
  'store-unavailable': 503,
  'store-refused': 403,
};

/** Fastify's and its plugins' own refusals, in the clerk's words. */
const FRAMEWORK: Record<string, { kind: string; message: string }> = {
  FST_CSRF_INVALID_TOKEN: { kind: 'csrf', message: '请求没有有效的防伪令牌（CSRF），未执行。页面可能已过期，请刷新后重试' },
  FST_CSRF_MISSING_SECRET: { kind: 'csrf', message: '请求没有有效的防伪令牌（CSRF），未执行。页面可能已过期，请刷新后重试' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { kind: 'unsupported-media-type', message: '不支持的请求格式' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { kind: 'invalid-input', message: '请求正文为空' },
  FST_ERR_CTP_INVALID_JSON_BODY: { kind: 'invalid-input', message: '请求正文不是有效的 JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { kind: 'too-large', message: '请求正文过大' },
  FST_REQ_FILE_TOO_LARGE: { kind: 'too-large', message: '上传的文件过大' },
  FST_FILES_LIMIT: { kind: 'too-large', message: '一次只能上传一个文件' },
};

export interface Problem {
  readonly status: number;
  readonly kind: string;
  readonly message: string;
  readonly where?: string | undefined;
  /** Every problem, where the error refuses a batch for several (every event the record refuses …). */
  readonly problems?: readonly ListedProblem[] | undefined;
}

export function problemOf(error: unknown): Problem | undefined {
  if (isDomainError(error)) {
    const message = error.where ? error.message.slice(error.where.length + 2) : error.message;
    return {
      status: STATUS[error.kind],
      kind: error.kind,
      message,
      where: error.where,
      ...(error.problems ? { problems: error.problems } : {}),
    };
  }
  if (error instanceof RequestRefused) return { status: error.statusCode, kind: error.kind, message: error.message };
  const e = error as FastifyError;
  const known = e.code ? FRAMEWORK[e.code] : undefined;
  if (known) return { status: e.statusCode ?? 400, ...known };
  if (e.statusCode === 429) return { status: 429, kind: 'rate-limited', message: '登录尝试过于频繁，请一分钟后再试' };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    // The framework's remaining client errors (a malformed body, a bad header): refused as they are, in Chinese.
    return { status: e.statusCode, kind: 'bad-request', message: '请求格式不正确' };
  }
  return undefined;
}

export const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');

export async function sendProblem(req: FastifyRequest, reply: FastifyReply, p: Problem) {
  if (p.kind === 'unauthenticated' && !isApi(req) && req.method === 'GET') {
    return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
  }
  reply.code(p.status);
  if (isApi(req)) {
    return reply.send({
      error: { kind: p.kind, message: p.message, ...(p.where ? { where: p.where } : {}), ...(p.problems ? { problems: p.problems } : {}) },
    });
  }
  return reply.view('error', { title: '无法完成', problem: p, actor: req.actor, csrfToken: undefined, path: req.url });
}

export function registerErrors(app: FastifyInstance): void {
  app.setErrorHandler(async (error, req, reply) => {
    const p = problemOf(error);
    if (p) return sendProblem(req, reply, p);
    // Unexpected: the details go to the server's log, never to the clerk.
    process.stderr.write(`[roster serve] ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}\n`);
    return sendProblem(req, reply, { status: 500, kind: 'internal', message: '服务器内部错误，请联系管理员查看服务器日志' });
  });
  app.setNotFoundHandler(async (req, reply) => sendProblem(req, reply, { status: 404, kind: 'not-found', message: '没有这个页面' }));
}
