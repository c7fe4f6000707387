/**
 * The domain glossary: every fact the roster records, as one closed union.
 *
 * Each event is a plain JSON object in the past tense. `date` is the legal date of the fact
 * (left out where the source does not give it); `source` is the document it comes from.
 * `seq`, `recordedAt` and `recordedBy` are stamped by the store when the event is appended.
 */
import { z } from 'zod';
import { Day, DayOrMonth } from './dates.js';
import { PostEventBodies } from './posts.js';

// Validation messages reach the clerk: zod's own messages (a missing field, a wrong type) in Chinese,
// with the two a clerk meets most worded plainly.
z.config({
  ...z.locales.zhCN(),
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return '缺少必填字段';
    if (issue.code === 'invalid_union' && issue.note === 'No matching discriminator') {
      const { discriminator, options } = issue as unknown as { discriminator: string; options: unknown[] };
      const given = (issue.input as Record<string, unknown> | undefined)?.[discriminator];
      return `未知的类型 ${JSON.stringify(given)}；可用：${options.join('、')}`;
    }
    return undefined;
  },
});

const Text = z.string().trim().min(1, '不能为空');
const PersonId = Text;
const Session = z.number().int().positive();

/** The document a fact comes from: 报告, 决定, 名单, 会议纪要 … */
export const SourceDocument = z.strictObject({
  title: Text,
  session: Session.optional(),
  item: z.number().int().positive().optional(),
  date: DayOrMonth.optional(),
});
export type SourceDocument = z.infer<typeof SourceDocument>;

export const CongressLevel = z.enum(['national', 'provincial', 'municipal', 'county', 'township']);
export type CongressLevel = z.infer<typeof CongressLevel>;

export const ElectingUnit = z.strictObject({
  name: Text,
  /** 分配给该选举单位的名额, where the source gives it. */
  quota: z.number().int().positive().optional(),
});

export const Congress = z.strictObject({
  /** 宁波市第十六届人民代表大会 */
  name: Text,
  /** 市十六届人大: the short form used in documents. */
  shortName: Text,
  /** 16 */
  termNumber: z.number().int().positive(),
  level: CongressLevel,
  /** 宁波市: the administrative area whose congress this is. */
  region: Text,
  /** 宁波市人民代表大会常务委员会 (absent for a township congress). */
  standingCommittee: z.strictObject({ name: Text, shortName: Text }).optional(),
  term: z.strictObject({ start: DayOrMonth.optional(), end: DayOrMonth.optional() }).default({}),
  /** 代表名额: fixed for the term (选举法 Art. 14). */
  quota: z.number().int().positive(),
  electingUnits: z.array(ElectingUnit).min(1),
});
export type Congress = z.infer<typeof Congress>;

/** Grounds on which a suspension is reported; which of them suspend is decided by the rules. */
export const SuspensionGround = z.enum([
  'criminal-custody',
  'serving-sentence',
  'non-custodial-measure',
  'administrative-detention',
  'judicial-detention',
]);
export type SuspensionGround = z.infer<typeof SuspensionGround>;

/** Grounds on which the review may find an election void (选举法 Arts. 47, 35, 58). */
export const VoidGround = z.enum(['basic-conditions', 'procedure', 'election-sabotage', 'foreign-funding']);
export type VoidGround = z.infer<typeof VoidGround>;

const person = { personId: PersonId };
const optionalDate = { date: Day.optional() };
/** How the source words what happened, e.g. 因工作岗位变动调离了宁波市; documents quote it as given. */
const circumstances = { circumstances: Text.optional() };

