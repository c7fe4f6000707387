/**
 * The one path a new fact takes into the record, whichever interface brings it: `record` (a clerk's
 * events file, a console form), `import` (a whole data file) and `import-roster` (the events a roster
 * becomes) all admit their events here before deciding them against the record. An event is parsed
 * by the schema (src/domain/events.ts: which fields, which types), then every value is held to the
 * input limits (src/domain/input-limits.ts: no control or invisible characters, lengths, dates within
 * the life of a congress and not in the future, sane numbers). The first problem is refused, named
 * by its JSON path; line breaks written `\r\n` are kept as `\n`.
 *
 * Records already in a store are read with the schema only (src/store/stored-records.ts), so a limit
 * added later never makes an acknowledged record unreadable; `check` and corrections deal with those.
 */
import { DomainError, jsonPath } from '../domain/errors.js';
import { type EventInput, EventInputSchema } from '../domain/events.js';
import {
  dateKindOf,
  dateProblem,
  normaliseLineBreaks,
  numberProblem,
  type TextKind,
  textKindOf,
  textProblem,
} from '../domain/input-limits.js';
import { deepestIssue } from '../domain/validation.js';

type Path = readonly (string | number)[];

/** Where in the input a value is, for messages: `$[1].personId`, or the data file's `$.events[4].name`. */
export type Locate = (path: Path) => string;

export interface AdmitContext {
  /** The latest date a fact may have (src/app/clock.ts `latestToday`). */
  readonly today: string;
  /** The file the events come from, named in messages. */
  readonly origin?: string;
}

interface Problem {
  readonly path: Path;
  readonly message: string;
}

/**
 * Every value of a parsed event held to the input limits, and the event with its line breaks
 * normalised; the first problem found, in field order.
 */
export function limitValues(value: unknown, today: string): { value: unknown; problem?: Problem } {
  let problem: Problem | undefined;
  const visit = (v: unknown, path: Path, kind: TextKind): unknown => {
    if (problem) return v;
    const key = path[path.length - 1];
    if (typeof v === 'string') {
      const text = kind === 'text' ? normaliseLineBreaks(v) : v;
      const wrong = textProblem(text, kind);
      const dateKind = wrong ? undefined : dateKindOf(key, path[path.length - 2]);
      const late = dateKind ? dateProblem(text, dateKind, today) : undefined;
      if (wrong ?? late) problem = { path, message: (wrong ?? late)! };
      return text;
    }
    if (typeof v === 'number') {
      const wrong = numberProblem(v);
      if (wrong) problem = { path, message: wrong };
      return v;
    }
    if (Array.isArray(v)) return v.map((item, i) => visit(item, [...path, i], kind));
    if (v !== null && typeof v === 'object') {
      // fromEntries keeps every key a plain data key, "__proto__" included.
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, visit(item, [...path, k], textKindOf(k))]));
    }
    return v;
  };
  const out = visit(value, [], 'text');
  return problem ? { value: out, problem } : { value: out };
}

/** One event a clerk or a program submits: parsed by the schema, held to the limits; refused naming the field. */
export function admitEvent(value: unknown, locate: Locate, ctx: AdmitContext): EventInput {
  const parsed = EventInputSchema.safeParse(value);
  if (!parsed.success) {
    const issue = deepestIssue(parsed.error.issues);
    throw new DomainError('invalid-input', `${locate(issue.path as Path)}：${issue.message}`, ctx.origin);
  }
  const limited = limitValues(parsed.data, ctx.today);
  if (limited.problem) throw new DomainError('invalid-input', `${locate(limited.problem.path)}：${limited.problem.message}`, ctx.origin);
  return limited.value as EventInput;
}

/**
 * The events of a submission, in order. `single`: the file held one event object rather than an
 * array, so paths read `$.type` rather than `$[0].type`.
 */
export function admitEvents(values: readonly unknown[], ctx: AdmitContext & { readonly single?: boolean }): EventInput[] {
  if (values.length === 0) throw new DomainError('invalid-input', '没有事件', ctx.origin);
  return values.map((value, i) => admitEvent(value, (path) => jsonPath(ctx.single ? path : [i, ...path]), ctx));
}

/** The stamps a stored record carries besides its event: checked as a recorder's name, else left to the schema. */
const ENVELOPE = new Set(['seq', 'recordedAt', 'recordedBy', 'hash']);

/**
 * A record of a data file being imported: its event admitted as if recorded today (the envelope's
 * recorder held to the limits of a name), named by the file's own paths (`$.events[4].name`).
 */
export function admitRecord(record: unknown, locate: Locate, ctx: AdmitContext): void {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return; // the schema names it
  const fields = Object.entries(record);
  const body = Object.fromEntries(fields.filter(([k]) => !ENVELOPE.has(k)));
  admitEvent(body, locate, ctx);
  const by = (record as { recordedBy?: unknown }).recordedBy;
  const wrong = typeof by === 'string' ? textProblem(by, 'name') : undefined;
  if (wrong) throw new DomainError('invalid-input', `${locate(['recordedBy'])}：${wrong}`, ctx.origin);
}
