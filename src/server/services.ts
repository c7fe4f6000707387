/**
 * The one module through which the console and the JSON API reach the application layer. Each
 * method calls the application (RosterApp, HistoryApp, AccountsApp, DraftsApp) or one of the pure
 * read models below it, and returns plain data; routes only parse input and render what comes back.
 *
 * Writes and documents go through RosterApp, DraftsApp and AccountsApp. Until the application layer
 * caches its derivation by head hash (issue 9, a later stage), reads share one derivation here, keyed
 * by the record's committed head (`RecordStream.head()`, cheap): any append changes it, so a page
 * never shows a stale record, and a page view never re-derives the world; the pages' read models are
 * the pure views the application's own methods use (views/, ledger/, roster-io/roster-view).
 */
import { existsSync } from 'node:fs';
import { type AccountsApp, type Actor, requirePermission } from '../app/accounts-app.js';
import type { DraftsApp } from '../app/drafts-app.js';
import { findPersons } from '../app/find.js';
import { type LogQuery, logFilter } from '../app/log-query.js';
import type { CheckReport, RosterApp } from '../app/roster-app.js';
import { checkSpan, checkTarget } from '../app/targets.js';
import type { VerifyReport } from '../app/verify.js';
import type { DocumentOptions } from '../documents/document-kind.js';
import { DOCUMENT_KINDS, documentKind } from '../documents/kinds.js';
import type { OfficialDocument } from '../documents/official-document.js';
import type { Format } from '../documents/render/formats.js';
import type { Role } from '../domain/accounts.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import type { EventInput } from '../domain/events.js';
import { latestMandate } from '../domain/roster.js';
import type { Derivation } from '../engine/derive.js';
import type { RuleBook } from '../engine/rule-book.js';
import { type LedgerTarget, latestTarget, ledger, resolveTarget } from '../ledger/headcount.js';
import { analysePosts, type PostAnalysis } from '../posts/analysis.js';
import { rosterView } from '../roster-io/roster-view.js';
import { termSummary } from '../roster-io/term-summary.js';
import { filterRoster, type RosterFilter } from '../search/roster-filter.js';
import { FORMAT, SCHEMA_VERSION } from '../store/data-file.js';
import { diff, history, log } from '../views/audit.js';
import { structure } from '../views/structure.js';

export interface Apps {
  readonly roster: RosterApp;
  readonly accounts: AccountsApp;
  readonly drafts: DraftsApp;
}

interface Current {
  readonly key: string;
  readonly derivation: Promise<Derivation>;
  posts?: Promise<PostAnalysis>;
  verify?: Promise<VerifyReport>;
  /** Read models of this state, by name and arguments (概览, the roster of a date): pure, so computed once. */
  readonly views: Map<string, Promise<unknown>>;
}

/** Today in Beijing: the default date of the roster where the record has no session. */
export function beijingToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Where the record and its side stores are, as the clerk reads it (a database URL never with its password). */
export interface StorePlaces {
  /** The data file, or the database and congress. */
  readonly record: string;
  readonly accounts: string;
  readonly drafts: string;
  /** The record is a data file, made empty on first start where it is missing; a database's congress is made by `roster import` or `roster congresses add`. */
  readonly dataFile?: string;
}

export class RosterServices {
  #current: Current | undefined;

  constructor(
    readonly apps: Apps,
    readonly where: StorePlaces,
    readonly ruleBook: RuleBook,
  ) {}

