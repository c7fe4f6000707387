/** A progress bar for long files: on stderr, and only when a person is watching a terminal. */
import cliProgress from 'cli-progress';
import type { CliIO } from './io.js';

/** Rows from which a bar is worth drawing. */
const MIN_ROWS = 1000;

export function progressBar(label: string, io: CliIO) {
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(total: number) {
      if (total < MIN_ROWS || !io.stdout.isTTY || !io.stderr.isTTY) return;
      bar = new cliProgress.SingleBar(
        { format: `${label} [{bar}] {value}/{total} 行`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    tick(done: number) {
      if (bar && (done % 200 === 0 || done === bar.getTotal())) bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
