/**
 * Bundles the `roster` CLI straight from the TypeScript in src/ into dist/bin/roster.js (esbuild),
 * with the spreadsheet and Word libraries in chunks loaded only by the commands that need them.
 * `npm run build` runs it after tsc; the test suite's global setup runs it before any test, so a
 * test that starts the CLI always runs what src/ says, never an older build.
 */
import { chmodSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// CommonJS packages bundled into an ES module still call require() and read __dirname.
const BANNER = [
  "import { createRequire } from 'node:module';",
  "import { fileURLToPath as __toPath } from 'node:url';",
  "import { dirname as __dirOf } from 'node:path';",
  'const require = createRequire(import.meta.url);',
  'const __filename = __toPath(import.meta.url);',
  'const __dirname = __dirOf(__filename);',
].join(' ');

/**
 * commander requires node:child_process when it loads, for executable subcommands (roster has none);
 * loading it brings net, dgram and the child-process internals with it, a few milliseconds of every
 * command. commander gets a stand-in that loads the real module the first time it is used.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'roster-lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'roster-lazy' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get(_, key) { real ??= require('node:child_process'); return real[key]; } });",
      loader: 'js',
    }));
  },
};

/** One ES-module bundle of an entry point, for Node 20. */
export async function bundle({ entry = 'src/cli/main.ts', outdir = 'dist/bin', name = 'roster' } = {}) {
  const out = path.resolve(ROOT, outdir);
  // Old chunks carry old hashes: start from an empty folder so only this build's files remain.
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: { [name]: path.resolve(ROOT, entry) },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    outdir: out,
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: BANNER },
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    // jsonc-parser's UMD build (what Node loads for plain `tsc` output, as the benchmarks run it)
    // requires its parts at run time, which a bundle cannot follow: the bundle takes its ES-module build.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    plugins: [lazyChildProcess],
  });
  const file = path.join(out, `${name}.js`);
  chmodSync(file, 0o755);
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundle();
