/**
 * Benchmark of `roster import-roster` and `roster export-roster` on a generated roster of
 * invented deputies (10,000 rows by default): whole-process wall time, as a clerk experiences it.
 * `bench/run.ts` calls `benchImport()`; `node dist/bench/import.js [rows]` runs it alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { EventInput } from '../src/domain/events.js';
import { CLI_BIN } from '../src/paths.js';
import { emptyDataFile } from '../src/store/data-file.js';

export interface BenchResult {
  readonly name: string;
  readonly ms: number;
  readonly note?: string;
}

const CLI = CLI_BIN;
const HEADERS = ['序号', '姓名', '性别', '民族', '出生年月', '党派', '选举单位', '工作单位及职务', '代表资格确认日期', '备注'];

function timed(args: string[]): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, [CLI, ...args], { stdio: 'ignore', maxBuffer: 256 * 1024 * 1024 });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function setup(dir: string, rows: number): Promise<{ db: string; file: string }> {
  const units = Array.from({ length: 20 }, (_, i) => `第${i + 1}选区`);
  const source = { title: '基准测试' };
  const events: EventInput[] = [
    {
      type: 'CongressConstituted',
      source,
      congress: {
        name: '基准测试人民代表大会',
        shortName: '测试人大',
        termNumber: 1,
        level: 'municipal',
        region: '某市',
        term: {},
        quota: rows,
        electingUnits: units.map((name) => ({ name })),
      },
    },
    { type: 'SessionHeld', source, session: 1, date: '2026-01-10', agenda: [] },
  ];
  const db = path.join(dir, 'roster.json');
  writeFileSync(db, JSON.stringify(emptyDataFile()));
  const input = path.join(dir, 'setup.json');
  writeFileSync(input, JSON.stringify(events));
  execFileSync(process.execPath, [CLI, '--db', db, 'record', input], { stdio: 'ignore' });

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表名册');
  ws.addRow(HEADERS);
  for (let i = 0; i < rows; i++) {
    ws.addRow([
      i + 1,
      `代表${i + 1}`,
      i % 2 ? '女' : '男',
      '汉族',
      25_000 + (i % 5000),
      '群众',
      units[i % units.length],
      '某单位职员',
      '2026-01-10',
      null,
    ]);
  }
  const file = path.join(dir, 'roster.xlsx');
  await wb.xlsx.writeFile(file);
  return { db, file };
}

export async function benchImport(rows = 10_000): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roster-bench-import-'));
  try {
    const { db, file } = await setup(dir, rows);
    const results: BenchResult[] = [];
    results.push({
      name: `import-roster --dry-run (${rows} rows)`,
      ms: timed(['--db', db, 'import-roster', file, '--session', '1', '--dry-run']),
    });
    results.push({ name: `import-roster (${rows} rows, recorded)`, ms: timed(['--db', db, 'import-roster', file, '--session', '1']) });
    results.push({ name: `headcount after import (${rows} deputies)`, ms: timed(['--db', db, 'headcount']) });
    const out = path.join(dir, 'export.xlsx');
    results.push({
      name: `export-roster --format xlsx (${rows} deputies)`,
      ms: timed(['--db', db, 'export-roster', '--format', 'xlsx', '-o', out]),
      note: `${(statSync(out).size / 1024).toFixed(0)} KiB`,
    });
    results.push({
      name: `export-roster --format popolo (${rows} deputies)`,
      ms: timed(['--db', db, 'export-roster', '--format', 'popolo', '-o', path.join(dir, 'p.json')]),
    });
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Run by `npm run bench` (bench/run.ts); `node dist/bench/import.js [rows]` runs it alone. */
export default async function run(rows = 10_000): Promise<void> {
  for (const r of await benchImport(rows)) console.log(`${r.name}: ${r.ms.toFixed(0)} ms${r.note ? `（${r.note}）` : ''}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await run(Number(process.argv[2] ?? 10_000));
}