/** The body of each event type, without the envelope. */
export const EventBodies = {
  /** 本届人民代表大会: its name, quota and electing units. */
  CongressConstituted: z.strictObject({ date: DayOrMonth.optional(), congress: Congress }),
  /** 常务委员会第N次会议 and its agenda (议程) order. */
  SessionHeld: z.strictObject({
    session: Session,
    date: DayOrMonth,
    endDate: Day.optional(),
    agenda: z.array(z.strictObject({ item: z.number().int().positive(), title: Text })).default([]),
  }),
  /** A person the record names. */
  PersonRegistered: z.strictObject({
    personId: PersonId,
    name: Text,
    gender: z.enum(['男', '女']).optional(),
    ethnicity: Text.optional(),
    birthDate: DayOrMonth.optional(),
    party: Text.optional(),
    /** 工作单位及职务 as the source states it on its date. */
    affiliation: Text.optional(),
  }),
  /** The count confirmed at a session when individual deputies are not all known (实有代表N名). */
  OpeningBalanceStated: z.strictObject({
    session: Session.optional(),
    date: DayOrMonth,
    count: z.number().int().nonnegative(),
    /** Deputies known by name who are included in `count`. */
    members: z.array(z.strictObject({ personId: PersonId, electingUnit: Text })).default([]),
  }),
  /**
   * 名册载入: the deputies counted in an opening balance, named from the roster (代表名册) after the
   * balance was stated. Each is counted from the balance's date, as its own members are;
   * `confirmedOn` (代表资格确认日期) is kept as the roster gives it. The balance's count does not
   * change; its unnamed part shrinks.
   */
  RosterLoaded: z.strictObject({
    /** The session of the opening balance whose deputies are named. */
    session: Session,
    date: DayOrMonth,
    members: z.array(z.strictObject({ personId: PersonId, electingUnit: Text, confirmedOn: DayOrMonth.optional() })).min(1),
  }),
  /** 当选: at a general election or a by-election (补选); awaits the credentials review. */
  DeputyElected: z.strictObject({
    ...person,
    ...optionalDate,
    electingUnit: Text,
    kind: z.enum(['general', 'by-election']),
    /** The body that held the election, e.g. 鄞州区人大常委会. */
    electedBy: Text.optional(),
  }),
  /** 代表资格审查: the standing committee confirms the status (有效) or determines the election void (当选无效). */
  QualificationReviewed: z.strictObject({
    ...person,
    date: Day,
    session: Session.optional(),
    result: z.enum(['valid', 'void']),
    voidGround: VoidGround.optional(),
  }),
  /** 迁出或者调离本行政区域 */
  DeputyTransferredOut: z.strictObject({
    ...person,
    ...optionalDate,
    movement: z.enum(['transferred', 'moved']),
    circumstances: Text.optional(),
  }),
  /** 辞去代表职务的请求被接受 */
  DeputyResignationAccepted: z.strictObject({
    ...person,
    ...optionalDate,
    acceptedBy: Text.optional(),
    /** Why, as the source words it: 因工作岗位变动或到龄退休. */
    reason: Text.optional(),
    /** To whom the request went (向其选举单位 / 向本级人大常委会 / 向本级人民代表大会), where the source says. */
    submittedTo: z.enum(['electing-unit', 'standing-committee', 'congress']).optional(),
  }),
  /** 责令辞职被接受 (代表法 2025) */
  OrderedResignationAccepted: z.strictObject({ ...person, ...optionalDate, ...circumstances, acceptedBy: Text.optional() }),
  /** 被罢免 */
  DeputyRecalled: z.strictObject({ ...person, ...optionalDate, ...circumstances, recalledBy: Text.optional() }),
  /** 去世 */
  DeputyDied: z.strictObject({ ...person, ...optionalDate, ...circumstances }),
  /** 丧失中华人民共和国国籍 */
  NationalityLost: z.strictObject({ ...person, ...optionalDate, ...circumstances }),
  /** 依照法律被剥夺政治权利 */
  PoliticalRightsDeprived: z.strictObject({ ...person, ...optionalDate, ...circumstances, judgment: Text.optional() }),
  /** 丧失行为能力 */
  CapacityLost: z.strictObject({ ...person, ...optionalDate, ...circumstances }),
  /** 未经批准不出席本级人民代表大会会议 (one event per session missed). */
  AbsentWithoutLeave: z.strictObject({ ...person, ...optionalDate, congressSession: Session }),
  /** 暂时停止执行代表职务: the ground reported; the rules decide whether it suspends. */
  DeputySuspended: z.strictObject({ ...person, ...optionalDate, ground: SuspensionGround }),
  /** The ground for suspension ended (情形消失). */
  SuspensionEnded: z.strictObject({ ...person, ...optionalDate }),
  /** 常委会公告: the terminations it announces. */
  TerminationsAnnounced: z.strictObject({
    date: Day,
    session: Session.optional(),
    noticeNumber: Text.optional(),
    personIds: z.array(PersonId).min(1),
  }),
  /** 代表资格审查委员会的报告 adopted, with the figures it states. */
  CredentialsReportAdopted: z.strictObject({
    date: Day,
    session: Session,
    /** Who presented the 说明 of the report to the session, and in which capacity, as the minutes state. */
    explainedBy: z.strictObject({ name: Text, capacity: Text }).optional(),
    stated: z.strictObject({
      quota: z.number().int().nonnegative().optional(),
      countBefore: z.number().int().nonnegative().optional(),
      vacanciesBefore: z.number().int().nonnegative().optional(),
      terminated: z.number().int().nonnegative().optional(),
      confirmed: z.number().int().nonnegative().optional(),
      countAfter: z.number().int().nonnegative().optional(),
    }),
  }),
  // Posts, appointment acts and the oath (src/domain/posts.ts).
  ...PostEventBodies,
  /**
   * 更正: an earlier event was recorded wrongly. It is never edited; this event names it (`supersedes`,
   * its seq) and why, and may carry the event that should stand in its place. Every view replays the
   * replacement where the superseded event stood (see src/domain/corrections.ts).
   */
  EventCorrected: z.strictObject({
    supersedes: z.number().int().positive(),
    reason: Text,
    replacement: z.lazy(() => ReplacementSchema).optional(),
  }),
} as const;

