/**
 * `npm run bench`: runs every benchmark script in this folder (compiled to dist/bench/), in name
 * order. A benchmark is a module whose default export is an async function that prints its report.
 * Add one by adding a file; files starting with `_` are helpers, not run. `--only NAME` runs the
 * scripts whose file name contains NAME.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.indexOf('--only') >= 0 ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.js') && f !== 'run.js' && !f.startsWith('_'))
  .filter((f) => only === undefined || f.includes(only))
  .sort();

for (const file of scripts) {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { default?: unknown };
  if (typeof mod.default !== 'function') continue;
  process.stdout.write(`\n=== ${file.replace(/\.js$/, '')} ===\n`);
  await (mod.default as () => Promise<void>)();
}
