/**
 * A 代表变动登记表: one row a change (序号, 姓名, 选举单位, 变动类型, 日期, 依据文件, 备注 …), read as a
 * headed table (src/roster-io/headed-table.ts): the header row names both 姓名 and 变动类型. What a
 * row means is the application's to decide (src/app/record-changes.ts).
 */
import { type HeadedRow, type HeadedTable, type HeaderMapOf, headerMapOf, labelOf, type TableSpec } from './headed-table.js';

export const CHANGE_FIELDS = [
  'serial',
  'personId',
  'name',
  'electingUnit',
  'changeType',
  'date',
  'source',
  'note',
  'circumstances',
  'ground',
  'session',
  'electedBy',
] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export const CHANGE_TABLE: TableSpec<ChangeField> = {
  headers: {
    serial: ['序号'],
    personId: ['人员编号', '代表编号', '编号'],
    name: ['姓名', '代表姓名'],
    electingUnit: ['选举单位', '原选举单位', '所属选举单位', '选举单位(代表团)', '代表团'],
    changeType: ['变动类型', '变动情况', '变动事项', '变动原因', '变动种类', '类型'],
    date: ['日期', '变动日期', '生效日期', '发生日期', '变动时间'],
    source: ['依据文件', '依据', '来源文件', '依据文件及文号', '文件名称'],
    note: ['备注'],
    circumstances: ['情况说明', '具体情况', '变动情况说明'],
    ground: ['暂停情形', '暂停事由', '情形'],
    session: ['常委会会议', '审查会议', '确认会议', '会议次数'],
    electedBy: ['补选机关', '选举机关'],
  },
  anchors: ['name', 'changeType'],
  required: ['name', 'changeType', 'date', 'source'],
  rowsAre: '变动记录',
};

export type ChangeRow = HeadedRow<ChangeField>;
export type ChangeTable = HeadedTable<ChangeField>;

export const changeLabel = (field: ChangeField) => labelOf(CHANGE_TABLE, field);

export function changeHeaderMap(overrides: readonly string[] = []): HeaderMapOf<ChangeField> {
  return headerMapOf(CHANGE_TABLE, overrides);
}