export type EventType = keyof typeof EventBodies;
export const EVENT_TYPES = Object.keys(EventBodies) as EventType[];

export const Envelope = z.strictObject({
  seq: z.number().int().positive(),
  recordedAt: z.iso.datetime({ offset: true }),
  recordedBy: Text,
  source: SourceDocument,
  note: Text.optional(),
});
export type Envelope = z.infer<typeof Envelope>;

type Bodies = typeof EventBodies;
/** What a clerk submits: the event without the store's stamps. */
export type EventInput = { [K in EventType]: { type: K; source: SourceDocument; note?: string } & z.infer<Bodies[K]> }[EventType];
/** A recorded event. */
export type RosterEvent = EventInput & Envelope;
export type EventOf<K extends EventType> = Extract<RosterEvent, { type: K }>;

function withType<K extends EventType>(type: K) {
  return z.object({ type: z.literal(type) });
}

const inputOptions = EVENT_TYPES.map((type) =>
  EventBodies[type].extend(withType(type).shape).extend({ source: SourceDocument, note: Text.optional() }),
);
/** One schema per event type, as recorded (with the envelope): the branches of `RosterEventSchema`. */
export const RECORDED_EVENT_OPTIONS = EVENT_TYPES.map((type) => EventBodies[type].extend(withType(type).shape).extend(Envelope.shape));

export const EventInputSchema = z.discriminatedUnion(
  'type',
  inputOptions as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<EventInput>;
export const RosterEventSchema = z.discriminatedUnion(
  'type',
  RECORDED_EVENT_OPTIONS as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<RosterEvent>;

/**
 * What a correction may put in place of an event: any event input but another correction. It is
 * validated as an `EventInput` when parsed; its static type is kept loose only so that the union
 * does not refer to itself. `replacementOf` gives it back typed.
 */
interface ReplacementShape {
  readonly type: string;
  readonly source: SourceDocument;
  readonly [field: string]: unknown;
}
const ReplacementSchema: z.ZodType<ReplacementShape> = z.lazy(() =>
  EventInputSchema.refine((e) => e.type !== 'EventCorrected', { message: '更正的替代事件不能是另一个更正', path: ['type'] }),
) as unknown as z.ZodType<ReplacementShape>;
export type ReplacementInput = Exclude<EventInput, { type: 'EventCorrected' }>;

/** The event a correction puts in place of the one it supersedes (parsed by `ReplacementSchema`). */
export function replacementOf(e: EventOf<'EventCorrected'>): ReplacementInput | undefined {
  return e.replacement as ReplacementInput | undefined;
}

/** The legal date an event takes effect: its own date, else the date of the document that reports it. */
export function effectiveDate(event: RosterEvent | EventInput): string | undefined {
  return ('date' in event && event.date) || event.source.date;
}

/** The person an event is about, if it is about one. */
export function subjectOf(event: RosterEvent): string | undefined {
  return 'personId' in event ? event.personId : undefined;
}
