/**
 * A draft (草稿): events a 填报 clerk has entered that are not yet in the legal record. Drafts live
 * beside the record (src/store/draft-store.ts), outside the hash chain, until a 审核 clerk approves
 * them; approval appends them through the same path as `roster record`.
 */
import * as z from 'zod';
import { EventInputSchema } from './events.js';

export const DraftStatus = z.enum(['pending', 'approving', 'approved', 'returned', 'withdrawn']);
export type DraftStatus = z.infer<typeof DraftStatus>;

export const DRAFT_STATUS_NAMES: Record<DraftStatus, string> = {
  pending: '待审核',
  approving: '正在记录',
  approved: '已批准记录',
  returned: '已退回',
  withdrawn: '已撤回',
};

export const Draft = z.strictObject({
  id: z.string().min(1),
  /** What the clerk chose: 调离本行政区域, 辞去代表职务, 名册导入 … */
  title: z.string().min(1),
  events: z.array(EventInputSchema).min(1),
  draftedBy: z.string().min(1),
  draftedAt: z.iso.datetime({ offset: true }),
  status: DraftStatus,
  /** The reviewer who approved or returned it, or is recording it now. */
  reviewedBy: z.string().min(1).optional(),
  reviewedAt: z.iso.datetime({ offset: true }).optional(),
  /** Why it was returned. */
  reason: z.string().min(1).optional(),
  /** The seqs the approval recorded. */
  recordedSeqs: z.array(z.number().int().positive()).optional(),
});
export type Draft = z.infer<typeof Draft>;
