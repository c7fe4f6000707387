/**
 * Dependencies point down: domain ← engine ← posts / ledger ← views / checks / documents ← app ←
 * format ← cli; store and roster-io depend on the domain only; container.ts alone knows the adapters.
 * The console sits beside the CLI: server (the HTTP shell and the one adapter to the application
 * layer) ← console, api ← serve.ts, which puts them together; search is a pure module below app.
 * Read off every import in src/, static or loaded on use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/scenario.js';

const SRC = path.join(ROOT, 'src');

/** What each folder may import besides itself. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  domain: [],
  store: ['domain'],
  'roster-io': ['domain'],
  engine: ['domain'],
  posts: ['domain', 'engine'],
  ledger: ['domain', 'engine'],
  views: ['domain', 'engine', 'posts', 'ledger'],
  checks: ['domain', 'engine', 'posts', 'ledger'],
  documents: ['domain', 'engine', 'posts', 'ledger'],
  search: ['domain', 'roster-io'],
  app: ['domain', 'engine', 'posts', 'ledger', 'views', 'checks', 'documents', 'store', 'roster-io', 'search'],
  format: ['domain', 'posts', 'ledger', 'views', 'checks', 'app'],
  cli: ['domain', 'roster-io', 'documents', 'ledger', 'app', 'format', 'container.ts', 'paths.ts', 'api', 'serve.ts'],
  server: ['domain', 'engine', 'posts', 'ledger', 'views', 'checks', 'documents', 'store', 'roster-io', 'search', 'app', 'paths.ts'],
  console: ['domain', 'ledger', 'checks', 'documents', 'search', 'app', 'format', 'server'],
  api: ['domain', 'ledger', 'app', 'format', 'server', 'paths.ts'],
  'serve.ts': ['app', 'engine', 'server', 'console', 'api', 'container.ts'],
  'container.ts': ['app', 'engine', 'store', 'paths.ts'],
  'paths.ts': [],
};

const ADAPTERS = [
  'store/file-store.ts',
  'store/file-catalog.ts',
  'store/memory-store.ts',
  'store/file-replay-store.ts',
  'store/file-validated-rules.ts',
  'store/file-account-store.ts',
  'store/file-draft-store.ts',
  'store/postgres/postgres-stream.ts',
  'store/postgres/postgres-catalog.ts',
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(SRC, path.join(e.parentPath, e.name)));
}

const folderOf = (file: string) => file.split(path.sep)[0]!;

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.[^']+)'/g)].map((m) => m[1]!);
  return specifiers.map((s) => path.relative(SRC, path.resolve(path.dirname(path.join(SRC, file)), s)).replace(/\.js$/, '.ts'));
}

describe('the layers of src/', () => {
  const files = sources(SRC);

  it('every folder is a known layer', () => {
    expect(Object.keys(MAY_IMPORT)).toEqual(expect.arrayContaining([...new Set(files.map(folderOf))]));
  });

  it('no folder imports a folder above it', () => {
    const across = files.flatMap((file) => importsOf(file).filter((target) => folderOf(target) !== folderOf(file)));
    expect(across.length).toBeGreaterThan(200);
    const wrong = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => folderOf(target) !== folderOf(file) && !MAY_IMPORT[folderOf(file)]!.includes(folderOf(target)))
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('only container.ts knows the adapters of the record port', () => {
    const users = files.filter(
      (file) => !ADAPTERS.includes(file) && !file.startsWith(`store${path.sep}`) && importsOf(file).some((t) => ADAPTERS.includes(t)),
    );
    expect(users).toEqual(['container.ts']);
  });
});
