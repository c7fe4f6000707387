/** A new congress's electing units as a small sheet (选举单位, 名额, 类别), read as a headed table. */
import { type HeaderMapOf, headerMapOf, type TableSpec } from './headed-table.js';

export type UnitField = 'serial' | 'name' | 'quota' | 'kind' | 'note';

export const UNIT_TABLE: TableSpec<UnitField> = {
  headers: {
    serial: ['序号'],
    name: ['选举单位', '选举单位名称', '单位名称', '代表团'],
    quota: ['名额', '代表名额', '应选名额', '分配名额', '应选代表名额'],
    kind: ['类别', '单位类别'],
    note: ['备注'],
  },
  anchors: ['name'],
  required: ['name'],
  rowsAre: '选举单位',
};

export function unitHeaderMap(overrides: readonly string[] = []): HeaderMapOf<UnitField> {
  return headerMapOf(UNIT_TABLE, overrides);
}
