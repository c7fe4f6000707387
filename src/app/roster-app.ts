/**
 * The application layer: one method per command, each taking plain input and returning plain data
 * (ledgers, findings, documents as models, files as bytes). The CLI, a console or an HTTP API
 * parse their input, call one method and format its result; nothing else. Every method reads the
 * record through the record port, derives it through the rules, and answers from that derivation.
 */
import { allChecks } from '../checks/all-checks.js';
import { type DocumentOptions, documentInput, documentInputAt } from '../documents/document-kind.js';
import { type LevelForms, loadLevelForms } from '../documents/forms/level-forms.js';
import { DOCUMENT_KINDS, documentKind } from '../documents/kinds.js';
import type { OfficialDocument } from '../documents/official-document.js';
import { type Format, type Rendered, render } from '../documents/render/formats.js';
import { beijingDay } from '../domain/beijing-time.js';
import { type CheckFinding, checkFinding } from '../domain/check-findings.js';
import { type CorrectionRequest, decideCorrection } from '../domain/corrections.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import type { EventInput, ReplacementInput, RosterEvent } from '../domain/events.js';
import type { RosterState } from '../domain/roster.js';
import type { Derivation } from '../engine/derive.js';
import type { Evaluator } from '../engine/evaluator.js';
import type { RuleBook } from '../engine/rule-book.js';
import { listRules, type RuleListing } from '../engine/rule-listing.js';
import { type Ledger, type LedgerTarget, latestTarget, ledger, ledgerOf, resolveTarget } from '../ledger/headcount.js';
import { analysePosts, type PostAnalysis } from '../posts/analysis.js';
import { searchesPinyin } from '../search/person-search.js';
import { loadPinyin } from '../search/pinyin.js';
import { dataFileJsonSchema } from '../store/json-schema.js';
import type { RecordStream } from '../store/record-store.js';
import { type Diff, diff, history, type LogEntry, log, members, type PersonHistory } from '../views/audit.js';
import { explain, type PersonExplanation } from '../views/explain.js';
import { type Structure, structure } from '../views/structure.js';
import { type Clock, latestToday, todayOf } from './clock.js';
import { entryRefusal, namesPersons, resolveEntries } from './entry.js';
import { type FoundMembers, findPersons, type MembersFilter, narrowMembers, type PersonMatch, resolvePerson } from './find.js';
import type { ImportResult, ImportRosterRequest } from './import-roster.js';
import { type InputFile, readJsonFile } from './input-files.js';
import { derivationOf, type Keeping, keptLedger } from './kept-replay.js';
import { type LogQuery, logFilter } from './log-query.js';
import { type Preview, previewEvents } from './preview.js';
import { passOver, type ReadRecord, readOf, readRecord } from './read-record.js';
import { type RecordRequest, recordEvents } from './record.js';
import type { RecordChangesRequest, RecordChangesResult } from './record-changes.js';
import type { StartCongressRequest, StartCongressResult } from './start-congress.js';
import { checkDate, checkSince, checkSpan, checkTarget, targetWithin } from './targets.js';
import {
  exportDocument,
  type ImportFile,
  type ImportReport,
  importDocument,
  type RecordExport,
  rebuildHead,
  type VerifyReport,
  verifyReportOf,
  verifyStream,
} from './verify.js';

/** What the application is wired to: the record's stream, the rules, and the clock. */
export interface RosterAppPorts {
  readonly stream: RecordStream;
  readonly evaluator: Evaluator;
  readonly clock: Clock;
  /** Where the record's replay is kept between commands (none: every command replays the record). */
  readonly keeping?: Keeping;
  /**
   * Told, once, when a command reads a record that does not verify (a broken chain, a head that is
   * missing or differs): the command still answers from what is stored, and the clerk is warned.
   */
  readonly warn?: (message: string) => void;
  /** The rule files themselves, for `rules()` (listing them needs no record). */
  readonly rules?: RuleBook;
  /** Where the levels' usual document forms are (data/document-forms); none where absent. */
  readonly documentFormsDir?: string;
}

export type { ListedRule, ListedVersion, RuleListing } from '../engine/rule-listing.js';

