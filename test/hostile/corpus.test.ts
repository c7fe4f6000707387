/**
 * The hostile-input corpus (corpus.ts), each input against a fresh copy of the embedded record: a
 * non-zero exit, a Chinese message naming what is wrong, no stack trace, and the record byte for byte
 * as it was. Every input runs in process through `runCli`, the function the `roster` bin calls (300
 * process starts would cost minutes on a 2-core machine); a sample of them also runs as a real
 * process of the bundled CLI, which must say exactly the same.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, type Hostile } from './corpus.js';
import { asProcess, CHINESE, inProcess, type Outcome, STACK_TRACE, snapshot, workspace } from './workspace.js';

function refusedCleanly(h: Hostile, run: Outcome, before: Record<string, string>, after: Record<string, string>) {
  const said = `${run.stderr}${run.stdout}`;
  const context = `${h.id}: ${h.what}\nstderr: ${run.stderr.slice(0, 600)}\nstdout: ${run.stdout.slice(0, 300)}`;
  expect(run.code, context).toBe(h.code ?? 1);
  expect(said, context).toMatch(CHINESE);
  expect(said, context).toMatch(h.expect);
  expect(said, context).not.toMatch(STACK_TRACE);
  expect(after, `${context}\nthe record changed`).toEqual(before);
}

describe('the hostile-input corpus', () => {
  it('holds more than 300 inputs, each with its own id', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(CORPUS.map((h) => h.id)).size).toBe(CORPUS.length);
  });

  describe('every input is refused in Chinese, with a non-zero exit, and the record unchanged (in process)', () => {
    for (const h of CORPUS) {
      it(`${h.id}: ${h.what}`, async () => {
        const ws = workspace();
        const args = await h.setup(ws);
        const before = snapshot(path.dirname(ws.db));
        const run = await inProcess(args);
        refusedCleanly(h, run, before, snapshot(path.dirname(ws.db)));
      }, 120_000);
    }
  });

  /** Every tenth input, and those whose failure would only show in a real process (output, signals, files). */
  const ALWAYS = ['cli/output-dev-full', 'rules/nesting-20000', 'record/encoding-gb18030', 'import/session-0000'];
  const sample = CORPUS.filter((h, i) => i % 10 === 0 || ALWAYS.includes(h.id));

  describe(`a sample of ${sample.length} runs as a real process of the bundled CLI, and says exactly the same`, () => {
    for (const h of sample) {
      it(`${h.id}: ${h.what}`, async () => {
        const ws = workspace();
        const args = await h.setup(ws);
        const before = snapshot(path.dirname(ws.db));
        const run = asProcess(args);
        refusedCleanly(h, run, before, snapshot(path.dirname(ws.db)));
        // The same inputs once more, in process, for the comparison (the first run changed nothing).
        const again = await inProcess(args);
        expect({ code: run.code, stderr: run.stderr, stdout: run.stdout }).toEqual(again);
      }, 90_000);
    }
  });
});
