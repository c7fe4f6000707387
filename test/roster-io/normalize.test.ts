import { describe, expect, it } from 'vitest';
import { NAME_DOT, normalizeName, normalizeText } from '../../src/domain/normalize.js';

describe('a name as clerks type it', () => {
  it('loses stray, ideographic and no-break spaces', () => {
    expect(normalizeName(' 王\u3000 安\u00A0静 ')).toBe('王安静');
  });

  it('writes the separating dot of a transliterated name as U+00B7 whatever dot was typed', () => {
    for (const dot of ['·', '・', '･', '•', '‧', '.', '．', '∙', '⋅'])
      expect(normalizeName(`阿不都${dot}热合曼`)).toBe(`阿不都${NAME_DOT}热合曼`);
  });

  it('is composed to NFC, so the same name typed two ways compares equal', () => {
    expect(normalizeName('Zoe\u0301')).toBe('Zoé');
  });

  it('keeps characters outside the Basic Multilingual Plane whole', () => {
    const name = normalizeName('𠮷\u3000野 𡈽');
    expect(name).toBe('𠮷野𡈽');
    expect([...name]).toHaveLength(3);
  });

  it('narrows full-width letters and digits', () => {
    expect(normalizeName('ＡＢＣ１２')).toBe('ABC12');
  });
});

describe('other cell text', () => {
  it('keeps single spaces between words but collapses runs and trims', () => {
    expect(normalizeText('  宁波市\u3000\u3000某某公司  总经理 ')).toBe('宁波市 某某公司 总经理');
  });
});
