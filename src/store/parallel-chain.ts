/**
 * Verifying a large log on every core: worker threads each take whole-line chunks of the committed
 * range and, for each record, parse it, validate it as an event and recompute its hash over the
 * hash stored on the record before it; the chunks are joined in order on the main thread.
 *
 * Each record's hash is SHA-256 over the previous hash and its own canonical form. Where every
 * stored hash checks against the stored hash before it, the chain computed from the genesis is
 * exactly the stored one, so the records can be checked in any order, a chunk at a time. This is
 * only ever a shortcut to "all is well": at the first doubt (a line that is not JSON or not an
 * event, a seq out of order, a hash that does not check, a worker that fails) it answers
 * `undefined`, and the caller reads the log one record at a time, which names the first bad seq
 * and says what is wrong (src/store/chain.ts).
 */
import type { FileHandle } from 'node:fs/promises';
import os from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { StoredEventSchema } from '../domain/events.js';
import { canonicalJson, GENESIS, linkHash, type VerifiedRun } from './chain.js';
import { commitOf } from './data-file.js';

const CHUNK = 2 << 20;
const NEWLINE = 0x0a;

/** What a worker found in one chunk: enough to join it onto the chunk before. */
type ChunkResult =
  | { readonly ok: false }
  | {
      readonly ok: true;
      readonly count: number;
      /** The first record's seq, stored hash and canonical form (its link to the chunk before is checked on joining). */
      readonly firstSeq: number;
      readonly firstHash: string;
      readonly firstText: string;
      readonly lastSeq: number;
      readonly lastHash: string;
      /** The stored hash of the record whose seq is the committed one, where it is in this chunk. */
      readonly atCommitted: string | undefined;
    };

interface WorkerSetup {
  readonly committedSeq: number | undefined;
}

/** Check the whole lines of one chunk (commit lines skipped), each record against the one before it. */
function checkChunk(text: string, committedSeq: number | undefined): ChunkResult {
  let count = 0;
  let firstSeq = 0;
  let firstHash = '';
  let firstText = '';
  let lastSeq = 0;
  let lastHash = '';
  let atCommitted: string | undefined;
  for (let from = 0; from < text.length; ) {
    let nl = text.indexOf('\n', from);
    if (nl === -1) nl = text.length;
    const line = text.slice(from, nl);
    from = nl + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false };
    }
    if (commitOf(value)) continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false };
    const { hash, ...body } = value as Record<string, unknown>;
    const seq = body.seq;
    if (typeof hash !== 'string' || typeof seq !== 'number' || !Number.isInteger(seq)) return { ok: false };
    const canonical = canonicalJson(body);
    if (count === 0) {
      firstSeq = seq;
      firstHash = hash;
      firstText = canonical;
    } else if (seq !== lastSeq + 1 || linkHash(lastHash, canonical) !== hash) {
      return { ok: false };
    }
    if (!StoredEventSchema.safeParse(body).success) return { ok: false };
    if (seq === committedSeq) atCommitted = hash;
    lastSeq = seq;
    lastHash = hash;
    count++;
  }
  return { ok: true, count, firstSeq, firstHash, firstText, lastSeq, lastHash, atCommitted };
}

/** A worker's loop (started by `verifyInParallel`, in a thread of its own). */
export function serveChunks(): void {
  const port = parentPort;
  if (!port) throw new Error('serveChunks runs in a worker thread');
  const { committedSeq } = workerData as WorkerSetup;
  port.on('message', ({ id, bytes, length }: { id: number; bytes: Uint8Array; length: number }) => {
    let result: ChunkResult;
    try {
      result = checkChunk(Buffer.from(bytes.buffer, bytes.byteOffset, length).toString('utf8'), committedSeq);
    } catch {
      result = { ok: false };
    }
    port.postMessage({ id, result });
  });
}

/** The chunks' results joined in order, from the genesis: the run of records they hold, or undefined at the first doubt. */
class Joiner {
  #count = 0;
  #lastSeq = 0;
  #lastHash = GENESIS;
  #atCommitted: string | undefined;
  #broken = false;

