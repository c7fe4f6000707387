/**
 * A scratch workspace for one hostile input: a copy of the embedded record (`db/roster.json`), a copy
 * of the rules a case may break (`rules/`, made on demand), the input files (`in/`), a snapshot of
 * every byte under `db/` to compare after the run, and the CLI run on it in process (`runCli`, the
 * function the `roster` bin calls) or as a real process.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { memoryIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { CLI } from '../support/cli.js';
import { cliEnv, RULES_DIR, SEED_DATA, tempDir } from '../support/scenario.js';

export interface Workspace {
  readonly dir: string;
  /** The record under attack: a copy of the embedded data. */
  readonly db: string;
  /** A path in the record's folder where nothing is yet (import targets). */
  readonly fresh: string;
  /** Where the input files are written. */
  input(name: string): string;
  /** A copy of rules/ this case may break (made on first use). */
  rules(): string;
}

export function workspace(): Workspace {
  const dir = tempDir('roster-hostile-');
  mkdirSync(path.join(dir, 'db'));
  mkdirSync(path.join(dir, 'in'));
  const db = path.join(dir, 'db', 'roster.json');
  copyFileSync(SEED_DATA, db);
  let rules: string | undefined;
  return {
    dir,
    db,
    fresh: path.join(dir, 'db', 'new.json'),
    input: (name) => path.join(dir, 'in', name),
    rules: () => {
      if (!rules) {
        rules = path.join(dir, 'rules');
        cpSync(RULES_DIR, rules, { recursive: true });
      }
      return rules;
    },
  };
}

/**
 * Every file under a folder, with its bytes: what "the record is byte-identical" compares. A data
 * file's kept replay (`FILE.cache/`, README "The kept replay") is left out: a cache, not the record,
 * which any command that reads the record may fill.
 */
export function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    const [top] = path.relative(folder, file).split(path.sep);
    if (top?.endsWith('.cache') && existsSync(path.join(folder, top.slice(0, -'.cache'.length)))) continue;
    out[path.relative(folder, file)] = readFileSync(file).toString('base64');
  }
  return out;
}

export function write(file: string, content: string | Uint8Array): string {
  writeFileSync(file, content);
  return file;
}

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const ENV = { ROSTER_USER: 'test-clerk' };

/** `roster ARGS` through the same entry the bin uses, in this process. */
export async function inProcess(args: readonly string[]): Promise<Outcome> {
  const io = memoryIO(ENV);
  const code = await runCli(args, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** `roster ARGS` as a clerk runs it: a real process of the bundled CLI. */
export function asProcess(args: readonly string[]): Outcome {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: cliEnv(), maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** What no clerk may ever see: a JavaScript stack trace, Node's own error frame, an English error line. */
export const STACK_TRACE = /\n\s+at \S+|node:internal|^\s*(?:\w*Error|TypeError|RangeError|SyntaxError)\b|Error: /m;
/** Some Chinese: the message is in the clerk's language. */
export const CHINESE = /[\u4e00-\u9fff]/;
