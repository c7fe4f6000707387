/** The small grammar of Chinese official texts that every document kind shares. */
import { DomainError } from '../domain/errors.js';
import type { Congress } from '../domain/events.js';

/** 甲 → 甲; 甲、乙 → 甲和乙; 甲、乙、丙 → 甲、乙和丙 */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}

/** Law titles as cited in a sentence: 《甲》《乙》 */
export function bookTitles(titles: readonly string[]): string {
  return titles.map((t) => `《${t}》`).join('');
}

/** Distinct values in order of first appearance. */
export function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** The standing committee of a congress; township congresses have none, so they get no such documents. */
export function standingCommitteeOf(congress: Congress): { name: string; shortName: string } {
  if (!congress.standingCommittee) {
    throw new DomainError(
      'invalid-data-file',
      `${congress.name}没有常务委员会（乡、民族乡、镇人民代表大会），不适用常委会的文书`,
      'CongressConstituted.congress.standingCommittee',
    );
  }
  return congress.standingCommittee;
}

/**
 * The word for the level as documents use it before 人民代表大会 (市, 省, 县, 区 …), read off the
 * standing committee's short form (市人大常委会 → 市).
 */
export function levelWord(congress: Congress): string {
  const short = standingCommitteeOf(congress).shortName;
  const suffix = '人大常委会';
  if (!short.endsWith(suffix) || short.length === suffix.length) {
    throw new DomainError(
      'invalid-data-file',
      `常委会简称“${short}”应形如“市人大常委会”`,
      'CongressConstituted.congress.standingCommittee.shortName',
    );
  }
  return short.slice(0, -suffix.length);
}
