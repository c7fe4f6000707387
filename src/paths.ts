/** Where the package's own trees are, wherever it is installed or run from. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('deputy-roster: package.json not found above the running code');
    dir = up;
  }
  return dir;
}

export const PACKAGE_ROOT = findPackageRoot();
export const DEFAULT_RULES_DIR = path.join(PACKAGE_ROOT, 'rules');
/** The embedded default data: read-only, copied to a working file on first use. */
export const EMBEDDED_DATA = path.join(PACKAGE_ROOT, 'data', 'ningbo-16.json');
/** How each level usually writes its documents: data/document-forms/<kind>-<level>.json. */
export const DOCUMENT_FORMS_DIR = path.join(PACKAGE_ROOT, 'data', 'document-forms');

/** The clerk's own settings (the recorder's name): $ROSTER_CONFIG, else under $XDG_CONFIG_HOME (or ~/.config). */
export function defaultConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ROSTER_CONFIG) return path.resolve(env.ROSTER_CONFIG);
  const base = env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config');
  return path.join(base, 'deputy-roster', 'config.json');
}

/** What the program keeps to go faster (the rule files validated before): $ROSTER_CACHE_DIR, else under $XDG_CACHE_HOME (or ~/.cache). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ROSTER_CACHE_DIR) return path.resolve(env.ROSTER_CACHE_DIR);
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'deputy-roster');
}

/** The clerk's working copy: $ROSTER_DB, else under $XDG_DATA_HOME (or ~/.local/share). */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ROSTER_DB) return path.resolve(env.ROSTER_DB);
  const base = env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'deputy-roster', 'roster.json');
}

/**
 * Which build of the program is running: the package version and the running file's size and time.
 * A replay kept by one build is not used by another, whose rules code may differ.
 */
export function codeVersion(): string {
  const self = fileURLToPath(import.meta.url);
  const { size, mtimeMs } = statSync(self);
  return `${packageVersion()}+${size}-${Math.trunc(mtimeMs)}`;
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The `roster` bin as installed: the bundle package.json points to (built by `npm run build`). */
export const CLI_BIN = path.join(PACKAGE_ROOT, 'dist', 'bin', 'roster.js');
