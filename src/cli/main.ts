#!/usr/bin/env node
/**
 * `roster`: the bin. Runs the command line through `runCli` with the process's streams and sets the
 * exit code; the process-wide guards make sure nothing that escapes a command reaches the clerk as a
 * stack trace or an English warning:
 * - a reader that stops early (`roster export | head -1`, EPIPE) ends the output quietly; the command
 *   still finishes and exits with its own code (0 when it succeeded), as `pipefail` scripts expect;
 * - a failure to write the output (a full disk behind `> file`) is told in Chinese, exit 1;
 * - an exception or rejection outside a command's own flow (a library's timer) goes through the
 *   same error boundary;
 * - Node's own warnings (DEP0005 from a bundled library …) are for developers: shown only with ROSTER_DEBUG.
 */
import { packageVersion } from '../paths.js';
import { reportError } from './error-boundary.js';
import { type CliIO, guardedStream } from './io.js';

const debug = Boolean(process.env.ROSTER_DEBUG);
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (debug) process.stderr.write(`${w.name}: ${w.message}\n`);
});

let outputFailed = false;
const stdout = guardedStream(process.stdout, (e) => {
  if (outputFailed) return;
  outputFailed = true;
  process.exitCode = reportError(e, io);
});
const io: CliIO = { stdout, stderr: guardedStream(process.stderr, () => {}), env: process.env };

// Past a file-size limit (ulimit -f) the system would kill the process mid-write; ignored, the write
// comes back short or EFBIG, and the store rolls it back and says so.
process.on('SIGXFSZ', () => undefined);

// Whatever state the failure left behind, nothing more is done: stderr is written synchronously, then the process ends.
const escaped = (e: unknown) => {
  process.exit(reportError(e, io, { json: process.argv.includes('--json') }));
};
process.on('uncaughtException', escaped);
process.on('unhandledRejection', escaped);

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // What a script asks to see whether the command is installed: answered without loading the program.
  io.stdout.write(`${packageVersion()}\n`);
} else {
  // Loaded after the guards are in place, so that even a broken install is told in Chinese.
  const { runCli } = await import('./run.js');
  const code = await runCli(args, io);
  if (!outputFailed) process.exitCode = code;
}