export interface CheckReport {
  readonly findings: readonly CheckFinding[];
  /** How many findings are errors: a record with any is refused by `record` and fails `check`. */
  readonly errors: number;
}

/** Results that carry the derived roster, for naming the persons and posts they mention. */
export interface WithState {
  readonly state: RosterState;
}

export interface CascadeReport extends WithState {
  readonly session: number;
  readonly cascades: PostAnalysis['cascades'];
}

export interface OathReport extends WithState {
  readonly session: number;
  readonly owed: PostAnalysis['oathsOwed'];
  readonly notOwed: PostAnalysis['oathsNotOwed'];
}

export interface DocumentRequest {
  /** `report`, `explanation`, `notice` … (DOCUMENT_KINDS). */
  readonly kind: string;
  /** The session; or, for a publication that names none (an NPC notice), its date (`asOf`). */
  readonly session?: number;
  readonly asOf?: string;
  readonly format: Format;
  readonly options?: DocumentOptions;
}

export interface DocumentResult {
  readonly kind: string;
  readonly session?: number;
  readonly asOf?: string;
  readonly format: Format;
  readonly documents: readonly OfficialDocument[];
  /** The documents rendered: text, or a file's bytes (docx). */
  readonly output: Rendered;
  /** Notes for the clerk that are not part of the documents (a blank the record could not fill …). */
  readonly warnings: readonly string[];
}

export interface RosterExportRequest {
  readonly format: 'xlsx' | 'csv' | 'popolo';
  /** The date the roster is as of (default: the latest session's). */
  readonly asOf?: string;
}

export interface RosterExport {
  readonly format: RosterExportRequest['format'];
  readonly asOf: string;
  /** Persons listed, 实有代表 on the date, and how many of those the record does not name. */
  readonly persons: number;
  readonly counted: number;
  readonly unnamed: number;
  readonly output: Rendered;
}

export class RosterApp {
  readonly stream: RecordStream;
  readonly evaluator: Evaluator;
  readonly clock: Clock;
  readonly keeping: Keeping | undefined;
  readonly #warn: (message: string) => void;
  readonly #warned = new Set<string>();
  readonly #rules: RuleBook | undefined;
  readonly #formsDir: string | undefined;
  #levelForms: LevelForms | undefined;

  constructor(ports: RosterAppPorts) {
    this.stream = ports.stream;
    this.evaluator = ports.evaluator;
    this.clock = ports.clock;
    this.keeping = ports.keeping;
    this.#warn = ports.warn ?? (() => undefined);
    this.#rules = ports.rules;
    this.#formsDir = ports.documentFormsDir;
  }

  /** The rules in force for the national congress, or for one province's congresses with what its overlay overrides. */
  rules(request: { readonly region?: string; readonly date?: string } = {}): RuleListing {
    if (!this.#rules) throw new DomainError('invalid-input', '没有载入规则目录');
    return listRules(this.#rules, request.region, request.date);
  }

  /** The levels' usual document forms, read once on first use. */
  #forms(): LevelForms {
    this.#levelForms ??= this.#formsDir ? loadLevelForms(this.#formsDir) : {};
    return this.#levelForms;
  }

  /** The record as committed, every record validated as an event; a record that does not verify is warned of. */
  async read(): Promise<ReadRecord> {
    return this.#told(await readRecord(this.stream));
  }

  /** A record read, its problem (where it does not verify) warned of once. */
  #told(read: ReadRecord): ReadRecord {
    if (read.problem && !this.#warned.has(read.problem)) {
      this.#warned.add(read.problem);
      this.#warn(`${read.problem}；以下结果按现存记录得出，请运行 roster verify`);
    }
    return read;
  }

  /** The record replayed through the rules: the roster and every finding. */
  async derivation(): Promise<Derivation> {
    return derivationOf(this.keeping, this.evaluator, await this.read());
  }

