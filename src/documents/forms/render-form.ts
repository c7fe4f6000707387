/**
 * Fills a document form (src/domain/document-forms.ts) from a form record: `{name}` is a value of the
 * record, `{name|cn}` the same in Chinese numerals, `{name?}` one that may be missing. A value the
 * form names and the record lacks is an error naming the form and the value, never a blank.
 */

import type { DocumentForm, Piece } from '../../domain/document-forms.js';
import { DomainError } from '../../domain/errors.js';
import { TerminationGround } from '../../domain/findings.js';
import { bookTitles, distinct, joinAnd } from '../phrasing.js';
import { asChinese, type FormPerson, type FormRecord, type Value } from './form-record.js';

interface Scope {
  readonly terminations: readonly FormPerson[];
  readonly elected: readonly FormPerson[];
  readonly confirmed: readonly FormPerson[];
  readonly postEndings: readonly FormPerson[];
  readonly values: Readonly<Record<string, Value>>;
}

type Collection = 'terminations' | 'elected' | 'postEndings';

export class FormFiller {
  constructor(
    private readonly form: DocumentForm,
    private readonly record: FormRecord,
    private readonly formName: string,
  ) {}

  /** A template with the values given. */
  fill(template: string, values: Readonly<Record<string, Value>>): string {
    return template.replace(
      /\{([A-Za-z]+)(\?)?(?:\|(cn))?\}/g,
      (_, name: string, optional: string | undefined, filter: string | undefined) => {
        const v = values[name];
        if (v === undefined || v === '') {
          if (optional) return '';
          throw new DomainError('invalid-data-file', `文书格式（${this.formName}）用到“${name}”，但记录中没有这项内容`, template);
        }
        return String(filter === 'cn' ? asChinese(v) : v);
      },
    );
  }

  /** The record as a whole, as the top scope. */
  scope(): Scope {
    const r = this.record;
    return this.withValues({
      terminations: this.ordered(r.terminations),
      elected: r.elected,
      confirmed: r.confirmed,
      postEndings: r.postEndings,
      values: r.values,
    });
  }

  /** The values that speak of a scope's persons: names, counts, laws, the session that confirmed them. */
  private withValues(s: Omit<Scope, 'values'> & { values: Readonly<Record<string, Value>> }): Scope {
    const names = (ps: readonly FormPerson[]) => ps.map((p) => p.values.name).filter((n): n is string => typeof n === 'string');
    const order = this.record.announced;
    const announced = [...s.terminations].sort((a, b) => rank(order, a.personId) - rank(order, b.personId));
    const laws = lawValues(s.terminations);
    return {
      ...s,
      values: {
        ...s.values,
        terminatedNames: names(s.terminations).join('、') || undefined,
        announcedNames: names(announced).join('、') || undefined,
        electedNames: names(s.elected).join('、') || undefined,
        confirmedNames: names(s.confirmed).join('、') || undefined,
        terminated: s.terminations.length,
        confirmed: s.confirmed.length,
        reviewSession: s.confirmed[0]?.values.reviewSession,
        reportedByList:
          joinAnd(distinct(s.elected.map((p) => p.values.reportedBy).filter((x): x is string => typeof x === 'string'))) || undefined,
        ...laws,
      },
    };
  }

  /** Terminations in the order the form tells the grounds, then in record order. */
  private ordered(persons: readonly FormPerson[]): FormPerson[] {
    const order = this.form.groundOrder ?? TerminationGround.options;
    return [...persons].sort((a, b) => rank(order, a.ground) - rank(order, b.ground));
  }

  pieces(pieces: readonly Piece[], scope: Scope): string {
    return pieces.map((p) => this.piece(p, scope)).join('');
  }

  private piece(p: Piece, scope: Scope): string {
    if (typeof p === 'string') return this.fill(p, scope.values);
    if ('if' in p) return this.holds(p.if, scope) ? this.pieces(p.show, scope) : this.pieces(p.else ?? [], scope);
    if ('section' in p) {
      const keep = (x: FormPerson) =>
        (!p.section.grounds || p.section.grounds.includes(x.ground)) && (!p.section.unitKinds || p.section.unitKinds.includes(x.unitKind));
      const sub = this.withValues({
        terminations: scope.terminations.filter(keep),
        elected: scope.elected.filter(keep),
        confirmed: scope.confirmed.filter(keep),
        postEndings: scope.postEndings.filter((e) => scope.terminations.filter(keep).some((t) => t.personId === e.personId)),
        values: this.record.values,
      });
      return sub.terminations.length + sub.elected.length === 0 ? '' : this.pieces(p.pieces, sub);
    }
    return this.each(p, scope);
  }

