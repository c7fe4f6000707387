/**
 * The facts a rule tested, in the clerk's words: `事件类型=辞去代表职务被接受`, not
 * `eventType=DeputyResignationAccepted` (the ids stay in --json). A value with no Chinese name
 * here is shown as recorded.
 */
import { EVENT_NAMES } from '../domain/event-names.js';
import type { EventType } from '../domain/events.js';
import type { MandateStatus } from '../domain/roster.js';
import { STATUS_NAMES } from '../domain/status-names.js';

const FACT_LABELS: Readonly<Record<string, string>> = {
  eventType: '事件类型',
  eventDate: '事件日期',
  congressLevel: '人大层级',
  region: '地区',
  mandateStatus: '代表资格状态',
  electionKind: '产生方式',
  reviewResult: '审查结果',
  voidGround: '当选无效的情形',
  suspensionGround: '暂停的情形',
  movement: '调离或迁出',
  absenceCount: '未经批准不出席次数',
  electingUnitKind: '选举单位类别',
  question: '所问事项',
  organKind: '机关类别',
  postTitle: '职务',
  otherOrganKind: '另一机关类别',
  otherPostTitle: '另一职务',
  postRequirement: '职务的前提',
  terminationGround: '代表资格终止的情形',
  personnelAct: '任免',
  vacancies: '缺额',
  settingCascadeOtherGrounds: '设置：其他情形相应终止',
};

const VALUE_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  congressLevel: { national: '全国', provincial: '省级', municipal: '设区的市级', county: '县级', township: '乡级' },
  mandateStatus: { ...STATUS_NAMES, none: '无代表资格记录' } satisfies Record<MandateStatus | 'none', string>,
  electionKind: { general: '选举产生', 'by-election': '补选产生', 'session-election': '会议选举产生', succession: '递补' },
  reviewResult: { valid: '代表资格有效', void: '当选无效' },
  movement: { transferred: '调离', moved: '迁出' },
  electingUnitKind: { regular: '一般选举单位', military: '军队选举单位', 'armed-police': '武警部队选举单位' },
  postRequirement: { deputy: '以代表身份为前提', 'standing-committee-member': '以常委会组成人员身份为前提', none: '不以代表身份为前提' },
  suspensionGround: {
    'criminal-custody': '因刑事案件被羁押',
    'serving-sentence': '正在服刑',
    'non-custodial-measure': '被采取非羁押的强制措施',
    'administrative-detention': '行政拘留',
    'judicial-detention': '司法拘留',
  },
  voidGround: {
    'basic-conditions': '不符合代表基本条件',
    procedure: '选举程序违法',
    'election-sabotage': '以贿选等手段破坏选举',
    'foreign-funding': '接受境外资助',
  },
};

function valueText(key: string, value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'eventType' && typeof value === 'string' && value in EVENT_NAMES) return EVENT_NAMES[value as EventType];
  return VALUE_NAMES[key]?.[String(value)] ?? String(value);
}

/** 事件类型=辞去代表职务被接受，事件日期=2024-07-31，…: the facts that apply (null ones left out). */
export function factsText(facts: Readonly<Record<string, string | number | boolean | null>>): string {
  return Object.entries(facts)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== null)
    .map(([k, v]) => `${FACT_LABELS[k] ?? k}=${valueText(k, v)}`)
    .join('，');
}
