/**
 * The GB/T 9704-2012 page both printed formats follow (Word and the printable HTML page): sizes in
 * millimetres and characters, and where lines of the title and the signature break. No rendering
 * library here, so the HTML renderer can use it without loading the Word one.
 */
import type { OfficialDocument } from '../official-document.js';

export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  margin: { topMm: 37, rightMm: 26, bottomMm: 35, leftMm: 28 },
  linesPerPage: 22,
  charsPerLine: 28,
  /** 成文日期 右空四字 (GB/T 9704-2012 7.3.5.1). */
  dateRightChars: 4,
  /** A title line at 2号 (22 pt) in the 156 mm text block holds 20 characters. */
  titleChars: 20,
} as const;

/** Width in body characters: CJK full width, ASCII (digits of a date) half. */
export function width(s: string): number {
  return [...s].reduce((n, c) => n + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
}

/** Parts packed greedily into lines of at most `fits` characters; a part longer than that stands alone. */
function pack(parts: readonly string[], fits: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines[lines.length - 1];
    if (last !== undefined && width(last) + width(part) <= fits) lines[lines.length - 1] = last + part;
    else lines.push(part);
  }
  return lines;
}

/**
 * The title's lines: its parts packed into lines of what fits at 2号, so a line breaks between words
 * and organs, never leaving a lone 告 as wrapping by character does.
 */
export function titleLines(doc: OfficialDocument): string[] {
  return pack(doc.titleParts ?? [doc.title], PAGE.titleChars);
}

/**
 * The signature's lines, each centred over the date (GB/T 9704-2012 7.3.5.1): as wide as fits
 * between the right margin and the same distance left of the date's centre, broken between organs
 * (宁波市第十六届人民代表大会 / 常务委员会代表资格审查委员会, as the gazette prints it).
 */
export function signatureLines(doc: OfficialDocument): string[] {
  if (!doc.signature) return [];
  const fits = doc.date ? 2 * PAGE.dateRightChars + width(doc.date) : PAGE.charsPerLine - 2;
  return pack(doc.signatureParts ?? [doc.signature], fits);
}

/** Characters between a signature line's end and the right margin, so that it is centred over the date. */
export function signatureRightIndent(line: string, date: string | undefined): number {
  if (!date) return 2;
  return Math.max(0, PAGE.dateRightChars + (width(date) - width(line)) / 2);
}
