/**
 * Reading a JSON Lines log a piece at a time: its lines over a byte range, in order, and its last
 * commit line and last records, found from the end. Neither ever holds the file whole, whatever its size.
 */
import type { FileHandle } from 'node:fs/promises';
import { commitOf } from './data-file.js';
import type { Head } from './record-store.js';

const CHUNK = 1 << 20;
const NEWLINE = 0x0a;

/** The lines of the log between byte `start` and byte `end` (which fall on line ends), without their newlines. */
export async function* linesOf(fh: FileHandle, start: number, end: number): AsyncGenerator<string> {
  const buffer = Buffer.alloc(CHUNK);
  let carry: Buffer[] = [];
  let position = start;
  while (position < end) {
    const { bytesRead } = await fh.read(buffer, 0, Math.min(CHUNK, end - position), position);
    if (bytesRead === 0) throw new Error(`log ended at byte ${position}, before its committed end ${end}`);
    position += bytesRead;
    let from = 0;
    for (let nl = buffer.indexOf(NEWLINE, from); nl !== -1 && nl < bytesRead; nl = buffer.indexOf(NEWLINE, from)) {
      const piece = buffer.subarray(from, nl);
      yield carry.length === 0 ? piece.toString('utf8') : Buffer.concat([...carry, piece]).toString('utf8');
      carry = [];
      from = nl + 1;
    }
    // A line longer than what is left of the chunk: kept (copied) until its newline comes.
    if (from < bytesRead) carry.push(Buffer.from(buffer.subarray(from, bytesRead)));
  }
}

async function readFully(fh: FileHandle, into: Buffer, position: number): Promise<void> {
  for (let done = 0; done < into.length; ) {
    const { bytesRead } = await fh.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new Error(`log ended at byte ${position + done}`);
    done += bytesRead;
  }
}

/** The whole lines of the log from its end back to byte `floor` (a line start), each with the byte after its newline. */
async function* linesBackward(fh: FileHandle, floor: number, size: number): AsyncGenerator<{ text: string; end: number }> {
  let bufStart = size;
  let buf: Buffer = Buffer.alloc(0);
  const more = async () => {
    const chunk = Buffer.alloc(Math.min(64 * 1024, bufStart - floor));
    await readFully(fh, chunk, bufStart - chunk.length);
    bufStart -= chunk.length;
    buf = Buffer.concat([chunk, buf]);
  };
  // What follows the last newline is a torn write, never a line.
  for (;;) {
    const nl = buf.lastIndexOf(NEWLINE);
    if (nl !== -1) {
      buf = buf.subarray(0, nl + 1);
      break;
    }
    if (bufStart <= floor) return;
    await more();
  }
  while (buf.length > 0) {
    const prev = buf.length >= 2 ? buf.lastIndexOf(NEWLINE, buf.length - 2) : -1;
    if (prev === -1 && bufStart > floor) {
      await more();
      continue;
    }
    yield { text: buf.subarray(prev + 1, buf.length - 1).toString('utf8'), end: bufStart + buf.length };
    buf = buf.subarray(0, prev + 1);
  }
}

/** The last commit line of the log and the byte after it, looking back from `size` to `floor` (the first line after the header). */
export async function lastCommit(fh: FileHandle, floor: number, size: number): Promise<{ end: number; head: Head } | undefined> {
  for await (const line of linesBackward(fh, floor, size)) {
    if (!line.text.startsWith('{"commit"')) continue;
    try {
      const head = commitOf(JSON.parse(line.text));
      if (head) return { end: line.end, head };
    } catch {
      // an event line that happens to start so: go on looking
    }
  }
  return undefined;
}

/** A commit line, told as the reader of the records tells it (an unreadable line is no commit line). */
const isCommitLine = (text: string): boolean => {
  try {
    return commitOf(JSON.parse(text)) !== undefined;
  } catch {
    return false;
  }
};

/** The last `count` lines before byte `end` (a line end) that are records, not commit lines, in order; back to `floor` at most. */
export async function lastRecordLines(fh: FileHandle, floor: number, end: number, count: number): Promise<string[]> {
  const lines: string[] = [];
  if (count <= 0) return lines;
  for await (const line of linesBackward(fh, floor, end)) {
    if (isCommitLine(line.text)) continue;
    lines.unshift(line.text);
    if (lines.length === count) break;
  }
  return lines;
}
