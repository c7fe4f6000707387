/**
 * The floors of issue 14, measured on the log being benchmarked: what no reading of it can go below
 * on this machine. `sha256sum` of the file (a whole process, GNU time), node's SHA-256 over its bytes,
 * `JSON.parse` of each record line, and the RFC 8785 canonicalisation of each record without its hash
 * as the chain does it (`canonicalJson`: `JSON.stringify` where the record is read back in canonical
 * order, as the store writes it since 2026-11-30; the `canonicalize` package otherwise), the last
 * three timed in this process on the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { canonicalJson } from '../src/store/chain.js';

export interface Cost {
  /** CPU seconds (user + system). */
  readonly cpu: number;
  /** Wall-clock seconds. */
  readonly seconds: number;
}

export interface Floors {
  readonly sha256sum: Cost;
  readonly nodeSha256: Cost;
  readonly jsonParse: Cost;
  readonly canonicalise: Cost;
}

export const FLOOR_NAMES: Record<keyof Floors, string> = {
  sha256sum: '`sha256sum` of the log',
  nodeSha256: "node's SHA-256 over it",
  jsonParse: '`JSON.parse` of its records',
  canonicalise: 'RFC 8785 canonicalisation of its records',
};

/** CPU and wall time of `work`, in this process. */
async function timed(work: () => unknown): Promise<Cost> {
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  await work();
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1e6, seconds: Number(process.hrtime.bigint() - t) / 1e9 };
}

const add = (a: Cost, b: Cost): Cost => ({ cpu: a.cpu + b.cpu, seconds: a.seconds + b.seconds });
const NONE: Cost = { cpu: 0, seconds: 0 };

function sha256sum(file: string): Cost {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', 'sha256sum', file], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`sha256sum ${file} failed: ${r.stderr}`);
  const [seconds, user, system] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { cpu: user! + system!, seconds: seconds! };
}

/** Node's SHA-256 over the file's bytes, read 1 MiB at a time. */
function nodeSha256(file: string): Promise<Cost> {
  return timed(() => {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(1 << 20);
    const fd = openSync(file, 'r');
    try {
      for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
    } finally {
      closeSync(fd);
    }
    return hash.digest('hex');
  });
}

/** `JSON.parse` of every record line, and the canonical form of every record without its hash: timed a batch at a time, the reading not counted. */
async function parseAndCanonicalise(file: string): Promise<{ jsonParse: Cost; canonicalise: Cost }> {
  let jsonParse = NONE;
  let canonicalise = NONE;
  let batch: string[] = [];
  let sink = 0;
  const flush = async () => {
    const lines = batch;
    batch = [];
    let records: Record<string, unknown>[] = [];
    jsonParse = add(
      jsonParse,
      await timed(() => {
        records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      }),
    );
    const bodies = records.map(({ hash: _hash, ...body }) => body);
    canonicalise = add(
      canonicalise,
      await timed(() => {
        for (const body of bodies) sink += canonicalJson(body).length;
      }),
    );
  };
  let first = true;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })) {
    // The header line, and the commit lines appends leave, are not records.
    if (first || line === '' || line.startsWith('{"commit":')) {
      first = false;
      continue;
    }
    batch.push(line);
    if (batch.length === 10_000) await flush();
  }
  await flush();
  if (sink === 0) throw new Error(`${file}: no records`);
  return { jsonParse, canonicalise };
}

const least = (costs: readonly Cost[]): Cost => costs.reduce((a, b) => (b.cpu < a.cpu ? b : a));

/** The floors of a log file (the log layout: a header line, then record and commit lines): the least of `runs` runs of each. */
export async function floorsOf(file: string, runs = 3): Promise<Floors> {
  const samples: Floors[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push({ sha256sum: sha256sum(file), nodeSha256: await nodeSha256(file), ...(await parseAndCanonicalise(file)) });
  }
  return {
    sha256sum: least(samples.map((f) => f.sha256sum)),
    nodeSha256: least(samples.map((f) => f.nodeSha256)),
    jsonParse: least(samples.map((f) => f.jsonParse)),
    canonicalise: least(samples.map((f) => f.canonicalise)),
  };
}