  add(r: ChunkResult): void {
    if (this.#broken) return;
    if (!r.ok) {
      this.#broken = true;
      return;
    }
    if (r.count === 0) return;
    if (r.firstSeq !== this.#lastSeq + 1 || linkHash(this.#lastHash, r.firstText) !== r.firstHash) {
      this.#broken = true;
      return;
    }
    this.#count += r.count;
    this.#lastSeq = r.lastSeq;
    this.#lastHash = r.lastHash;
    this.#atCommitted ??= r.atCommitted;
  }

  get broken(): boolean {
    return this.#broken;
  }

  run(): VerifiedRun | undefined {
    return this.#broken ? undefined : { count: this.#count, lastHash: this.#lastHash, atCommitted: this.#atCommitted };
  }
}

/** Bytes `start` to `end` of the log in chunks that end on a line end (a line longer than a chunk makes its chunk longer). */
async function* chunksOf(fh: FileHandle, start: number, end: number): AsyncGenerator<{ bytes: Uint8Array<ArrayBuffer>; length: number }> {
  for (let position = start, size = CHUNK; position < end; ) {
    const want = Math.min(size, end - position);
    const bytes = new Uint8Array(new ArrayBuffer(want));
    let read = 0;
    while (read < want) {
      const { bytesRead } = await fh.read(bytes, read, want - read, position + read);
      if (bytesRead === 0) throw new Error(`log ended at byte ${position + read}, before its committed end ${end}`);
      read += bytesRead;
    }
    const nl = bytes.lastIndexOf(NEWLINE);
    if (nl === -1 && position + want < end) {
      size *= 2;
      continue;
    }
    const length = nl === -1 ? want : nl + 1;
    yield { bytes, length };
    position += length;
    size = CHUNK;
  }
}

/**
 * The committed records between bytes `start` and `end` of the log (a version 2 log: every record
 * carries its hash), verified on worker threads: the run they make from the genesis where every
 * record is a valid event chained onto the one before, else undefined (read it one record at a time).
 */
export async function verifyInParallel(
  fh: FileHandle,
  start: number,
  end: number,
  committedSeq: number | undefined,
): Promise<VerifiedRun | undefined> {
  const count = Math.max(1, Math.min(4, os.availableParallelism()));
  const setup: WorkerSetup = { committedSeq };
  // This module, as built (its own file in the bundle, being imported on demand), is each worker's program.
  const program = `import(${JSON.stringify(import.meta.url)}).then((m) => m.serveChunks())`;
  // Each worker validates nothing but many records: zod's compiled validation (about twice as fast) pays there.
  const env = { ...process.env, ROSTER_VALIDATE_COMPILED: '1' };
  const workers = Array.from({ length: count }, () => new Worker(program, { eval: true, workerData: setup, env }));
  const pending = new Map<number, (r: ChunkResult) => void>();
  let failed: (() => void) | undefined;
  const failure = new Promise<undefined>((resolve) => {
    failed = () => resolve(undefined);
  });
  for (const w of workers) {
    w.on('message', ({ id, result }: { id: number; result: ChunkResult }) => {
      pending.get(id)?.(result);
      pending.delete(id);
    });
    w.on('error', () => failed?.());
    w.on('exit', () => failed?.());
  }
  const work = async (): Promise<VerifiedRun | undefined> => {
    const joiner = new Joiner();
    // Results in flight, in chunk order: at most a few per worker, so memory stays a few chunks whatever the log's size.
    const inFlight: Promise<ChunkResult>[] = [];
    let id = 0;
    for await (const { bytes, length } of chunksOf(fh, start, end)) {
      const mine = id++;
      inFlight.push(new Promise<ChunkResult>((resolve) => pending.set(mine, resolve)));
      workers[mine % count]!.postMessage({ id: mine, bytes, length }, [bytes.buffer]);
      if (inFlight.length >= 3 * count) {
        joiner.add(await inFlight.shift()!);
        if (joiner.broken) return undefined;
      }
    }
    for (const r of inFlight) joiner.add(await r);
    return joiner.run();
  };
  try {
    // Whichever comes first: the last chunk joined, or a worker gone (its chunk would never come back).
    return await Promise.race([work().catch(() => undefined), failure]);
  } finally {
    failed = undefined;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
