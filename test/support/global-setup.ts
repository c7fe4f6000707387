/**
 * Runs once before the suite: bundles the CLI and the append worker from src/ (so a test that starts
 * a process runs what src/ says, never an older build) and makes one scratch folder every test's
 * temporary files go under, removed when the suite ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundle } from '../../scripts/bundle.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder every test's temporary files go under. */
    tempRoot: string;
    /** The append worker of the concurrency and crash tests, bundled from test/support/append-worker.ts. */
    appendWorker: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'roster-tests-'));
  await bundle();
  const worker = await bundle({ entry: 'test/support/append-worker.ts', outdir: 'dist/test-support', name: 'append-worker' });
  project.provide('tempRoot', root);
  project.provide('appendWorker', worker);
  return () => rmSync(root, { recursive: true, force: true });
}
