/**
 * `import-roster` without starting a process, for the many small cases of the validation report.
 * The app is wired by the container, so the test uses whatever store the CLI would.
 */
import { readFileSync } from 'node:fs';
import { fixedClock } from '../../src/app/clock.js';
import type { ImportResult, ImportRosterRequest } from '../../src/app/import-roster.js';
import type { RosterApp } from '../../src/app/roster-app.js';
import { buildContainer, TYPES } from '../../src/container.js';
import { formatImport } from '../../src/format/import.js';
import { RULES_DIR } from './scenario.js';

export async function importInto(
  db: string,
  file: string,
  options: Partial<Omit<ImportRosterRequest, 'file'>> = {},
): Promise<{ result: ImportResult; report: string }> {
  const app = buildContainer({ dbFile: db, rulesDir: RULES_DIR, clock: fixedClock('2026-11-28T00:00:00Z') }).get<RosterApp>(
    TYPES.RosterApp,
  );
  const result = await app.importRoster({ file: { name: file, bytes: readFileSync(file) }, recordedBy: 'test', ...options });
  return { result, report: formatImport(result) };
}