  private holds(condition: string, scope: Scope): boolean {
    const negated = condition.startsWith('!');
    const name = negated ? condition.slice(1) : condition;
    const value =
      name in scope && Array.isArray(scope[name as keyof Scope])
        ? (scope[name as Collection] as unknown[]).length > 0
        : Boolean(scope.values[name]);
    return negated ? !value : value;
  }

  private each(p: Extract<Piece, { each: Collection }>, scope: Scope): string {
    const persons = scope[p.each];
    if (persons.length === 0) return '';
    const groups: { form: { groupBy: readonly string[]; template: string; unit?: string; unitJoin?: string }; persons: FormPerson[] }[] =
      [];
    for (const person of persons) {
      const form = itemFor(p.item, person);
      if (!form) {
        throw new DomainError('invalid-data-file', `文书格式（${this.formName}）没有写明“${person.ground}”的写法（${p.each}.item）`);
      }
      const key = (x: FormPerson) =>
        JSON.stringify([itemFor(p.item, x) === form, ...form.groupBy.map((k) => x.values[k] ?? x[k as keyof FormPerson])]);
      const group = groups.find((g) => g.form === form && key(g.persons[0]!) === key(person));
      if (group) group.persons.push(person);
      else groups.push({ form, persons: [person] });
    }
    const personJoin = p.personJoin ?? '、';
    const nameOf = (x: FormPerson) => this.fill(p.person ?? '{name}', { ...scope.values, ...x.values });
    // Deputies the source counts without naming have no name to write: {names} lists the named ones.
    const named = (xs: readonly FormPerson[]) => xs.filter((x) => x.values.name !== undefined);
    const text = groups
      .map(({ form, persons: members }) => {
        const first = members[0]!;
        const values = {
          ...scope.values,
          ...first.values,
          ...lawValues(members),
          names: named(members).map(nameOf).join(personJoin) || undefined,
          count: members.length,
          posts: members.map((m) => m.values.post).join('、'),
          byUnit: form.unit ? this.byUnit(members, form.unit, form.unitJoin ?? '，', nameOf, personJoin, scope) : undefined,
        };
        return this.fill(form.template, values);
      })
      .join(p.join ?? '');
    const around = { ...scope.values, ...lawValues(persons) };
    return `${p.prefix ? this.fill(p.prefix, around) : ''}${text}${p.suffix ? this.fill(p.suffix, around) : ''}`;
  }

  private byUnit(
    members: readonly FormPerson[],
    template: string,
    join: string,
    nameOf: (x: FormPerson) => string,
    personJoin: string,
    scope: Scope,
  ): string {
    const units = distinct(members.map((m) => m.values.unit));
    return units
      .map((unit) => {
        const ofUnit = members.filter((m) => m.values.unit === unit);
        const names =
          ofUnit
            .filter((x) => x.values.name !== undefined)
            .map(nameOf)
            .join(personJoin) || undefined;
        return this.fill(template, { ...scope.values, ...ofUnit[0]!.values, names, count: ofUnit.length });
      })
      .join(join);
  }
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

/** The form for a person: by ground and unit kind, ground, any ground of that unit kind, any. */
function itemFor<T>(items: Readonly<Record<string, T>>, p: FormPerson): T | undefined {
  return items[`${p.ground}:${p.unitKind}`] ?? items[p.ground] ?? items[`*:${p.unitKind}`] ?? items['*'];
}

/** 《…代表法》 and 代表法 for the laws the persons' findings cite; a phrase where they share one. */
function lawValues(persons: readonly FormPerson[]): Record<string, Value> {
  const titles = distinct(persons.map((p) => p.values.lawTitle).filter((x): x is string => typeof x === 'string'));
  const shorts = distinct(persons.map((p) => p.values.lawName).filter((x): x is string => typeof x === 'string'));
  const phrases = distinct(persons.map((p) => p.values.phrase).filter((x): x is string => typeof x === 'string'));
  return {
    lawTitles: titles.length > 0 ? bookTitles(titles) : undefined,
    lawNames: shorts.length > 0 ? shorts.join('、') : undefined,
    phrase: phrases.length === 1 ? phrases[0] : undefined,
  };
}
