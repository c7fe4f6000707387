import type { MandateStatus } from '../domain/roster.js';

/** A mandate status as a predicate in a sentence (…在该日“代表资格有效”). */
export const STATUS_WORDS: Record<MandateStatus, string> = {
  pending: '已当选、待确认代表资格',
  valid: '代表资格有效',
  suspended: '暂停执行代表职务',
  ended: '代表资格已终止',
  void: '当选无效',
};
