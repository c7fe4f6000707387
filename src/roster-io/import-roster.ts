/**
 * `roster import-roster`: read a roster file, report every problem by sheet, row and column, and
 * record the planned events all-or-nothing through `RosterApp.record` (which checks them again
 * against the whole record). Nothing is written when there is any problem, or on a dry run.
 */
import type { RosterApp } from '../app/roster-app.js';
import { DomainError } from '../domain/errors.js';
import type { RosterEvent } from '../domain/events.js';
import { headerMap } from './columns.js';
import { normalizeText } from './normalize.js';
import { type ImportPlan, planImport } from './plan-import.js';
import type { RosterProblem } from './problems.js';
import { readGrid } from './read-table.js';
import { readEntries } from './roster-entries.js';
import { readRosterTable } from './roster-table.js';

export interface ImportOptions {
  readonly sheet?: string;
  readonly session?: number;
  readonly dryRun?: boolean;
  /** `列名=field` entries from `--map`. */
  readonly map?: readonly string[];
  readonly recordedBy: string;
  readonly recordedAt: string;
  /** Told the number of data rows once known, then each row as it is validated. */
  readonly progress?: { start(total: number): void; tick(done: number): void; stop(): void };
}

export type ImportResult =
  | {
      readonly ok: false;
      readonly file: string;
      readonly sheet: string;
      readonly rows: number;
      readonly problems: readonly RosterProblem[];
    }
  | {
      readonly ok: true;
      readonly file: string;
      readonly sheet: string;
      readonly rows: number;
      readonly dryRun: boolean;
      readonly plan: ImportPlan;
      readonly recorded: readonly RosterEvent[];
    };

export async function importRoster(app: RosterApp, file: string, options: ImportOptions): Promise<ImportResult> {
  const map = headerMap(options.map);
  const grid = await readGrid(file, options.sheet);
  const { table, problems } = readRosterTable(grid, map);
  const base = { file, sheet: table.sheet, rows: table.rows.length };
  if (problems.length > 0) return { ok: false, ...base, problems };
  if (table.rows.length === 0) {
    return { ok: false, ...base, problems: [{ code: 'no-rows', file, sheet: table.sheet, message: '表头以下没有代表名单' }] };
  }

  const d = await app.derivation();
  const congress = d.state.congress;
  if (!congress)
    throw new DomainError(
      'invalid-data-file',
      '记录中没有本届人民代表大会的基本信息（CongressConstituted），无法核对选举单位',
      app.store.location,
    );
  const units = new Map(congress.electingUnits.map((u) => [normalizeText(u.name).replace(/\s/g, ''), u.name]));

  options.progress?.start(table.rows.length);
  let read: ReturnType<typeof readEntries>;
  try {
    read = readEntries({ table, units }, (done) => options.progress?.tick(done));
  } finally {
    options.progress?.stop();
  }
  const planned = planImport(d, table, read.entries, options.session === undefined ? {} : { session: options.session });
  const all = [...read.problems, ...planned.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (all.length > 0 || !planned.plan) return { ok: false, ...base, problems: all };

  const plan = planned.plan;
  if (options.dryRun || plan.events.length === 0) return { ok: true, ...base, dryRun: options.dryRun ?? false, plan, recorded: [] };
  const recorded = await app.record(plan.events, options.recordedBy, options.recordedAt);
  return { ok: true, ...base, dryRun: false, plan, recorded };
}
