/**
 * `import-roster` without starting a process, for the many small cases of the validation report.
 * The app is wired by the container, so the test uses whatever store the CLI would.
 */
import type { RosterApp } from '../../src/app/roster-app.js';
import { formatImport } from '../../src/cli/format-import.js';
import { buildContainer, TYPES } from '../../src/container.js';
import { type ImportOptions, type ImportResult, importRoster } from '../../src/roster-io/import-roster.js';
import { RULES_DIR } from './scenario.js';

export async function importInto(
  db: string,
  file: string,
  options: Partial<ImportOptions> = {},
): Promise<{ result: ImportResult; report: string }> {
  const app = buildContainer({ dbFile: db, rulesDir: RULES_DIR }).get<RosterApp>(TYPES.RosterApp);
  const result = await importRoster(app, file, { recordedBy: 'test', recordedAt: '2026-01-01T00:00:00Z', ...options });
  return { result, report: formatImport(result) };
}
