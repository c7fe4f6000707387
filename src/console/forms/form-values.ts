/**
 * Reading a submitted form: each getter names the field by its Chinese label in its message, and
 * every problem in the form is collected so the clerk sees them all at once, beside the fields.
 */

import { findPersons } from '../../app/find.js';
import { Day, DayOrMonth } from '../../domain/dates.js';
import type { RosterState } from '../../domain/roster.js';

export type RawValues = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** `黄利琴（鄞州区）` as the person list offers it, or a name, or pinyin initials: one person of the record. */
export function resolvePerson(state: RosterState, value: string): { personId?: string; problem?: string } {
  const withUnit = /^(.+?)（(.+)）$/.exec(value.trim());
  const [query, unit] = withUnit ? [withUnit[1]!, withUnit[2]!] : [value.trim(), undefined];
  const found = findPersons(state, query).filter((m) => unit === undefined || m.electingUnit === unit);
  const exact = found.filter((m) => m.matchedBy === 'id' || m.matchedBy === 'name');
  const candidates = exact.length > 0 ? exact : found.filter((m) => m.matchedBy !== 'unit');
  if (candidates.length === 1) return { personId: candidates[0]!.personId };
  if (candidates.length === 0) return { problem: `记录中没有“${value}”` };
  const listed = candidates.slice(0, 8).map((m) => (m.electingUnit ? `${m.name}（${m.electingUnit}）` : m.name));
  return { problem: `“${value}”对应多人：${listed.join('、')}${candidates.length > 8 ? '等' : ''}，请从列表中选择` };
}

export class FormValues {
  readonly problems: FieldProblem[] = [];

  constructor(
    readonly raw: RawValues,
    readonly labels: Readonly<Record<string, string>>,
    readonly state: RosterState,
  ) {}

  #fail(field: string, message: string): undefined {
    this.problems.push({ field, message: `${this.labels[field] ?? field}：${message}` });
    return undefined;
  }

  /** The trimmed text, or undefined where the field is empty. */
  text(field: string): string | undefined {
    const v = this.raw[field];
    const s = (Array.isArray(v) ? v[0] : v) as string | undefined;
    const t = s?.trim();
    return t ? t : undefined;
  }

  required(field: string): string | undefined {
    return this.text(field) ?? this.#fail(field, '必填');
  }

  /** Every non-empty value of a repeated field (rows of a table in the form). */
  list(field: string): string[] {
    const v = this.raw[field];
    const all = v === undefined ? [] : Array.isArray(v) ? v : [v as string];
    return all.map((s) => s.trim());
  }

  date(field: string, required = false): string | undefined {
    const t = required ? this.required(field) : this.text(field);
    if (t === undefined) return undefined;
    return Day.safeParse(t).success ? t : this.#fail(field, `“${t}”不是有效日期（YYYY-MM-DD）`);
  }

  /** A day, or a month where the source gives only the month (2024-01). */
  dayOrMonth(field: string, required = false): string | undefined {
    const t = required ? this.required(field) : this.text(field);
    if (t === undefined) return undefined;
    return DayOrMonth.safeParse(t).success ? t : this.#fail(field, `“${t}”不是有效日期（YYYY-MM-DD 或 YYYY-MM）`);
  }

  integer(field: string, required = false, min = 1): number | undefined {
    const t = required ? this.required(field) : this.text(field);
    if (t === undefined) return undefined;
    const n = Number(t);
    return Number.isInteger(n) && n >= min ? n : this.#fail(field, `“${t}”应为不小于${min}的整数`);
  }

  /** One of the options (their values). */
  choice<T extends string>(field: string, options: readonly T[], required = true): T | undefined {
    const t = required ? this.required(field) : this.text(field);
    if (t === undefined) return undefined;
    return (options as readonly string[]).includes(t) ? (t as T) : this.#fail(field, `“${t}”不是可选的值`);
  }

  person(field: string, required = true): string | undefined {
    const t = required ? this.required(field) : this.text(field);
    if (t === undefined) return undefined;
    const r = resolvePerson(this.state, t);
    return r.personId ?? this.#fail(field, r.problem!);
  }

  /** Several persons, separated by 、，, or new lines. */
  persons(field: string): string[] {
    const t = this.text(field);
    if (!t) return [];
    return t
      .split(/[、，,\n]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .flatMap((name) => {
        const r = resolvePerson(this.state, name);
        if (r.personId) return [r.personId];
        this.#fail(field, r.problem!);
        return [];
      });
  }

  problem(field: string, message: string): void {
    this.#fail(field, message);
  }
}
