/**
 * Persons named by name, as clerks name them (a change register's 姓名 and 选举单位, `"person": "黄利琴"`
 * in an events file): one person of the record, or a problem that says why not and lists the
 * candidates. Only an exact name counts (part of a name or pinyin initials would be a guess when
 * recording); near names are offered as suggestions.
 */
import { normalizeName } from '../domain/normalize.js';
import { latestMandate, type RosterState } from '../domain/roster.js';
import { searchPersons } from '../search/person-search.js';

interface Known {
  readonly personId: string;
  readonly name: string;
  readonly electingUnit: string | undefined;
  readonly deputy: boolean;
}

export type NameResolution =
  | { readonly personId: string; readonly deputy: boolean }
  | { readonly code: 'unknown-person' | 'ambiguous-person' | 'unit-mismatch'; readonly problem: string };

const unitKey = (unit: string) => normalizeName(unit);
const label = (k: Known) => (k.electingUnit ? `${k.name}（${k.electingUnit}）` : k.name);

export class PersonNames {
  readonly #byName = new Map<string, Known[]>();

  constructor(readonly state: RosterState) {
    for (const p of Object.values(state.persons)) {
      const m = latestMandate(state, p.personId);
      this.#add({ personId: p.personId, name: p.name, electingUnit: m?.electingUnit, deputy: m !== undefined });
    }
  }

  #add(k: Known): void {
    const key = normalizeName(k.name);
    this.#byName.set(key, [...(this.#byName.get(key) ?? []).filter((x) => x.personId !== k.personId), k]);
  }

  /** A person registered earlier in the same batch, known by name to the entries after it. */
  add(personId: string, name: string, electingUnit?: string): void {
    this.#add({ personId, name, electingUnit, deputy: false });
  }

  /** Everyone of exactly this name. */
  named(name: string): readonly Known[] {
    return this.#byName.get(normalizeName(name)) ?? [];
  }

  /** `黄利琴`, `黄利琴（鄞州区）`, or a name with the electing unit given beside it. */
  resolve(written: string, unit?: string): NameResolution {
    const inline = /^(.+?)[（(](.+)[）)]$/u.exec(written.trim());
    const [name, within] = inline && unit === undefined ? [inline[1]!, inline[2]!] : [written, unit];
    const all = this.named(name);
    const inUnit =
      within === undefined ? all : all.filter((k) => k.electingUnit !== undefined && unitKey(k.electingUnit) === unitKey(within));
    if (inUnit.length === 1) return { personId: inUnit[0]!.personId, deputy: inUnit[0]!.deputy };
    if (all.length === 1 && within !== undefined) {
      const only = all[0]!;
      if (only.electingUnit === undefined) return { personId: only.personId, deputy: only.deputy };
      return {
        code: 'unit-mismatch',
        problem: `记录中的“${only.name}”属于选举单位“${only.electingUnit}”，不是“${within}”；请核对姓名和选举单位`,
      };
    }
    if (all.length > 1) {
      const listed = (inUnit.length > 1 ? inUnit : all).map(label).join('、');
      return {
        code: 'ambiguous-person',
        problem: `记录中有${all.length}人名为“${name}”：${listed}；请${within === undefined ? '注明选举单位' : '另以人员编号注明'}是哪一位`,
      };
    }
    const near = searchPersons(this.state, name, 6).filter((m) => m.matchedBy !== 'unit' && m.matchedBy !== 'id');
    const hint =
      near.length > 0 ? `；相近的有：${near.map((m) => (m.electingUnit ? `${m.name}（${m.electingUnit}）` : m.name)).join('、')}` : '';
    return { code: 'unknown-person', problem: `记录中没有名为“${name}”的人员${hint}` };
  }
}