  /**
   * The derivation, with the search's pinyin loaded beside it (src/search/pinyin.ts): for what finds
   * persons by name. Given the `query`, pinyin is loaded only if the query can match by pinyin.
   */
  async #searchable(query?: string): Promise<Derivation> {
    const [d] = await Promise.all([this.derivation(), query === undefined || searchesPinyin(query) ? loadPinyin() : undefined]);
    return d;
  }

  /** The latest recorded session, or today where the record has none. */
  #latest(d: Derivation): LedgerTarget {
    return latestTarget(d.state, todayOf(this.clock));
  }

  /** Today in Beijing, where the clerks are: the last date a question may be asked about. */
  #today(): string {
    return beijingDay(this.clock.now());
  }

  /** The target asked for, held to the record's span (a date before it starts or after today is refused); else the latest session. */
  #target(d: Derivation, target: LedgerTarget | undefined): LedgerTarget {
    return target ? checkTarget(d, target, this.#today()) : this.#latest(d);
  }

  /** The ledger for a session or date; without one, for the latest recorded session. */
  async headcount(target?: LedgerTarget): Promise<Ledger> {
    const kept = await keptLedger(this.keeping, this.evaluator, this.stream);
    if (kept) {
      try {
        const at = target ? targetWithin(kept.start, kept.state, target, this.#today()) : latestTarget(kept.state, todayOf(this.clock));
        return ledgerOf(kept.state, at, () => kept.points);
      } catch (e) {
        // The ledger's own refusals are the record's; anything else (a kept finding unreadable) costs the full read.
        if (isDomainError(e)) throw e;
      }
    }
    const d = await this.derivation();
    return ledger(d, this.#target(d, target));
  }

  /**
   * Who held a mandate at a session or on a date (default: the latest session), by electing unit;
   * narrowed, where asked, to the persons a query finds and to one electing unit (a fragment will do).
   */
  async members(target?: LedgerTarget, filter: MembersFilter = {}): Promise<FoundMembers> {
    const d = await this.derivation();
    if (filter.query !== undefined && searchesPinyin(filter.query)) await loadPinyin();
    return narrowMembers(d.state, members(d, this.#target(d, target)), filter);
  }

  /**
   * 代表结构 on a session's date or a date (default: the latest session): gender, ethnicity, party,
   * age band and occupation group of the deputies counted, for the congress and by electing unit,
   * from what the record registers (未登记 where it does not).
   */
  async structure(target?: LedgerTarget): Promise<Structure & { readonly congressName: string | undefined }> {
    const d = await this.derivation();
    return { congressName: d.state.congress?.name, ...structure(d, this.#target(d, target)) };
  }

  /** The persons a clerk's query finds (part of a name, pinyin initials, pinyin, an id, a unit fragment), best first. */
  async findPersons(query: string, limit?: number): Promise<PersonMatch[]> {
    return findPersons((await this.#searchable(query)).state, query, limit);
  }

  /** `person`: anything `findPersons` takes that finds one person; several are refused with the candidates listed. */
  async explain(person: string): Promise<PersonExplanation> {
    const d = await this.#searchable(person);
    return explain(d, resolvePerson(d.state, person), await analysePosts(d, this.evaluator));
  }

  async history(person: string): Promise<PersonHistory & WithState> {
    const d = await this.#searchable(person);
    return { ...history(d, resolvePerson(d.state, person), await analysePosts(d, this.evaluator)), state: d.state };
  }

  /** Between two sessions or dates, the earlier first (a backwards span is refused). */
  async diff(from: LedgerTarget, to: LedgerTarget): Promise<Diff> {
    const d = await this.derivation();
    checkSpan(d, from, to, this.#today());
    return diff(d, from, to, (await analysePosts(d, this.evaluator)).cascades);
  }

  /** The log as entered; the type by id or Chinese name, the unit by a fragment, the persons by a query. */
  async log(query: LogQuery = {}): Promise<LogEntry[]> {
    const d = await this.derivation();
    if (query.since !== undefined) checkSince(query.since, this.#today());
    if (query.person !== undefined && searchesPinyin(query.person)) await loadPinyin();
    return log(d, logFilter(d.state, query));
  }

  /**
   * The chain verified and every consistency check run; a broken chain is an error finding first.
   * One read serves both: the pass that recomputes the chain to its end also holds the events the
   * derivation replays (a record that is not an event is refused after the chain is read, as a read refuses it).
   */
  async check(): Promise<CheckReport> {
    const pass = await passOver(this.stream, { keep: true, stopAtInvalid: false });
    const chain = verifyReportOf(this.stream, pass);
    const tampered: CheckFinding[] = chain.ok
      ? []
      : [
          checkFinding(
            'tampered-log',
            'error',
            { eventSeqs: chain.problem ? [chain.problem.seq] : [] },
            { problem: chain.problem?.message ?? chain.invalid ?? '' },
          ),
        ];
    const derivation = await derivationOf(this.keeping, this.evaluator, this.#told(readOf(pass)));
    const findings = [...tampered, ...(await allChecks(derivation, this.evaluator))];
    return { findings, errors: findings.filter((f) => f.level === 'error').length };
  }

  /** Validate events against the record and append them all, or none, stamped by the clock. */
  async record(request: RecordRequest): Promise<readonly RosterEvent[]> {
    return recordEvents(this, request);
  }

  /**
   * Events as a clerk wrote them (Chinese event names, persons by name) made ready to record or
   * preview; every problem of the batch refused at once, each by its JSON path.
   */
  async enter(request: {
    readonly values: readonly unknown[];
    readonly single?: boolean;
    readonly origin?: string;
  }): Promise<EventInput[]> {
    // A name that is not in the record is answered with the near ones, found by pinyin too.
    const state = namesPersons(request.values) ? (await this.#searchable()).state : undefined;
    const { events, problems } = resolveEntries(request.values, state, { today: latestToday(this.clock), single: request.single ?? false });
    if (problems.length > 0) throw entryRefusal(problems, request.origin);
    return events;
  }

  /** The event a correction puts in place of another, from a clerk's JSON file (one event, written as `enter` reads it). */
  async replacementFromFile(file: InputFile): Promise<ReplacementInput> {
    const value = readJsonFile(file);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new DomainError('invalid-input', '取代原事件的文件应为一个事件（JSON 对象）', file.name);
    }
    const [event] = await this.enter({ values: [value], single: true, origin: file.name });
    if (event!.type === 'EventCorrected') throw new DomainError('invalid-input', '$.type：更正的替代事件不能是另一个更正', file.name);
    return event as ReplacementInput;
  }

  /** What the events would change and whether `record` would take them, without recording anything. */
  async preview(request: { readonly events: readonly EventInput[] }): Promise<Preview> {
    return previewEvents(this, request.events);
  }

  /**
   * Correct a recorded event: record an `EventCorrected` that supersedes it, with the event that
   * should stand in its place (or none, to withdraw it), decided like any recording.
   */
  async correct(request: CorrectionRequest): Promise<readonly RosterEvent[]> {
    const correction = await this.correctionOf(request);
    return recordEvents(this, { events: [correction], recordedBy: request.recordedBy });
  }

  /** The `EventCorrected` a correction would record (for a preview), refused as `correct` refuses it. */
  async correctionOf(request: CorrectionRequest): Promise<EventInput> {
    return decideCorrection((await this.read()).events, request);
  }

  /** The cascade to posts of the deputies whose status ended at a session. */
  async cascade(session: number): Promise<CascadeReport> {
    const d = await this.derivation();
    return { session, cascades: (await analysePosts(d, this.evaluator, session)).cascades, state: d.state };
  }

  /** Who owes the constitutional oath for the session's appointments, and who does not. */
  async oaths(session: number): Promise<OathReport> {
    const d = await this.derivation();
    const a = await analysePosts(d, this.evaluator, session);
    return { session, owed: a.oathsOwed, notOwed: a.oathsNotOwed, state: d.state };
  }

  /** An official document of a session, as models and rendered in the format asked for. */
  async document(request: DocumentRequest): Promise<DocumentResult> {
    const kind = documentKind(request.kind);
    if (!kind) {
      throw new DomainError('invalid-input', `未知的文书种类“${request.kind}”，可用：${DOCUMENT_KINDS.map((k) => k.id).join('、')}`);
    }
    const d = await this.derivation();
    const { session, asOf } = request;
    let documents: readonly OfficialDocument[];
    if (session !== undefined) {
      documents = kind.build(await documentInput(d, this.evaluator, session, this.#forms()), session, request.options ?? {});
    } else if (asOf !== undefined && kind.buildAt) {
      checkDate(d, asOf, this.#today());
      documents = kind.buildAt(await documentInputAt(d, this.evaluator, asOf, this.#forms()), asOf, request.options ?? {});
    } else {
      throw new DomainError('invalid-input', `${kind.description}须指定常委会会议次数（--session）`, '--as-of');
    }
    return {
      kind: kind.id,
      ...(session !== undefined ? { session } : {}),
      ...(asOf !== undefined && session === undefined ? { asOf } : {}),
      format: request.format,
      documents,
      output: await render(documents, request.format),
      warnings: [...new Set(documents.flatMap((doc) => doc.warnings))],
    };
  }

  /** The roster as of a date, as a spreadsheet (xlsx bytes, csv text) or Popolo JSON. */
  async exportRoster(request: RosterExportRequest): Promise<RosterExport> {
    // Loaded on use: the spreadsheet libraries would slow every other command's start-up.
    const { rosterView } = await import('../roster-io/roster-view.js');
    const d = await this.derivation();
    const asOf = request.asOf !== undefined ? checkDate(d, request.asOf, this.#today()) : resolveTarget(d.state, this.#latest(d)).date;
    const view = rosterView(d, asOf);
    const output: Rendered =
      request.format === 'xlsx'
        ? { kind: 'binary', bytes: await (await import('../roster-io/export-table.js')).xlsxBytes(view) }
        : request.format === 'csv'
          ? { kind: 'text', text: (await import('../roster-io/export-table.js')).csvText(view) }
          : { kind: 'text', text: `${JSON.stringify((await import('../roster-io/popolo.js')).popolo(view), null, 2)}\n` };
    return { format: request.format, asOf, persons: view.lines.length, counted: view.counted, unnamed: view.unnamed, output };
  }

  /**
   * Start a congress's record in an empty store: the congress and its electing units (from fields,
   * or a sheet), every problem told at once; refused where the store already holds records.
   */
  async startCongress(
    request: Omit<StartCongressRequest, 'unitRows' | 'sheetProblems'> & {
      readonly unitsFile?: { readonly name: string; readonly bytes: Buffer };
      readonly sheet?: string;
      readonly map?: readonly string[];
    },
  ): Promise<StartCongressResult> {
    const { startCongress, unitsFromSheet } = await import('./start-congress.js');
    const sheet = request.unitsFile
      ? await unitsFromSheet(request.unitsFile, {
          ...(request.sheet ? { sheet: request.sheet } : {}),
          ...(request.map ? { map: request.map } : {}),
        })
      : undefined;
    return startCongress(this, { ...request, ...(sheet ? { unitRows: sheet.units, sheetProblems: sheet.problems } : {}) });
  }

  /** A change register (代表变动登记表, .xlsx or .csv) recorded as events, all or nothing; every problem located by row and column. */
  async recordChanges(request: RecordChangesRequest): Promise<RecordChangesResult> {
    // Loaded on use: the spreadsheet libraries would slow every other command's start-up.
    const [changes] = await Promise.all([import('./record-changes.js'), loadPinyin()]);
    return changes.recordChanges(this, request);
  }

  /** Load a roster (代表名册) as the named members of an opening balance, or check it against the record. */
  async importRoster(request: ImportRosterRequest): Promise<ImportResult> {
    // Loaded on use: the spreadsheet libraries would slow every other command's start-up.
    const { importRoster } = await import('./import-roster.js');
    return importRoster(this, request);
  }

  async verify(): Promise<VerifyReport> {
    return verifyStream(this.stream);
  }

  /** The whole record as a document-layout data file (streamed), refused if the chain does not verify. */
  async exportRecord(): Promise<RecordExport> {
    return exportDocument(this.stream);
  }

  /** After the clerk checked the last hash: make the store's head name the end of its (whole) chain. */
  async rebuildHead(): Promise<VerifyReport> {
    return rebuildHead(this.stream);
  }

  /** Load a data file's records into an empty record: chain verified, every record admitted and checked first, all or nothing. */
  async importRecord(file: ImportFile): Promise<ImportReport> {
    return importDocument(this, file);
  }

  /** The JSON Schema of the data file (needs no record). */
  static schema(): Record<string, unknown> {
    return dataFileJsonSchema();
  }
}
