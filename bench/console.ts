/**
 * The console under load, against a real `roster serve` process on a local port: time to first
 * byte of 概览 and 代表 on the seed and on the synthetic 20-year congress, then 20 concurrent readers
 * (autocannon) with one writer drafting and approving events through the API for 30 s.
 * `node dist/bench/console.js [seconds]` runs it alone.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import type { RosterEvent } from '../src/domain/events.js';
import { CLI_BIN, EMBEDDED_DATA } from '../src/paths.js';
import { chainRecords } from '../src/store/chain.js';
import { FileRecordStream } from '../src/store/file-store.js';
import { syntheticCongress } from './_synthetic.js';

const PASSWORD = 'bench-password-1';

interface Server {
  readonly url: string;
  readonly child: ChildProcess;
}

function addAccount(db: string, name: string, role: string): void {
  const r = spawnSync(process.execPath, [CLI_BIN, '--db', db, 'user', 'add', name, '--role', role], {
    input: `${PASSWORD}\n`,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
}

async function serve(db: string): Promise<Server> {
  const child = spawn(process.execPath, [CLI_BIN, '--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /控制台已启动：(\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`roster serve exited with ${code}`)));
  });
  return { url, child };
}

async function stop(s: Server): Promise<void> {
  const exited = new Promise((resolve) => s.child.once('exit', resolve));
  s.child.kill('SIGTERM');
  await exited;
}

async function login(url: string, name: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${name}: ${res.status}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Milliseconds until the response headers arrive (the server renders the whole page before it answers). */
async function ttfb(url: string, cookie: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  await res.arrayBuffer();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

async function firstBytes(s: Server, cookie: string): Promise<void> {
  for (const page of ['/', '/deputies']) {
    const cold = await ttfb(s.url + page, cookie);
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) warm.push(await ttfb(s.url + page, cookie));
    console.log(
      `  ${page === '/' ? '概览 /' : '代表 /deputies'}: first request ${cold.toFixed(0)} ms; then median ${median(warm).toFixed(1)} ms, p95 ${p95(warm).toFixed(1)} ms (20 requests)`,
    );
  }
}

/** One writer: drafts a person's registration and approves it, again and again, until told to stop. */
async function writer(s: Server, until: () => boolean) {
  const drafter = await login(s.url, '起草');
  const reviewer = await login(s.url, '审核');
  let writes = 0;
  let errors = 0;
  const times: number[] = [];
  for (let i = 0; !until(); i++) {
    const t = performance.now();
    const event = {
      type: 'PersonRegistered',
      source: { title: '基准测试文件', date: '2026-01-01' },
      personId: `bench-${Date.now()}-${i}`,
      name: `基准人员${i}`,
    };
    const created = await fetch(`${s.url}/api/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: drafter.cookie, 'x-csrf-token': drafter.csrf },
      body: JSON.stringify(event),
    });
    if (created.status !== 201) {
      errors++;
      continue;
    }
    const { id } = (await created.json()) as { id: string };
    const approved = await fetch(`${s.url}/api/drafts/${id}/approve`, {
      method: 'POST',
      headers: { cookie: reviewer.cookie, 'x-csrf-token': reviewer.csrf },
    });
    if (approved.status === 200) {
      writes++;
      times.push(performance.now() - t);
    } else errors++;
    await approved.arrayBuffer();
  }
  return { writes, errors, times };
}

async function load(s: Server, cookie: string, seconds: number): Promise<void> {
  let done = false;
  const writing = writer(s, () => done);
  const result = await autocannon({
    url: s.url,
    connections: 20,
    duration: seconds,
    headers: { cookie },
    requests: [
      { method: 'GET', path: '/' },
      { method: 'GET', path: '/deputies' },
    ],
  });
  done = true;
  const w = await writing;
  const l = result.latency;
  console.log(
    `  20 readers (概览 and 代表 in turn) for ${seconds} s: ${result.requests.average.toFixed(0)} requests/s, latency median ${l.p50} ms, p90 ${l.p90} ms, p97.5 ${l.p97_5} ms, p99 ${l.p99} ms, max ${l.max} ms; ` +
      `non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
  );
  console.log(
    `  1 writer (draft + approve through the API) at the same time: ${w.writes} events recorded, ${w.errors} refused or failed` +
      (w.times.length > 0 ? `, median ${median(w.times).toFixed(0)} ms per event` : ''),
  );
}

async function scenario(label: string, db: string, seconds: number): Promise<void> {
  addAccount(db, '查阅', '查阅');
  addAccount(db, '起草', '填报');
  addAccount(db, '审核', '审核');
  const s = await serve(db);
  try {
    console.log(label);
    const { cookie } = await login(s.url, '查阅');
    await firstBytes(s, cookie);
    await load(s, cookie, seconds);
  } finally {
    await stop(s);
  }
}

export default async function consoleBench(seconds = 30): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roster-bench-console-'));
  try {
    const seed = path.join(dir, 'seed.json');
    copyFileSync(EMBEDDED_DATA, seed);
    await scenario('Seed (16th Ningbo congress, 109 events), roster serve on a local port:', seed, seconds);

    const events = syntheticCongress().map(
      (e, i) => ({ ...e, seq: i + 1, recordedAt: '2026-01-01T00:00:00Z', recordedBy: 'bench' }) as RosterEvent,
    );
    const big = path.join(dir, 'congress.json');
    await new FileRecordStream(big).importRecords(chainRecords(events));
    await scenario(`\nSynthetic congress (500 deputies, 20 years: ${events.length} events):`, big, seconds);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await consoleBench(Number(process.argv[2] ?? 30));
