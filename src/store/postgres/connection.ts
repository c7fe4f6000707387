/**
 * The connection to a PostgreSQL database, through node-postgres (`pg`). The driver is loaded on
 * first use only, so a clerk working on a data file never pays for it at start-up. The pool lets the
 * process exit once it is idle: a CLI command ends when its work does.
 *
 * Every error the database raises becomes a DomainError with a Chinese message: the ones the schema
 * raises on purpose (RS403 append-only, RS409 a moved head) and the ones a clerk or an administrator
 * can act on (no server, no such database, a schema not yet migrated, a missing privilege).
 */
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { DomainError } from '../../domain/errors.js';

export function isDatabaseUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** The URL without its password, for messages. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** What node-postgres and the server report: a SQLSTATE (`code`), a constraint, a detail. */
export interface DatabaseFailure {
  readonly code?: string;
  readonly constraint?: string;
  readonly detail?: string;
  readonly hint?: string;
  readonly message: string;
}

export function failureOf(e: unknown): DatabaseFailure | undefined {
  return e instanceof Error && typeof (e as { code?: unknown }).code === 'string' ? (e as DatabaseFailure) : undefined;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH']);

/** A database error as the clerk reads it. */
export function translate(e: unknown, where: string): DomainError | undefined {
  const f = failureOf(e);
  if (!f?.code) return undefined;
  const code = f.code;
  if (CONNECTION_CODES.has(code) || code.startsWith('08') || code === '57P03')
    return new DomainError('store-unavailable', `无法连接数据库：${f.message}`, where);
  if (code === '28P01' || code === '28000') return new DomainError('store-unavailable', `数据库拒绝登录：${f.message}`, where);
  if (code === '3D000') return new DomainError('store-unavailable', `数据库不存在：${f.message}`, where);
  if (code === '42P01' || code === '3F000')
    return new DomainError('store-unavailable', '数据库中还没有 deputy-roster 的表：请由数据库所有者运行 roster db migrate', where);
  if (code === '42501') return new DomainError('store-refused', `数据库拒绝了这一操作（当前用户无此权限）：${f.message}`, where);
  if (code === '25006') return new DomainError('store-refused', `数据库只读（只读副本或只读事务）：${f.message}`, where);
  if (code === 'RS410') return new DomainError('tampered-log', f.message, where);
  if (code === 'RS404') return new DomainError('invalid-input', f.message, where);
  if (code === 'RS403') return new DomainError('store-refused', `${f.message}${f.hint ? `（${f.hint}）` : ''}`, where);
  return new DomainError('store-failed', `数据库错误（${code}）：${f.message}`, where);
}

/**
 * pg, loaded. On loading, pg 8 asks whether it runs in a Cloudflare Worker; where `navigator` is
 * missing (Node 20 has none; Node 21 and later do) it asks by constructing a fetch `Response`, which
 * loads Node's whole fetch implementation (undici): about 40 ms of every database command. A
 * `navigator` naming Node.js, as later Nodes define it, answers the question; it is there only while
 * pg loads.
 */
async function loadPg(): Promise<typeof import('pg')['default']> {
  const given = 'navigator' in globalThis;
  if (!given)
    Object.defineProperty(globalThis, 'navigator', { value: { userAgent: `Node.js/${process.versions.node}` }, configurable: true });
  try {
    return (await import('pg')).default;
  } finally {
    if (!given) delete (globalThis as { navigator?: unknown }).navigator;
  }
}

export class Connection {
  readonly url: string;
  #pool: Promise<Pool> | undefined;

  constructor(url: string) {
    this.url = url;
  }

  /** The URL without its password. */
  get safeUrl(): string {
    return safeUrl(this.url);
  }

  #open(): Promise<Pool> {
    this.#pool ??= loadPg().then((pg) => {
      const pool = new pg.Pool({ connectionString: this.url, max: 4, allowExitOnIdle: true, application_name: 'deputy-roster' });
      // An idle connection the server closed (a restart) is dropped by the pool itself; the next
      // query opens a new one or reports why it cannot. Without a listener the process would crash.
      pool.on('error', () => {});
      return pool;
    });
    return this.#pool;
  }

  /**
   * Run `work` on one connection, every database error translated; with `raw`, errors raised by
   * `work` are left for the caller to read (its SQLSTATE, constraint) and translate.
   */
  async use<T>(work: (client: PoolClient) => Promise<T>, raw = false): Promise<T> {
    let client: PoolClient;
    try {
      client = await (await this.#open()).connect();
    } catch (e) {
      throw translate(e, this.safeUrl) ?? e;
    }
    try {
      return await work(client);
    } catch (e) {
      throw raw ? e : (translate(e, this.safeUrl) ?? e);
    } finally {
      client.release();
    }
  }

  async query<R extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return this.use(async (c) => (await c.query<R>(sql, params)).rows);
  }

  /** `work` in one transaction: committed if it returns, rolled back if it throws (`raw` as for `use`). */
  async transaction<T>(work: (client: PoolClient) => Promise<T>, options: { mode?: string; raw?: boolean } = {}): Promise<T> {
    const { mode = '', raw = false } = options;
    return this.use(async (c) => {
      await c.query(`BEGIN ${mode}`);
      try {
        const result = await work(c);
        await c.query('COMMIT');
        return result;
      } catch (e) {
        // Where the connection itself failed, the rollback fails too: the server rolls back, and the first error says why.
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    }, raw);
  }

  async close(): Promise<void> {
    if (this.#pool) await (await this.#pool).end();
    this.#pool = undefined;
  }
}
