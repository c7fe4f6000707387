/**
 * Finding a person the way a clerk types: part of the name (黄利), the name's pinyin initials (hlq)
 * or its pinyin (huangli), or a fragment of an electing unit (鄞州). Pure: it reads the roster state;
 * the CLI and the console share it. Pinyin comes from pinyin-pro, with surnames read as surnames
 * (曾 zeng, 单 shan) and every reading of a character with several tried for the initials.
 */

import { currentStatus, latestMandate, type MandateStatus, type RosterState } from '../domain/roster.js';
import { pinyin } from './pinyin.js';

export type MatchedBy = 'id' | 'name' | 'name-part' | 'initials' | 'pinyin' | 'unit';

export interface PersonMatch {
  readonly personId: string;
  readonly name: string;
  /** The electing unit of the person's latest mandate; absent for someone who holds posts only. */
  readonly electingUnit: string | undefined;
  readonly status: MandateStatus | undefined;
  readonly matchedBy: MatchedBy;
}

interface Entry {
  readonly personId: string;
  readonly name: string;
  readonly electingUnit: string | undefined;
  readonly status: MandateStatus | undefined;
  /** Per character, the initials of each of its readings (a character that is not Chinese: itself, lower case). */
  readonly initials: readonly (readonly string[])[];
  /** The name's pinyin without tones or spaces, surname read as a surname. */
  readonly spelled: string;
}

const RANK: Record<MatchedBy, number> = { id: 0, name: 1, 'name-part': 2, initials: 3, pinyin: 4, unit: 5 };

const compact = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\s·・.．]/g, '')
    .toLowerCase();

function initialsOf(char: string): string[] {
  const readings = pinyin(char, { multiple: true, toneType: 'none', type: 'array' });
  const firsts = readings.map((r) => r[0]?.toLowerCase() ?? '').filter((c) => /[a-z]/.test(c));
  return firsts.length > 0 ? [...new Set(firsts)] : [char.toLowerCase()];
}

function entryOf(state: RosterState, personId: string, name: string): Entry {
  const m = latestMandate(state, personId);
  let initials: readonly (readonly string[])[] | undefined;
  let spelled: string | undefined;
  return {
    personId,
    name,
    electingUnit: m?.electingUnit,
    status: m ? currentStatus(m) : undefined,
    // Spelled out when a query in letters first reads them (see `matchOf`): only such a query needs pinyin-pro.
    get initials() {
      initials ??= [...compact(name)].map(initialsOf);
      return initials;
    },
    get spelled() {
      spelled ??= pinyin(compact(name), { surname: 'head', toneType: 'none', type: 'array' }).join('').toLowerCase();
      return spelled;
    },
  };
}

/** Letters only (hlq, huangli): the queries matched by pinyin, the only ones that need pinyin-pro loaded (src/search/pinyin.ts). */
export function searchesPinyin(query: string): boolean {
  return LETTERS.test(compact(query.trim()));
}

const LETTERS = /^[a-z]+$/;

/** `hlq` against 黄利琴: each typed letter is an initial of the character at its place, from any character on. */
function matchesInitials(initials: readonly (readonly string[])[], query: string): boolean {
  const q = [...query];
  for (let start = 0; start + q.length <= initials.length; start++) {
    if (q.every((c, i) => initials[start + i]!.includes(c))) return true;
  }
  return false;
}

const indexes = new WeakMap<RosterState, readonly Entry[]>();

/** The index for one state, built once (a derivation's state is never changed, only replaced). */
function indexOf(state: RosterState): readonly Entry[] {
  let index = indexes.get(state);
  if (!index) {
    index = Object.values(state.persons).map((p) => entryOf(state, p.personId, p.name));
    indexes.set(state, index);
  }
  return index;
}

function matchOf(e: Entry, raw: string, q: string): MatchedBy | undefined {
  if (e.personId === raw) return 'id';
  const name = compact(e.name);
  if (name === q) return 'name';
  if (name.includes(q)) return 'name-part';
  if (LETTERS.test(q)) {
    if (matchesInitials(e.initials, q)) return 'initials';
    if (q.length >= 2 && e.spelled.includes(q)) return 'pinyin';
  }
  if (e.electingUnit !== undefined && compact(e.electingUnit).includes(q)) return 'unit';
  return undefined;
}

/** Every person the query finds, best matches first (exact name, part of the name, initials, pinyin, unit), then by name. */
export function searchPersons(state: RosterState, query: string, limit = Number.POSITIVE_INFINITY): PersonMatch[] {
  const raw = query.trim();
  const q = compact(raw);
  if (q === '') return [];
  const found: PersonMatch[] = [];
  for (const e of indexOf(state)) {
    const matchedBy = matchOf(e, raw, q);
    if (matchedBy) found.push({ personId: e.personId, name: e.name, electingUnit: e.electingUnit, status: e.status, matchedBy });
  }
  return found.sort((a, b) => RANK[a.matchedBy] - RANK[b.matchedBy] || a.name.localeCompare(b.name, 'zh-Hans-CN')).slice(0, limit);
}
