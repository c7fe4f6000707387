/**
 * Events as a clerk writes them in a JSON file: the glossary's Chinese event names (`"type": "调离"`,
 * `"type": "去世"`) as well as the ids, and persons by name (`"person": "黄利琴"`, `"person":
 * "黄利琴（鄞州区）"`, `"persons": [...]`) where the name is unambiguous, besides `personId`. Every
 * problem of the batch is collected and reported at once, each named by its JSON path; then the
 * events go through the one admission path (src/app/admit.ts) as any other caller's.
 */
import { eventTypeNamed } from '../domain/change-types.js';
import { DomainError, jsonPath } from '../domain/errors.js';
import { EVENT_NAMES } from '../domain/event-names.js';
import { EVENT_TYPES, type EventInput } from '../domain/events.js';
import type { RosterState } from '../domain/roster.js';
import { admitEvent } from './admit.js';
import { PersonNames } from './person-names.js';

export interface EntryProblem {
  /** The JSON path of the value: `$[2].person`. */
  readonly path: string;
  readonly message: string;
}

type Path = readonly (string | number)[];
type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Does any entry name a person by name (then the record is needed to resolve it)? */
export function namesPersons(values: readonly unknown[]): boolean {
  const walk = (v: unknown): boolean =>
    Array.isArray(v) ? v.some(walk) : isObject(v) ? 'person' in v || 'persons' in v || Object.values(v).some(walk) : false;
  return values.some(walk);
}

/**
 * The events with Chinese type names and persons by name resolved, and every problem found (type
 * names, names, then the schema and input limits of each event), or the events ready to decide.
 */
export function resolveEntries(
  values: readonly unknown[],
  state: RosterState | undefined,
  ctx: { readonly today: string; readonly single?: boolean },
): { readonly events: EventInput[]; readonly problems: EntryProblem[] } {
  const problems: EntryProblem[] = [];
  const names = state ? new PersonNames(state) : undefined;
  const at = (i: number, path: Path) => jsonPath(ctx.single ? path : [i, ...path]);

  const resolveObject = (value: Obj, i: number, base: Path): Obj => {
    const out: Obj = { ...value };
    if (typeof value.type === 'string' && !(EVENT_TYPES as readonly string[]).includes(value.type)) {
      const named = eventTypeNamed(value.type);
      if (!named) {
        problems.push({
          path: at(i, [...base, 'type']),
          message: `未知的事件类型“${value.type}”；可用中文名：${EVENT_TYPES.map((t) => EVENT_NAMES[t]).join('、')}，或调离、迁出、辞职、补选、确认、暂停、恢复`,
        });
      } else {
        out.type = named.type;
        for (const [k, v] of Object.entries(named.preset)) if (!(k in out)) out[k] = v;
      }
    }
    const resolve = (written: unknown, path: Path): string | undefined => {
      if (typeof written !== 'string' || written.trim() === '') {
        problems.push({ path: at(i, path), message: '应为人员姓名' });
        return undefined;
      }
      const r = names!.resolve(written, typeof value.electingUnit === 'string' ? value.electingUnit : undefined);
      if ('personId' in r) return r.personId;
      problems.push({ path: at(i, path), message: r.problem });
      return undefined;
    };
    if ('person' in value) {
      delete out.person;
      if ('personId' in value) problems.push({ path: at(i, [...base, 'person']), message: 'person（姓名）与 personId 只能给一个' });
      else {
        const id = resolve(value.person, [...base, 'person']);
        if (id) out.personId = id;
      }
    }
    if ('persons' in value) {
      delete out.persons;
      if ('personIds' in value || !Array.isArray(value.persons)) {
        problems.push({ path: at(i, [...base, 'persons']), message: 'persons 应为姓名的数组，且不能与 personIds 同时给出' });
      } else {
        out.personIds = value.persons.map((n, k) => resolve(n, [...base, 'persons', k]) ?? '');
      }
    }
    // A correction's replacement is an event too.
    if (isObject(value.replacement)) out.replacement = resolveObject(value.replacement, i, [...base, 'replacement']);
    return out;
  };

  const resolved = values.map((value, i) => {
    if (!isObject(value)) return value;
    const out = resolveObject(value, i, []);
    if (out.type === 'PersonRegistered' && typeof out.personId === 'string' && typeof out.name === 'string') {
      names?.add(out.personId, out.name);
    }
    return out;
  });
  const unresolved = new Set(problems.map((p) => p.path.replace(/^(\$(\[\d+\])?).*$/u, '$1')));
  const events: EventInput[] = [];
  for (const [i, value] of resolved.entries()) {
    if (unresolved.has(at(i, []))) continue;
    try {
      events.push(admitEvent(value, (path) => at(i, path), { today: ctx.today }));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const [path, ...rest] = e.message.split('：');
      problems.push({ path: path ?? at(i, []), message: rest.join('：') });
    }
  }
  return { events: problems.length > 0 ? [] : events, problems };
}

/** Every problem of a batch in one refusal: 发现问题3项，未写入任何记录：… */
export function entryRefusal(problems: readonly EntryProblem[], origin?: string): DomainError {
  const listed = problems.map((p) => ({ where: p.path, message: p.message }));
  if (problems.length === 1) return new DomainError('invalid-input', `${problems[0]!.path}：${problems[0]!.message}`, origin, listed);
  return new DomainError(
    'invalid-input',
    [`发现问题${problems.length}项，未写入任何记录：`, ...problems.map((p) => `  ${p.path}：${p.message}`)].join('\n'),
    origin,
    listed,
  );
}
