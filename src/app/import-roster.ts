/**
 * Loading a roster (`roster import-roster`): the spreadsheet read into rows (src/roster-io), the
 * rows decided against the record as replayed (src/domain/load-roster.ts), every problem reported by
 * sheet, row and column, and the planned events recorded all-or-nothing through the same path as
 * `roster record` (which checks them again against the whole record). Nothing is written when there
 * is any problem, or on a dry run.
 */
import { DomainError } from '../domain/errors.js';
import type { EventInput, RosterEvent } from '../domain/events.js';
import { decideLoadRoster, type ImportPlan } from '../domain/load-roster.js';
import { normalizeText } from '../domain/normalize.js';
import type { RosterProblem } from '../domain/roster-problems.js';
import type { Derivation } from '../engine/derive.js';
import { headerMap } from '../roster-io/columns.js';
import { type FileBytes, readGrid } from '../roster-io/read-table.js';
import { readEntries } from '../roster-io/roster-entries.js';
import { locator, readRosterTable } from '../roster-io/roster-table.js';

export interface ImportRosterRequest {
  /** The roster file as the clerk gave it (.xlsx or .csv). */
  readonly file: FileBytes;
  readonly sheet?: string;
  readonly session?: number;
  readonly dryRun?: boolean;
  /** `列名=field` entries from `--map`. */
  readonly map?: readonly string[];
  readonly recordedBy: string;
  /** Told the number of data rows once known, then each row as it is validated. */
  readonly progress?: { start(total: number): void; tick(done: number): void; stop(): void };
}

/** Which sheet of which file was read, and how many data rows it had: said of every clerk's spreadsheet. */
export interface SheetRead {
  readonly file: string;
  readonly sheet: string;
  readonly rows: number;
}

/** A spreadsheet refused: every problem by sheet, row and column, and nothing written. */
export interface SheetRefused extends SheetRead {
  readonly ok: false;
  readonly problems: readonly RosterProblem[];
}

export type ImportResult =
  | SheetRefused
  | (SheetRead & {
      readonly ok: true;
      readonly dryRun: boolean;
      readonly plan: ImportPlan;
      readonly recorded: readonly RosterEvent[];
    });

/** What loading a roster needs of the application: the record derived, and recording. */
export interface ImportPorts {
  readonly stream: { readonly location: string };
  derivation(): Promise<Derivation>;
  record(request: { events: readonly EventInput[]; recordedBy: string }): Promise<readonly RosterEvent[]>;
}

export async function importRoster(app: ImportPorts, options: ImportRosterRequest): Promise<ImportResult> {
  const file = options.file.name;
  const map = headerMap(options.map);
  const grid = await readGrid(options.file, options.sheet);
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
      '记录中没有本届人民代表大会的基本信息（“本届人民代表大会”事件），无法核对选举单位',
      app.stream.location,
    );
  const units = new Map(congress.electingUnits.map((u) => [normalizeText(u.name).replace(/\s/g, ''), u.name]));

  options.progress?.start(table.rows.length);
  let read: ReturnType<typeof readEntries>;
  try {
    read = readEntries({ table, units, counting: d.state.counting }, (done) => options.progress?.tick(done));
  } finally {
    options.progress?.stop();
  }
  const planned = decideLoadRoster(d, {
    entries: read.entries,
    file: table.file,
    sheet: table.sheet,
    places: locator(table),
    ...(options.session === undefined ? {} : { session: options.session }),
  });
  const all = [...read.problems, ...planned.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (all.length > 0 || !planned.plan) return { ok: false, ...base, problems: all };

  const plan = planned.plan;
  if (options.dryRun || plan.events.length === 0) return { ok: true, ...base, dryRun: options.dryRun ?? false, plan, recorded: [] };
  const recorded = await app.record({ events: plan.events, recordedBy: options.recordedBy });
  return { ok: true, ...base, dryRun: false, plan, recorded };
}
