/**
 * Writing a command's output file (`-o`) whole or not at all: into a temporary file in the target's
 * folder, fsynced, then renamed over the target and the folder fsynced, so a reader never sees half
 * a document and a failure leaves the old file as it was. A device or a pipe (`/dev/stdout`,
 * `/dev/full`) is written to directly. Every failure is a Chinese message naming the file.
 */
import { randomUUID } from 'node:crypto';
import { type FileHandle, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../domain/errors.js';

export type OutputContent = string | Uint8Array | AsyncIterable<string | Uint8Array>;

const REASON: Record<string, string> = {
  ENOENT: '目标文件夹不存在',
  ENOTDIR: '路径中有一段不是文件夹',
  EISDIR: '这是一个文件夹，请指定文件名',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '文件系统只读',
  ENOSPC: '磁盘已满',
  EDQUOT: '超出磁盘配额',
  EFBIG: '超过文件大小上限',
  EIO: '磁盘读写错误',
};

/** Every byte of `content` written through `fh`, in pieces of about 1 MiB, each write checked for its length. */
async function writeAll(fh: FileHandle, content: OutputContent): Promise<void> {
  const flush = async (bytes: Uint8Array) => {
    for (let done = 0; done < bytes.length; ) {
      const { bytesWritten } = await fh.write(bytes, done, bytes.length - done);
      if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
      done += bytesWritten;
    }
  };
  const pieces = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
  let held: Buffer[] = [];
  let size = 0;
  for await (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    held.push(bytes);
    size += bytes.length;
    if (size >= 1 << 20) {
      await flush(Buffer.concat(held));
      held = [];
      size = 0;
    }
  }
  if (size > 0) await flush(Buffer.concat(held));
}

function failed(file: string, e: unknown): DomainError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = (code && REASON[code]) ?? (code ? `系统错误 ${code}` : (e as Error).message);
  return new DomainError('output-failed', `无法写入输出文件：${reason}；没有写入任何内容`, file);
}

export async function writeOutputFile(file: string, content: OutputContent): Promise<void> {
  const target = path.resolve(file);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw failed(file, Object.assign(new Error(), { code: 'EISDIR' }));
  if (existing && !existing.isFile()) {
    // A device or a pipe: nothing to rename over, written as it is.
    const fh = await open(target, 'w').catch((e: unknown) => {
      throw failed(file, e);
    });
    try {
      await writeAll(fh, content);
    } catch (e) {
      throw failed(file, e);
    } finally {
      await fh.close().catch(() => undefined);
    }
    return;
  }
  const folder = path.dirname(target);
  const temp = path.join(folder, `.${path.basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    const fh = await open(temp, 'wx', existing ? existing.mode & 0o777 : 0o666);
    try {
      await writeAll(fh, content);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(temp, target);
    const dir = await open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw failed(file, e);
  }
}
