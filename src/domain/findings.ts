/**
 * What the rules decide about an event, as typed findings that explain themselves:
 * the rule, the citation valid on the event's date, and the facts that decided it.
 */
import * as z from 'zod';

/** 代表资格终止的情形. The order a document lists them in is that of the provisions the rules cite (src/ledger/headcount.ts). */
export const TerminationGround = z.enum([
  'transferred-out',
  'resigned',
  'ordered-resignation',
  'absent-twice',
  'recalled',
  'nationality-lost',
  'political-rights-deprived',
  'capacity-lost',
  'died',
  /** 撤销代表资格 by the electing unit (practice before 代表法 1992). */
  'revoked',
  /** A ground no rule knows, recorded with the source's wording (MandateEndedOtherwise). */
  'other',
]);
export type TerminationGround = z.infer<typeof TerminationGround>;

const Label = z.string().min(1);

/** How a post ends with deputy status: 相应终止, 相应撤销 (recall), 自然终止 (death). */
export const PostEndMode = z.enum(['相应终止', '相应撤销', '自然终止']);
export type PostEndMode = z.infer<typeof PostEndMode>;

function outcomeOf() {
  return z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('mandate-terminated'),
      params: z.strictObject({
        ground: TerminationGround,
        /** 调离本行政区域, 辞去代表职务 …: the heading documents group by. */
        label: Label,
        /** 代表资格终止 / 代表资格自行终止 / 代表资格自然终止: the wording of the notice. */
        phrase: Label,
      }),
    }),
    z.strictObject({ type: z.literal('mandate-suspended'), params: z.strictObject({ label: Label }) }),
    z.strictObject({ type: z.literal('suspension-ended'), params: z.strictObject({ label: Label }) }),
    z.strictObject({ type: z.literal('mandate-confirmed'), params: z.strictObject({ label: Label }) }),
    /** `wording`: how the report states the ground (…不符合法律规定的代表基本条件，其当选无效), where the rule gives one. */
    z.strictObject({ type: z.literal('election-voided'), params: z.strictObject({ label: Label, wording: Label.optional() }) }),
    z.strictObject({ type: z.literal('no-effect'), params: z.strictObject({ label: Label }) }),
    // Posts, cascades and the oath (legal brief 7 D-F).
    z.strictObject({
      type: z.literal('post-requires'),
      params: z.strictObject({ requirement: z.enum(['deputy', 'standing-committee-member', 'none']), label: Label }),
    }),
    /** 相应终止 / 相应撤销: the post ends with the status it depends on; 自然终止: the holder died. */
    z.strictObject({ type: z.literal('post-ends'), params: z.strictObject({ mode: PostEndMode, label: Label }) }),
    /** The post survives; `advisory` asks the clerk to look (a transfer out of the region). */
    z.strictObject({ type: z.literal('post-continues'), params: z.strictObject({ advisory: z.boolean(), label: Label }) }),
    z.strictObject({ type: z.literal('posts-incompatible'), params: z.strictObject({ label: Label }) }),
    z.strictObject({ type: z.literal('appointment-not-allowed'), params: z.strictObject({ label: Label }) }),
    z.strictObject({ type: z.literal('oath-owed'), params: z.strictObject({ organiser: Label, label: Label }) }),
    z.strictObject({ type: z.literal('oath-not-owed'), params: z.strictObject({ label: Label }) }),
    z.strictObject({ type: z.literal('oath-wording'), params: z.strictObject({ text: Label, label: Label }) }),
    // The standing committee, by-elections and the headcount.
    /** How a speaker addresses the standing committee: its members by office (主任、副主任、秘书长、各位委员：). */
    z.strictObject({ type: z.literal('salutation'), params: z.strictObject({ text: Label, label: Label }) }),
    /** A by-election in an electing unit that has no vacancy. */
    z.strictObject({ type: z.literal('no-vacancy'), params: z.strictObject({ label: Label }) }),
    /** More deputies counted than the quota. */
    z.strictObject({ type: z.literal('quota-exceeded'), params: z.strictObject({ label: Label }) }),
    /** A mandate status that counts among 实有代表. */
    z.strictObject({ type: z.literal('counted'), params: z.strictObject({ label: Label }) }),
    /** 许可: who must permit the arrest or trial of a deputy (代表法 2015 art. 32 / 2025 art. 39). */
    z.strictObject({ type: z.literal('permission-required'), params: z.strictObject({ by: Label, label: Label }) }),
  ]);
}

let outcome: ReturnType<typeof outcomeOf> | undefined;
/**
 * The consequence a rule attaches to an event: the `event` of a json-rules-engine rule. Made on
 * first use (a rule file validated, the rules grouped for evaluation), not by every command.
 */
export function outcomeSchema(): ReturnType<typeof outcomeOf> {
  outcome ??= outcomeOf();
  return outcome;
}
export type Outcome = z.infer<ReturnType<typeof outcomeOf>>;
export type OutcomeType = Outcome['type'];

export type VerificationMark = 'V' | 'S' | 'I' | '?';

/**
 * What a citation rests on: a statute's article, practice evidenced by named texts (a local rule, an
 * NPCSC notice), or custom (依惯例) where no text in force on the date has been verified.
 */
export type CitationKind = 'statute' | 'practice' | 'custom';

/** A citation resolved for one date: which law, which revision, which article. */
export interface Citation {
  readonly kind: CitationKind;
  /** 代表法（2015年修正）第四十九条第（一）项, the texts relied on, or 依惯例. */
  readonly text: string;
  /** For 依惯例: what the practice is. */
  readonly note?: string;
  /** The levels of congress the cited text governs; all when absent. */
  readonly levels?: readonly string[];
  readonly law?: string;
  readonly lawTitle?: string;
  readonly revision?: string;
  readonly article?: number;
  readonly paragraph?: number;
  readonly item?: number;
  /** How well the source of this citation is verified (legal brief, section 0). */
  readonly mark: VerificationMark;
  readonly from?: string;
  readonly to?: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly ruleFile: string;
  readonly title: string;
  readonly citation: Citation;
  readonly outcome: Outcome;
  /** The recorded event that triggered it. */
  readonly eventSeq: number;
  readonly personId: string | undefined;
  /** The date the consequence takes effect. */
  readonly effectiveDate: string | undefined;
  /** True when the event gave no date of its own and the reporting document's date was used. */
  readonly dateFromSource: boolean;
  /** The facts the rule was evaluated on. */
  readonly facts: Readonly<Record<string, string | number | boolean | null>>;
}
