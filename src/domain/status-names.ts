import type { MandateStatus } from './roster.js';

/** A mandate's status in the words of the credentials documents. */
export const STATUS_NAMES: Record<MandateStatus, string> = {
  pending: '已当选，待确认代表资格',
  valid: '代表资格有效',
  suspended: '暂停执行代表职务',
  ended: '代表资格终止',
  void: '当选无效',
};
