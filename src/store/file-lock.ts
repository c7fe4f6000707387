/**
 * The file store's writer lock, `FILE.lock`: a small file created exclusively (link(2) of a fully
 * written temporary file, so it is never seen half written) that holds its owner's token: process
 * id, host name, boot id and process start time where the system gives them, and a random nonce.
 *
 * Whether a lock may be taken from its owner is decided by whether that process still exists on
 * this host, never by file times: a clock that runs ahead, a folder whose times were changed, or a
 * writer frozen for minutes (SIGSTOP, a laptop put to sleep) cannot lose its lock. A lock held from
 * another host (a shared folder) is never taken; the clerk is told whose it is. The owner checks
 * that the lock is still its own (`holds`) right before it commits, so a writer whose lock was
 * removed by hand does not commit.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import { DomainError } from '../domain/errors.js';

/** Who holds the lock. */
export interface LockToken {
  readonly pid: number;
  readonly host: string;
  /** The kernel's boot id (Linux): a host that restarted since the lock was taken has no such process. */
  readonly boot?: string;
  /** When the process started, in clock ticks since boot (Linux): tells a reused pid from the owner. */
  readonly started?: string;
  readonly nonce: string;
  /** When the lock was taken, for the clerk's message only: never used to decide anything. */
  readonly since: string;
}

export interface HeldLock {
  readonly token: LockToken;
  /** Is the lock file still this holder's? Checked right before a commit (the fence). */
  holds(): Promise<boolean>;
  release(): Promise<void>;
}

const readOr = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/** Field 22 of /proc/PID/stat: the process's start time (the command name, field 2, may hold spaces). */
function startTimeOf(pid: number): string | undefined {
  const text = readOr(`/proc/${pid}/stat`);
  return text?.slice(text.lastIndexOf(')') + 2).split(' ')[19];
}

const BOOT_ID = readOr('/proc/sys/kernel/random/boot_id');

function ownToken(): LockToken {
  const started = startTimeOf(process.pid);
  return {
    pid: process.pid,
    host: os.hostname(),
    ...(BOOT_ID ? { boot: BOOT_ID } : {}),
    ...(started ? { started } : {}),
    nonce: randomUUID(),
    since: new Date().toISOString(),
  };
}

function parseToken(text: string): LockToken | undefined {
  try {
    const t = JSON.parse(text) as Partial<LockToken> | null;
    if (t && typeof t.pid === 'number' && typeof t.host === 'string' && typeof t.nonce === 'string') return t as LockToken;
  } catch {
    // not a token: answered below
  }
  return undefined;
}

/** `gone`: the owner no longer runs on this host; `alive`: it does; `unknown`: it runs (or ran) elsewhere. */
export function ownerState(t: LockToken): 'gone' | 'alive' | 'unknown' {
  if (t.host !== os.hostname()) return 'unknown';
  // Same name, another boot: this host restarted since (host names are taken to be unique among the
  // computers that share a data folder).
  if (t.boot !== undefined && BOOT_ID !== undefined && t.boot !== BOOT_ID) return 'gone';
  try {
    process.kill(t.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return 'gone';
  }
  // The pid exists (or belongs to another user: EPERM); a different start time means it was reused.
  if (t.started !== undefined) {
    const now = startTimeOf(t.pid);
    if (now !== undefined && now !== t.started) return 'gone';
  }
  return 'alive';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Create `lock` holding `text`, atomically and exclusively; false if it exists. */
async function createExclusive(lock: string, text: string): Promise<boolean> {
  const temp = `${lock}.${randomUUID()}.tmp`;
  const fh = await open(temp, 'wx');
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await link(temp, lock);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw e;
    // A file system without hard links (FAT, some network shares): O_EXCL creation instead. A reader
    // may then see it empty for a moment, and waits (`read` below).
    try {
      const lh = await open(lock, 'wx');
      try {
        await lh.writeFile(text);
        await lh.sync();
      } finally {
        await lh.close();
      }
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** The lock file's text, or undefined when it is gone. */
async function readLock(lock: string): Promise<string | undefined> {
  try {
    return await readFile(lock, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') return '';
    throw e;
  }
}

/**
 * Remove a lock whose owner is gone. Renamed aside first (atomic), then looked at: if what was
 * moved is not the dead owner's lock (another writer broke it and took a new one in between), it is
 * put back; that writer's fence (`holds`) catches the moment it was missing.
 */
async function breakLock(lock: string, dead: LockToken): Promise<void> {
  const aside = `${lock}.stale-${randomUUID()}`;
  try {
    await rename(lock, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = parseToken((await readLock(aside)) ?? '');
  if (moved && moved.nonce !== dead.nonce) await link(aside, lock).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

function busy(lock: string, location: string, t: LockToken, waitedMs: number): DomainError {
  const whose = `进程 ${t.pid}（主机 ${t.host}，${t.since} 起）`;
  const advice =
    ownerState(t) === 'alive'
      ? `该进程仍在运行：若它已停止响应，请先结束它`
      : `若该主机上的 roster 已不在运行（例如被强行关闭），请删除锁文件 ${lock} 后重试`;
  return new DomainError('store-conflict', `数据文件正由${whose}写入，等待${Math.round(waitedMs / 1000)}秒后仍未结束；${advice}`, location);
}

/**
 * Take the lock of the data file `location`, waiting up to `waitMs` for a live owner to finish.
 * Throws a `store-conflict` DomainError naming the owner when it does not.
 */
export async function acquireLock(location: string, waitMs: number): Promise<HeldLock> {
  const lock = `${location}.lock`;
  const token = ownToken();
  const text = `${JSON.stringify(token)}\n`;
  const start = Date.now();
  let delay = 5;
  let unreadableSince: number | undefined;
  for (;;) {
    if (await createExclusive(lock, text)) break;
    const found = await readLock(lock);
    if (found === undefined) continue;
    const owner = parseToken(found);
    if (owner === undefined) {
      // Half written by a writer on a file system without hard links, or not a lock of ours.
      unreadableSince ??= Date.now();
      if (Date.now() - unreadableSince > 2000) {
        const what = found === '' && (await stat(lock)).isDirectory() ? '是一个文件夹（旧版本程序的锁）' : '的内容无法识别';
        throw new DomainError('store-conflict', `锁文件 ${lock} ${what}：若确认没有 roster 正在写入这个数据文件，请删除它后重试`, location);
      }
    } else {
      unreadableSince = undefined;
      if (ownerState(owner) === 'gone') {
        await breakLock(lock, owner);
        continue;
      }
      if (Date.now() - start > waitMs) throw busy(lock, location, owner, Date.now() - start);
    }
    await sleep(delay);
    delay = Math.min(delay * 1.5, 100);
  }
  const holds = async () => parseToken((await readLock(lock)) ?? '')?.nonce === token.nonce;
  return {
    token,
    holds,
    release: async () => {
      // Only our own lock is removed: one taken from us by hand now belongs to someone else.
      if (await holds()) await unlink(lock).catch(() => undefined);
    },
  };
}
