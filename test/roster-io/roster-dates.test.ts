import { describe, expect, it } from 'vitest';
import { fromExcelSerial, readRosterDate } from '../../src/roster-io/roster-dates.js';

const value = (v: unknown) => {
  const r = readRosterDate(v);
  return r.ok ? r.value : `✗ ${r.reason}`;
};

describe('a date typed as text', () => {
  it.each([
    ['1970.05', '1970-05'],
    ['1970.5', '1970-05'],
    ['1970年5月', '1970-05'],
    ['1970年05月03日', '1970-05-03'],
    ['1970-05-03', '1970-05-03'],
    ['1970/5/3', '1970-05-03'],
    ['197005', '1970-05'],
    ['１９７０．０５', '1970-05'],
  ])('%s is read as %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('a day that does not exist is refused with the date it would be', () => {
    expect(value('2023.02.29')).toBe('✗ 不是有效的日期（2023-02-29）');
  });

  it('words are refused with the forms that are accepted', () => {
    expect(value('七十年代')).toMatch(/^✗ “七十年代”不是日期（可写作 1970\.05、1970年5月/);
  });
});

describe('a date stored by Excel', () => {
  it('a serial number counts days from 1899-12-30, allowing for the phantom 1900-02-29', () => {
    expect(value(25_569)).toBe('1970-01-01');
    expect(value(45_504)).toBe('2024-07-31');
    expect(fromExcelSerial(1)).toEqual({ ok: true, value: '1900-01-01' });
    expect(fromExcelSerial(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(fromExcelSerial(60).ok).toBe(false);
  });

  it('a number such as 1970.05 is a year and month, and 1970.1 is October (Excel dropped the zero of 1970.10)', () => {
    expect(value(1970.05)).toBe('1970-05');
    expect(value(1970.1)).toBe('1970-10');
    expect(value(1970.12)).toBe('1970-12');
  });

  it('a bare year is not precise enough', () => {
    expect(value(1970)).toBe('✗ 只有年份（1970），缺少月份');
  });

  it('a date cell is read on its calendar day', () => {
    expect(value(new Date(Date.UTC(1970, 4, 3)))).toBe('1970-05-03');
  });
});