  async #key(): Promise<string> {
    const head = await this.apps.roster.stream.head();
    return `${head.seq}:${head.hash}`;
  }

  async #state(): Promise<Current> {
    const key = await this.#key();
    if (this.#current?.key !== key) {
      const derivation = this.apps.roster.derivation();
      this.#current = { key, derivation, views: new Map() };
      // A failed read (a file being replaced) must not stay cached.
      derivation.catch(() => {
        if (this.#current?.derivation === derivation) this.#current = undefined;
      });
    }
    return this.#current;
  }

  derivation(): Promise<Derivation> {
    return this.#state().then((c) => c.derivation);
  }

  /** A read model of the current state, computed once per state. */
  async #view<T>(name: string, compute: (d: Derivation) => T | Promise<T>): Promise<T> {
    const c = await this.#state();
    let v = c.views.get(name) as Promise<T> | undefined;
    if (!v) {
      // Any date may be asked for: keep a bounded number of them.
      if (c.views.size >= 64) c.views.clear();
      v = c.derivation.then(compute);
      c.views.set(name, v);
      v.catch(() => c.views.delete(name));
    }
    return v;
  }

  async #posts(): Promise<PostAnalysis> {
    const c = await this.#state();
    c.posts ??= c.derivation.then((d) => analysePosts(d, this.apps.roster.evaluator));
    return c.posts;
  }

  /** `roster check`: the chain verified, then every consistency check (typed findings), once per state of the record. */
  check(): Promise<CheckReport> {
    return this.#view('check', () => this.apps.roster.check());
  }

  async verify(): Promise<VerifyReport> {
    const c = await this.#state();
    c.verify ??= this.apps.roster.verify();
    return c.verify;
  }

  /** An empty record where the data file does not exist yet (a new congress then starts from a form). */
  async ensureRecord(): Promise<boolean> {
    if (this.where.dataFile === undefined || existsSync(this.where.dataFile)) return false;
    await this.apps.roster.importRecord({
      name: '（新建的空记录）',
      text: JSON.stringify({ format: FORMAT, schemaVersion: SCHEMA_VERSION, events: [] }),
    });
    return true;
  }

  // ── Reading ────────────────────────────────────────────────────────────────

  /** 概览: the congress on its latest session's date (else today), the last sessions, open findings, the head hash. */
  overview() {
    return this.#view('overview', (d) => this.#overview(d));
  }

  async #overview(d: Derivation) {
    const [{ findings: checks }, chain] = await Promise.all([this.check(), this.verify()]);
    const congress = d.state.congress;
    if (!congress) return { congress: undefined, checks, chain, sessions: [], summary: undefined, ledger: undefined, structure: undefined };
    const target = latestTarget(d.state, beijingToday());
    const date = resolveTarget(d.state, target).date;
    const sessions = Object.values(d.state.sessions)
      .sort((a, b) => b.session - a.session)
      .slice(0, 4)
      .map((s) => ({ session: s, ledger: ledgerOrUndefined(d, { session: s.session }) }));
    return {
      congress,
      checks,
      chain,
      sessions,
      summary: termSummary(rosterView(d, date), d.state),
      ledger: ledgerOrUndefined(d, target),
      // 代表结构 as roster stats gives it (RosterApp.structure), for the same date.
      structure: structure(d, target),
    };
  }

  /** 代表: the roster of a date (default: the latest session's), narrowed by the filter. */
  async roster(asOf: string | undefined, filter: RosterFilter) {
    const d = await this.derivation();
    if (!d.state.congress) return undefined;
    const date = asOf ?? resolveTarget(d.state, latestTarget(d.state, beijingToday())).date;
    const view = await this.#view(`roster:${date}`, (current) => rosterView(current, date));
    return { view, lines: filterRoster(d.state, view, filter), units: d.state.congress.electingUnits.map((u) => u.name) };
  }

  /** The persons a query finds: the use case of `roster explain 黄利` and the CLI's other person queries. */
  async searchPersons(query: string, limit = 20) {
    return findPersons((await this.derivation()).state, query, limit);
  }

  /** A person's page: the timeline of `roster history`, and the findings of `roster explain`. */
  async person(personId: string) {
    const d = await this.derivation();
    if (!d.state.persons[personId]) throw new DomainError('unknown-person', `记录中没有编号为“${personId}”的人员`);
    const h = history(d, personId, await this.#posts());
    return { history: h, person: d.state.persons[personId]!, state: d.state };
  }

  /** The headcount of a session, a date, or (neither) the latest session: `roster headcount`. */
  async headcount(target?: LedgerTarget) {
    const d = await this.derivation();
    return ledger(d, target ? checkTarget(d, target, beijingToday()) : latestTarget(d.state, beijingToday()));
  }

  async sessions() {
    const d = await this.derivation();
    return Object.values(d.state.sessions)
      .sort((a, b) => b.session - a.session)
      .map((s) => ({ session: s, ledger: ledgerOrUndefined(d, { session: s.session }) }));
  }

  /** A session's ledger and, for every document kind, its documents or why there are none. */
  async session(n: number) {
    const d = await this.derivation();
    const s = d.state.sessions[n];
    if (!s) throw new DomainError('unknown-session', `记录中没有常委会第${n}次会议`);
    const documents = [];
    for (const kind of DOCUMENT_KINDS) {
      try {
        documents.push({ kind, documents: (await this.document(kind.id, n, 'txt', {})).documents, refusal: undefined });
      } catch (e) {
        if (!isDomainError(e)) throw e;
        documents.push({ kind, documents: [] as readonly OfficialDocument[], refusal: e.message });
      }
    }
    return { session: s, ledger: ledgerOrUndefined(d, { session: n }), documents };
  }

  /** A document rendered by `RosterApp.document`, the path of `roster doc` (kept per state: the record decides it). */
  async document(kindId: string, session: number, format: Format, options: DocumentOptions) {
    const key = `document:${kindId}:${session}:${format}:${JSON.stringify(options)}`;
    const result = await this.#view(key, () => this.apps.roster.document({ kind: kindId, session, format, options }));
    return { kind: documentKind(kindId)!, documents: result.documents, rendered: result.output };
  }

  /** `roster log`'s filters: the type by id or Chinese name, the unit by a fragment, the persons by a query. */
  async log(query: LogQuery) {
    const d = await this.derivation();
    return log(d, logFilter(d.state, query));
  }

  async diff(from: LedgerTarget, to: LedgerTarget) {
    const d = await this.derivation();
    checkSpan(d, from, to, beijingToday());
    return diff(d, from, to, (await this.#posts()).cascades);
  }

  /** Persons, electing units, organs and sessions: what the 填报 forms choose from. */
  async choices() {
    const d = await this.derivation();
    const s = d.state;
    return {
      congress: s.congress,
      persons: Object.values(s.persons).map((p) => ({
        personId: p.personId,
        name: p.name,
        electingUnit: latestMandate(s, p.personId)?.electingUnit,
      })),
      units: s.congress?.electingUnits.map((u) => u.name) ?? [],
      organs: Object.values(s.organs).map((o) => ({ organId: o.organId, name: o.name })),
      sessions: Object.values(s.sessions).sort((a, b) => b.session - a.session),
    };
  }

  // ── 填报 → 审核 ───────────────────────────────────────────────────────────

  previewEvents(events: readonly EventInput[], actor: Actor) {
    return this.apps.drafts.preview(events, actor);
  }

  createDraft(title: string, events: readonly EventInput[], actor: Actor) {
    return this.apps.drafts.create({ title, events }, actor);
  }

  drafts(actor: Actor) {
    return this.apps.drafts.list(actor);
  }

  draft(id: string, actor: Actor) {
    return this.apps.drafts.get(id, actor);
  }

  approveDraft(id: string, actor: Actor) {
    return this.apps.drafts.approve(id, actor);
  }

  returnDraft(id: string, reason: string, actor: Actor) {
    return this.apps.drafts.return(id, reason, actor);
  }

  withdrawDraft(id: string, actor: Actor) {
    return this.apps.drafts.withdraw(id, actor);
  }

  /** An uploaded roster checked as `roster import-roster --dry-run` checks it: the report row by row, or the events to draft. */
  async checkRoster(
    file: { readonly name: string; readonly bytes: Buffer },
    options: { readonly sheet?: string; readonly session?: number },
    actor: Actor,
  ) {
    requirePermission(actor, 'draft');
    return this.apps.roster.importRoster({ file, ...options, dryRun: true, recordedBy: actor.name });
  }

  /** 设置: where the record and its side files are, and the rules in force with their settings (read-only here). */
  settings(actor: Actor) {
    requirePermission(actor, 'manage-accounts');
    return {
      dbFile: this.where.record,
      accountsFile: this.where.accounts,
      draftsFile: this.where.drafts,
      rulesDir: this.ruleBook.dir,
      rules: this.ruleBook.rules.length,
      ruleSettings: this.ruleBook.settings,
      /** Provinces whose rules are read over the national ones, with how many rules each adds or overrides. */
      regions: [...this.ruleBook.regions].map(([name, r]) => ({ name, overlay: r.overlay.length, overrides: r.overrides.length })),
    };
  }

  // ── Accounts ───────────────────────────────────────────────────────────────

  login(name: string, password: string) {
    return this.apps.accounts.authenticate(name, password);
  }

  account(name: string) {
    return this.apps.accounts.active(name);
  }

  accounts(actor: Actor) {
    return this.apps.accounts.list(actor);
  }

  addAccount(input: { name: string; role: Role; password: string }, actor: Actor) {
    return this.apps.accounts.add(input, actor);
  }

  setRole(name: string, role: Role, actor: Actor) {
    return this.apps.accounts.setRole(name, role, actor);
  }

  setDisabled(name: string, disabled: boolean, actor: Actor) {
    return this.apps.accounts.setDisabled(name, disabled, actor);
  }

  setPassword(name: string, password: string, actor: Actor, current?: string) {
    return this.apps.accounts.setPassword(name, password, actor, current);
  }
}

function ledgerOrUndefined(d: Derivation, target: LedgerTarget) {
  try {
    return ledger(d, target);
  } catch (e) {
    if (isDomainError(e)) return undefined;
    throw e;
  }
}
