/**
 * Installing the command for the office, by the lines README.md gives: `npm install -g` from the
 * checkout, and on a machine without the registry the `npm pack` tarball installed `--offline`. Each
 * install goes to a scratch prefix instead of the machine's own; the tarball holds the bundled CLI
 * with the rules, the data and the schema, and needs no other package.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesIn } from '../support/readme.js';
import { ROOT, tempDir } from '../support/scenario.js';

const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const steps = examplesIn('Installing for the office');
const npm = (command: string, extra: string[], cwd: string) =>
  execFileSync('npm', [...command.replace(/^npm /, '').split(' '), ...extra, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
  });
/** Runs an installed `roster` with a throwaway working copy, as a clerk on that machine would. */
const installed = (prefix: string, command: string) =>
  execFileSync(path.join(prefix, 'bin', 'roster'), command.replace(/^roster /, '').split(' '), {
    encoding: 'utf8',
    env: { ...process.env, ROSTER_DB: path.join(tempDir(), 'roster.json') },
  });

describe('README’s install lines', () => {
  it('are the ones this file runs, naming the tarball npm pack writes', () => {
    expect(steps).toEqual([
      'npm install && npm install --global .',
      'npm pack',
      `npm install --global --offline ./deputy-roster-${version}.tgz`,
      'roster --version',
      'roster headcount --session 19',
    ]);
  });
});

describe('an office machine without the registry, given the packed tarball', () => {
  const [, pack, install, showVersion, headcount] = steps as [string, string, string, string, string];
  const dir = tempDir('roster-pack-');
  // `npm test` has just built dist/: pack that build (without running `prepare` again) into the scratch folder.
  npm(pack, ['--ignore-scripts', '--pack-destination', dir], ROOT);
  const prefix = path.join(dir, 'prefix');
  npm(install, ['--prefix', prefix], dir);
  const pkg = path.join(prefix, 'lib', 'node_modules', 'deputy-roster');

  it('installs offline and runs: roster --version, roster headcount --session 19', () => {
    expect(installed(prefix, showVersion).trim()).toBe(version);
    expect(installed(prefix, headcount)).toContain('实有代表：484 − 8 + 3 = 479名');
  });

  it('ships what the command needs (the bundle, rules, data, schema, the console’s templates and style sheet) and nothing it does not', () => {
    expect(readdirSync(pkg).sort()).toEqual(['README.md', 'data', 'dist', 'package.json', 'rules', 'schema', 'src']);
    expect(readdirSync(path.join(pkg, 'dist'))).toEqual(['bin']);
    // `roster serve` reads its page templates and assets from src/console/ at run time; no other source ships.
    expect(readdirSync(path.join(pkg, 'src'))).toEqual(['console']);
    expect(readdirSync(path.join(pkg, 'src', 'console')).sort()).toEqual(['assets', 'views']);
    // Every library is inside the bundle: nothing to fetch, nothing installed beside it.
    expect(readdirSync(path.join(prefix, 'lib', 'node_modules'))).toEqual(['deputy-roster']);
    expect(JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')).dependencies).toBeUndefined();
  });

  it('writes Word and spreadsheet files from the installed copy, whose chunks load lazily', () => {
    const out = tempDir();
    installed(prefix, `roster doc report --session 19 --format docx -o ${path.join(out, 'report.docx')}`);
    installed(prefix, `roster export-roster --format xlsx -o ${path.join(out, 'roster.xlsx')}`);
    expect(readdirSync(out).sort()).toEqual(['report.docx', 'roster.xlsx']);
  });
});

describe('the console from the packed tarball', () => {
  it('serves its pages from the installed copy (templates and style sheet shipped with it)', async () => {
    const dir = tempDir('roster-pack-serve-');
    npm('npm pack', ['--ignore-scripts', '--pack-destination', dir], ROOT);
    const prefix = path.join(dir, 'prefix');
    npm(`npm install --global --offline ./deputy-roster-${version}.tgz`, ['--prefix', prefix], dir);
    const bin = path.join(prefix, 'bin', 'roster');
    const db = path.join(tempDir(), 'roster.json');
    copyFileSync(path.join(ROOT, 'data', 'ningbo-16.json'), db);
    execFileSync(bin, ['--db', db, 'user', 'add', '查阅员', '--role', '查阅'], { input: 'office-secret-1\n', encoding: 'utf8' });
    const child = spawn(bin, ['--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          const m = /控制台已启动：(\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const login = await fetch(`${url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: '查阅员', password: 'office-secret-1' }),
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const page = await fetch(`${url}/deputies`, { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('实有代表<strong>479</strong>名');
      expect((await fetch(`${url}/assets/console.css`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});

describe('npm install -g from the checkout', () => {
  it('puts roster on the path, running the checkout’s build (the one npm install made)', () => {
    const fromCheckout = steps[0]!.split(' && ')[1]!;
    const prefix = path.join(tempDir('roster-global-'), 'prefix');
    // The checkout is installed and built already (the test run needs it); the global install links it.
    // Its `prepare` is not run again here: rebuilding dist/ mid-run would swap the bundle under the
    // test files running beside this one.
    npm(fromCheckout, ['--offline', '--ignore-scripts', '--prefix', prefix], ROOT);
    expect(installed(prefix, 'roster --version').trim()).toBe(version);
    expect(installed(prefix, 'roster headcount --session 19')).toContain('479名');
    // npm's global install from the checkout took 27 s here alone, and over 30 s beside the rest of the suite.
  }, 180_000);
});
