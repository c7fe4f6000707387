/**
 * Text from a clerk's spreadsheet, made comparable: NFC, no stray or full-width spaces, one middle
 * dot in names such as 阿不都·热合曼. Works on code points, so characters outside the BMP (𠮷) stay whole.
 */

/** Every character a spreadsheet uses as the separating dot in a transliterated name. */
const NAME_DOTS = /[\u00B7\u2027\u2022\u2219\u22C5\u30FB\uFF65\u318D\u16EB\u0387\u2E31\uFF0E.．]/gu;
/** The canonical separator: U+00B7 MIDDLE DOT, as 《少数民族人名汉字译写》 practice and ID cards use it. */
export const NAME_DOT = '\u00B7';

/** Spaces of every width, including the ideographic space U+3000 and the no-break space. */
const SPACES = /[\s\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/gu;

/**
 * Invisible format characters (zero-width space and joiners, word joiner, soft hyphen, byte-order
 * mark, direction marks): copied in from web pages and documents, never part of a name, and they make
 * two equal names look different to a program (the duplicate-name warning) while a clerk sees the same.
 */
const INVISIBLE = /\p{Cf}/gu;

/** Full-width ASCII (Ａ-Ｚ, ０-９ …) to its ordinary form; nothing else is touched. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCodePoint(c.codePointAt(0)! - 0xfee0));
}

/** A cell's text: NFC, full-width ASCII narrowed, runs of spaces collapsed to one, trimmed. */
export function normalizeText(text: string): string {
  return halfWidth(text.normalize('NFC')).replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** A person's name: as `normalizeText`, with every space removed and one canonical middle dot. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(SPACES, '')
    .replace(NAME_DOTS, NAME_DOT)
    .replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCodePoint(c.codePointAt(0)! - 0xfee0));
}

/** Two names are the same name when their keys are equal: as `normalizeName` makes them (NFC, no spaces or invisible characters, one middle dot). */
export const nameKey = normalizeName;

/** A header cell: every space removed (headers are often spaced out, 姓　　名), brackets narrowed. */
export function normalizeHeader(text: string): string {
  return halfWidth(text.normalize('NFC')).replace(SPACES, '').replace(/\n/g, '');
}
