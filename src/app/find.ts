/**
 * Finding persons and electing units the way a clerk types them, one use case for the CLI and the
 * console: part of a name (黄利 → 黄利琴), pinyin initials (hlq) or pinyin, an id, a fragment of an
 * electing unit (鄞州 → 鄞州区). Where a command needs one person or one unit and the query fits
 * several, the refusal lists the candidates. Pure: each function reads a derived roster state.
 */
import { DomainError } from '../domain/errors.js';
import type { RosterState } from '../domain/roster.js';
import { STATUS_NAMES } from '../domain/status-names.js';
import { type PersonMatch, searchPersons } from '../search/person-search.js';
import type { Members } from '../views/audit.js';

export type { MatchedBy, PersonMatch } from '../search/person-search.js';

/** How many candidates an ambiguous query lists before it says how many more there are. */
const LISTED = 20;

/** Every person the query finds, best matches first (see src/search/person-search.ts). */
export function findPersons(state: RosterState, query: string, limit?: number): PersonMatch[] {
  return searchPersons(state, query, limit);
}

const candidateLine = (m: PersonMatch) =>
  `  ${m.name}（${[m.electingUnit ?? '无代表资格记录', m.status ? STATUS_NAMES[m.status] : '', `编号 ${m.personId}`].filter(Boolean).join('，')}）`;

function candidates(matches: readonly PersonMatch[]): string {
  const lines = matches.slice(0, LISTED).map(candidateLine);
  if (matches.length > LISTED) lines.push(`  ……另有${matches.length - LISTED}名`);
  return lines.join('\n');
}

/**
 * The one person a query names: an id or a full name that only one person has wins; else the query
 * must fit exactly one person. None is `unknown-person`; several is `ambiguous-query`, listing them.
 */
export function resolvePerson(state: RosterState, query: string): string {
  const matches = findPersons(state, query);
  const byId = matches.find((m) => m.matchedBy === 'id');
  if (byId) return byId.personId;
  const exact = matches.filter((m) => m.matchedBy === 'name');
  const fitting = exact.length > 0 ? exact : matches;
  if (fitting.length === 1) return fitting[0]!.personId;
  if (fitting.length === 0) {
    throw new DomainError(
      'unknown-person',
      `记录中没有姓名或编号为“${query}”的人员，也没有与之相符的人员（可输入姓名的一部分、拼音首字母如 hlq、选举单位的一部分如 鄞州）`,
    );
  }
  const what = exact.length > 1 ? `姓名“${query.trim()}”对应${exact.length}名人员` : `“${query.trim()}”与${fitting.length}名人员相符`;
  throw new DomainError('ambiguous-query', `${what}，请输入更完整的姓名或人员编号：\n${candidates(fitting)}`);
}

/** The electing units the record knows: the congress's, then any a mandate names. */
export function electingUnits(state: RosterState): string[] {
  const units = [
    ...(state.congress?.electingUnits.map((u) => u.name) ?? []),
    ...state.mandates.map((m) => m.electingUnit).filter((u): u is string => u !== undefined),
  ];
  return [...new Set(units)];
}

const compact = (s: string) => s.normalize('NFC').replace(/\s/g, '');

/** The one electing unit a fragment names (鄞州 → 鄞州区); the full name wins over a fragment of another. */
export function resolveUnit(state: RosterState, fragment: string): string {
  const q = compact(fragment);
  const units = electingUnits(state);
  const exact = units.find((u) => compact(u) === q);
  if (exact) return exact;
  const fitting = q === '' ? [] : units.filter((u) => compact(u).includes(q));
  if (fitting.length === 1) return fitting[0]!;
  if (fitting.length === 0) {
    throw new DomainError(
      'invalid-input',
      `没有名称含“${fragment.trim()}”的选举单位；本届的选举单位：${units.join('、') || '无'}`,
      '--unit',
    );
  }
  throw new DomainError(
    'ambiguous-query',
    `“${fragment.trim()}”与${fitting.length}个选举单位相符，请写得更完整：${fitting.join('、')}`,
    '--unit',
  );
}

export interface MembersFilter {
  /** Part of a name, pinyin initials, an id or a unit fragment: the members it finds (any number). */
  readonly query?: string;
  /** A fragment of one electing unit. */
  readonly unit?: string;
}

/** Members narrowed by a query and a unit; the count stays that of the whole congress. */
export interface FoundMembers extends Members {
  readonly filter?: { readonly query?: string; readonly unit?: string; readonly shown: number };
}

export function narrowMembers(state: RosterState, members: Members, filter: MembersFilter): FoundMembers {
  if (filter.query === undefined && filter.unit === undefined) return members;
  const unit = filter.unit !== undefined ? resolveUnit(state, filter.unit) : undefined;
  const found = filter.query !== undefined ? new Set(findPersons(state, filter.query).map((m) => m.personId)) : undefined;
  const units = members.units
    .filter((u) => unit === undefined || u.unit === unit)
    .map((u) => ({ ...u, members: u.members.filter((m) => !found || found.has(m.personId)) }))
    .filter((u) => u.members.length > 0);
  const shown = units.reduce((n, u) => n + u.members.length, 0);
  return {
    ...members,
    units,
    filter: { ...(filter.query !== undefined ? { query: filter.query } : {}), ...(unit !== undefined ? { unit } : {}), shown },
  };
}
