/**
 * The domain glossary: every fact the roster records, as one closed union.
 *
 * Each event is a plain JSON object in the past tense. `date` is the legal date of the fact
 * (left out where the source does not give it); `source` is the document it comes from.
 * `seq`, `recordedAt` and `recordedBy` are stamped by the store when the event is appended.
 */
import * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { Day, DayOrMonth } from './dates.js';
import { documentFormsSchema } from './document-forms.js';
import { PostEventBodies } from './posts.js';

// Validation messages reach the clerk: zod's own messages (a missing field, a wrong type) in Chinese,
// with the two a clerk meets most worded plainly. Validation starts interpreted (see `validatingMany`).
z.config({
  ...zhCN(),
  // Compiled only in a program that validates nothing but many records and asks before loading
  // (a worker verifying a large log, src/store/parallel-chain.ts): zod decides when it builds each schema.
  jitless: process.env.ROSTER_VALIDATE_COMPILED !== '1',
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

/**
 * zod can compile each object schema into a function on its first use: worth it over a log of
 * thousands of events (a tenth off reading 100,000), a loss for a command that validates a hundred
 * (compiling was a quarter of the seed's `headcount`). A reader of many records turns it on.
 */
export function validatingMany(): void {
  z.config({ jitless: false });
}

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
  /**
   * military: the PLA or one of its units (驻川部队, 舟山警备区), electing under the PLA election measures;
   * armed-police: the armed police (武警), under the same measures (军队选举办法 2021 art. 40).
   */
  kind: z.enum(['military', 'armed-police']).optional(),
});
export type ElectingUnit = z.infer<typeof ElectingUnit>;

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
  /**
   * 浙江省: the province the area is in, where the rules should read that province's overlay
   * (`rules/regions/`) and its `region.json` does not list the area. Not needed for a provincial
   * congress (its region is the province) or the national one.
   */
  province: Text.optional(),
  /** 宁波市人民代表大会常务委员会 (absent for a township congress). */
  standingCommittee: z.strictObject({ name: Text, shortName: Text }).optional(),
  term: z.strictObject({ start: DayOrMonth.optional(), end: DayOrMonth.optional() }).default({}),
  /** 代表名额: fixed for the term (选举法 Art. 14), where the source gives it. The NPC has none (see `cap`). */
  quota: z.number().int().positive().optional(),
  /** 代表名额不超过N人: a ceiling instead of a quota (the NPC: 选举法 2020 art. 16, 不超过三千人). */
  cap: z.number().int().positive().optional(),
  /**
   * 机动名额 / 预留名额: seats of the quota allocated to no electing unit. 缺额 counts only the allocated
   * seats (quota − reserved − 实有).
   */
  reservedSeats: z.number().int().nonnegative().optional(),
  /** The electing units, as far as the record knows them (an NPC record may list none). */
  electingUnits: z.array(ElectingUnit).default([]),
  /** How this congress writes its documents (notice, report): forms read by `roster doc`, see docs/document-forms.md. */
  documents: z.lazy(documentFormsSchema).optional(),
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

/** general: 换届选举; by-election: 补选 (by an electing unit's standing committee or voters); session-election: elected at a congress session; succession: 递补 (Hong Kong and Macau NPC deputies, by their own measures). */
export const ElectionKind = z.enum(['general', 'by-election', 'session-election', 'succession']);
export type ElectionKind = z.infer<typeof ElectionKind>;

/** The events whose ground an unnamed termination stands for. */
export const UnnamedTermination = z.enum([
  'DeputyTransferredOut',
  'DeputyResignationAccepted',
  'OrderedResignationAccepted',
  'DeputyRecalled',
  'DeputyDied',
  'NationalityLost',
  'PoliticalRightsDeprived',
  'CapacityLost',
  'MandateRevoked',
  'MandateEndedOtherwise',
]);

const Count = z.number().int().nonnegative();
/**
 * The figures a report or notice states, each compared by `check` with the figure the record gives
 * where one can be computed: the quota, the count and vacancies before, the terminations, the
 * confirmations, the count and vacancies after, the count between the terminations and the
 * confirmations (共缺额N名, 现实有N名 before the by-elections), and attendance at the congress session.
 */
export const StatedFigures = z.strictObject({
  quota: Count.optional(),
  countBefore: Count.optional(),
  vacanciesBefore: Count.optional(),
  terminated: Count.optional(),
  confirmed: Count.optional(),
  countAfter: Count.optional(),
  vacanciesAfter: Count.optional(),
  /** After the terminations, before the confirmations. */
  countBetween: Count.optional(),
  vacanciesBetween: Count.optional(),
  /** 应出席本次代表大会会议的代表N名: the count less those suspended. */
  expectedAttendance: Count.optional(),
  /** 出席N名: no computed figure; recorded as stated. */
  attendance: Count.optional(),
});
export type StatedFigures = z.infer<typeof StatedFigures>;
const optionalDate = { date: Day.optional() };
/** How the source words what happened, e.g. 因工作岗位变动调离了宁波市; documents quote it as given. */
const circumstances = { circumstances: Text.optional() };

/**
 * The body of each event type, without the envelope: made the first time an event of the type is
 * validated (see `unionByType`), not by every command that loads the glossary.
 */
export const EventBodies = {
  /** 本届人民代表大会: its name, quota and electing units. */
  CongressConstituted: () => z.strictObject({ date: DayOrMonth.optional(), congress: Congress }),
  /** 常务委员会第N次会议 and its agenda (议程) order. */
  SessionHeld: () =>
    z.strictObject({
      session: Session,
      date: DayOrMonth,
      endDate: Day.optional(),
      agenda: z.array(z.strictObject({ item: z.number().int().positive(), title: Text })).default([]),
    }),
  /** A person the record names. */
  PersonRegistered: () =>
    z.strictObject({
      personId: PersonId,
      name: Text,
      gender: z.enum(['男', '女']).optional(),
      ethnicity: Text.optional(),
      birthDate: DayOrMonth.optional(),
      party: Text.optional(),
      /** 工作单位及职务 as the source states it on its date. */
      affiliation: Text.optional(),
      /** How documents tell this person from another of the same name, in brackets after it: 王军（黑龙江）. */
      disambiguation: Text.optional(),
    }),
  /** The count confirmed at a session when individual deputies are not all known (实有代表N名). */
  OpeningBalanceStated: () =>
    z.strictObject({
      session: Session.optional(),
      /** Where the source dates the count (else it counts from before every dated event). */
      date: DayOrMonth.optional(),
      /**
       * 实有代表N名 as stated. Where no source states it (an NPC notice gives only the count after its
       * changes), leave it out: the first count a later publication states fixes it, and `check` says so.
       */
      count: z.number().int().nonnegative().optional(),
      /** Deputies known by name who are included in `count`; `electingUnit` where the source gives it. */
      members: z.array(z.strictObject({ personId: PersonId, electingUnit: Text.optional() })).default([]),
      /**
       * The count is the one before the changes recorded for the same session (a balance confirmed at
       * the session that also records further changes): the session's ledger counts from it.
       */
      beforeChanges: z.boolean().optional(),
      /** Who stated it where not the standing committee in office: a 筹备组, the outgoing committee. */
      statedBy: Text.optional(),
    }),
  /**
   * 名册载入: the deputies counted in an opening balance, named from the roster (代表名册) after the
   * balance was stated. Each is counted from the balance's date, as its own members are;
   * `confirmedOn` (代表资格确认日期) is kept as the roster gives it. The balance's count does not
   * change; its unnamed part shrinks.
   */
  RosterLoaded: () =>
    z.strictObject({
      /** The session of the opening balance whose deputies are named. */
      session: Session,
      date: DayOrMonth,
      members: z.array(z.strictObject({ personId: PersonId, electingUnit: Text.optional(), confirmedOn: DayOrMonth.optional() })).min(1),
    }),
  /** 当选: at a general election, a by-election (补选) or by succession (递补); awaits the credentials review. */
  DeputyElected: () =>
    z.strictObject({
      ...person,
      ...optionalDate,
      /** Where the source says; an NPC notice often names only the province's standing committee. */
      electingUnit: Text.optional(),
      kind: ElectionKind,
      /** The body that held the election, e.g. 鄞州区人大常委会, 定海区第十八届人大常委会, 舟山警备区. */
      electedBy: Text.optional(),
      /** The body's meeting, as the source words it: 第十七次会议, 召开军人代表大会. */
      meeting: Text.optional(),
      /** Why, as the source words it: 根据工作需要. */
      reason: Text.optional(),
      /** The measures a 递补 follows, as the source names them (《…香港特别行政区选举…代表的办法》). */
      basis: Text.optional(),
      /** Who reported the election to the credentials committee, where the source says (省军区政治部). */
      reportedBy: Text.optional(),
    }),
  /** 代表资格审查: the standing committee confirms the status (有效) or determines the election void (当选无效). */
  QualificationReviewed: () =>
    z.strictObject({
      ...person,
      /** Where the source dates the confirmation; else the date of the document that reports it. */
      date: Day.optional(),
      session: Session.optional(),
      result: z.enum(['valid', 'void']),
      voidGround: VoidGround.optional(),
    }),
  /** 迁出或者调离本行政区域 */
  DeputyTransferredOut: () =>
    z.strictObject({
      ...person,
      ...optionalDate,
      movement: z.enum(['transferred', 'moved']),
      circumstances: Text.optional(),
    }),
  /** 辞去代表职务的请求被接受 */
  DeputyResignationAccepted: () =>
    z.strictObject({
      ...person,
      ...optionalDate,
      acceptedBy: Text.optional(),
      /** Why, as the source words it: 因工作岗位变动或到龄退休. */
      reason: Text.optional(),
      /**
       * To whom the request went (向其选举单位 / 向本级人大常委会 / 向本级人民代表大会 / a PLA electing
       * committee, 军队选举办法 2021 art. 37), where the source says.
       */
      submittedTo: z.enum(['electing-unit', 'standing-committee', 'congress', 'electing-committee']).optional(),
      ...circumstances,
    }),
  /** 责令辞职被接受 (代表法 2025) */
  OrderedResignationAccepted: () => z.strictObject({ ...person, ...optionalDate, ...circumstances, acceptedBy: Text.optional() }),
  /** 被罢免 */
  DeputyRecalled: () => z.strictObject({ ...person, ...optionalDate, ...circumstances, recalledBy: Text.optional() }),
  /** 去世 */
  DeputyDied: () => z.strictObject({ ...person, ...optionalDate, ...circumstances }),
  /** 丧失中华人民共和国国籍 */
  NationalityLost: () => z.strictObject({ ...person, ...optionalDate, ...circumstances }),
  /** 依照法律被剥夺政治权利 */
  PoliticalRightsDeprived: () => z.strictObject({ ...person, ...optionalDate, ...circumstances, judgment: Text.optional() }),
  /** 丧失行为能力 */
  CapacityLost: () => z.strictObject({ ...person, ...optionalDate, ...circumstances }),
  /**
   * 撤销代表资格: the electing unit revoked the deputy's status, as practice had it before 代表法 1992
   * (the 1959 NPC credentials report: "已经由原选举单位撤销代表资格").
   */
  MandateRevoked: () => z.strictObject({ ...person, ...optionalDate, revokedBy: Text.optional(), ...circumstances }),
  /**
   * 代表资格终止 on a ground no rule knows, or that the source does not give ("违法违纪被罢免或辞职",
   * an early 撤销代表资格): recorded with the source's wording, counted, and flagged by `check`.
   */
  MandateEndedOtherwise: () => z.strictObject({ ...person, ...optionalDate, wording: Text, ...circumstances }),
  /**
   * 出缺N名 where the source names nobody: `count` deputies (of `electingUnit`, where it says) whose status
   * ended on the ground a named deputy's `as` event would record. The rules decide as for a named one.
   */
  UnnamedDeputiesLeft: () =>
    z.strictObject({
      count: z.number().int().positive(),
      electingUnit: Text.optional(),
      ...optionalDate,
      as: UnnamedTermination,
      wording: Text.optional(),
      ...circumstances,
    }),
  /** 选举产生 / 补选N名 where the source names nobody; they await review like named deputies. */
  UnnamedDeputiesElected: () =>
    z.strictObject({
      count: z.number().int().positive(),
      electingUnit: Text.optional(),
      ...optionalDate,
      kind: ElectionKind,
      electedBy: Text.optional(),
      /** What the source adds, as it words it: 有2个选区推迟选举. */
      ...circumstances,
    }),
  /** The review of `count` unnamed elected deputies (of `electingUnit`, where it says): 确认…名代表的代表资格有效. */
  UnnamedDeputiesReviewed: () =>
    z.strictObject({
      count: z.number().int().positive(),
      electingUnit: Text.optional(),
      date: Day.optional(),
      session: Session.optional(),
      result: z.enum(['valid', 'void']),
    }),
  /** 未经批准不出席本级人民代表大会会议 (one event per session missed). */
  AbsentWithoutLeave: () => z.strictObject({ ...person, ...optionalDate, congressSession: Session }),
  /** 暂时停止执行代表职务: the ground reported; the rules decide whether it suspends. */
  DeputySuspended: () => z.strictObject({ ...person, ...optionalDate, ground: SuspensionGround }),
  /** The ground for suspension ended (情形消失). */
  SuspensionEnded: () => z.strictObject({ ...person, ...optionalDate }),
  /**
   * 许可: the presidium or, in recess, the standing committee permits the arrest or trial of a deputy
   * (or another restriction of liberty), or is told at once of a deputy detained in the act
   * (代表法 2015 art. 32 / 2025 art. 39). `check` warns of a suspension for criminal custody without one.
   */
  ProsecutionPermitted: () =>
    z.strictObject({
      ...person,
      date: Day,
      /** permission: 许可; detained-in-the-act-reported: 因为是现行犯被拘留，执行拘留的机关立即报告. */
      kind: z.enum(['permission', 'detained-in-the-act-reported']).default('permission'),
      measures: z
        .array(z.enum(['arrest', 'trial', 'other-restriction']))
        .min(1)
        .optional(),
      /** 主席团 / 常务委员会 (e.g. 某市人大常委会第十次会议), as the source words it. */
      grantedBy: Text.optional(),
      session: Session.optional(),
    }),
  /** 常委会公告: the terminations it announces, and the figures it states. */
  TerminationsAnnounced: () =>
    z.strictObject({
      date: Day,
      session: Session.optional(),
      /** As printed: 〔十三届〕第七号, （第59号）, 第1号. */
      noticeNumber: Text.optional(),
      /** The agency line a republication puts before it (新华社北京4月23日电), where the source text has one. */
      dateline: Text.optional(),
      /** The deputies whose status it ends, in the order its 代表资格终止 sentence names them. */
      personIds: z.array(PersonId).default([]),
      stated: StatedFigures.default({}),
    }),
  /** 代表资格审查委员会的报告 adopted, with the figures it states. */
  CredentialsReportAdopted: () =>
    z.strictObject({
      date: Day,
      /** The standing-committee session that adopted it (of `adoptedBy` where that is not this congress's committee). */
      session: Session.optional(),
      /** The committee that adopted it where not this congress's: the outgoing one, for a new term's first report. */
      adoptedBy: Text.optional(),
      /** Who presented the 说明 of the report to the session, and in which capacity, as the minutes state. */
      explainedBy: z.strictObject({ name: Text, capacity: Text }).optional(),
      /** Who presented it and in which capacity, where the report names them (a report read to the session). */
      presentedBy: z.strictObject({ name: Text, capacity: Text }).optional(),
      /** The date under the committee's signature, where it differs from the adoption date. */
      signedOn: Day.optional(),
      stated: StatedFigures,
    }),
  // Posts, appointment acts and the oath (src/domain/posts.ts).
  ...PostEventBodies,
  /**
   * 更正: an earlier event was recorded wrongly. It is never edited; this event names it (`supersedes`,
   * its seq) and why, and may carry the event that should stand in its place. Every view replays the
   * replacement where the superseded event stood (see src/domain/corrections.ts).
   */
  EventCorrected: () =>
    z.strictObject({
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
  /** Who entered the event in the console, where someone else (`recordedBy`) approved it into the record. */
  draftedBy: Text.optional(),
  source: SourceDocument,
  note: Text.optional(),
});
export type Envelope = z.infer<typeof Envelope>;

type Bodies = typeof EventBodies;
/** What a clerk submits: the event without the store's stamps. */
export type EventInput = {
  [K in EventType]: { type: K; source: SourceDocument; note?: string } & z.infer<ReturnType<Bodies[K]>>;
}[EventType];
/** A recorded event. */
export type RosterEvent = EventInput & Envelope;
export type EventOf<K extends EventType> = Extract<RosterEvent, { type: K }>;

/** The discriminating field of an event type's schemas. */
function withType<K extends EventType>(type: K) {
  return { type: z.literal(type) };
}

/** The stamps as read back: any string (see `StoredEventSchema`); one schema shared by every type. */
const StampText = z.string();

/** One schema per event type, made the first time it is asked for and kept. */
function perType(make: (type: EventType) => z.ZodObject): (type: EventType) => z.ZodObject {
  const made = new Map<EventType, z.ZodObject>();
  return (type) => {
    let schema = made.get(type);
    if (schema === undefined) {
      schema = make(type);
      made.set(type, schema);
    }
    return schema;
  };
}

const bodyOf = perType((type) => EventBodies[type]());
// Each made in one step from the body: the body's fields, then `type`, then the envelope's, in that order.
const inputOption = perType((type) => bodyOf(type).extend({ ...withType(type), source: SourceDocument, note: Text.optional() }));
const recordedOption = perType((type) => bodyOf(type).extend({ ...withType(type), ...Envelope.shape }));
// The recorded shape with the stamps read back loosely (the same keys in the same order).
const storedOption = perType((type) =>
  bodyOf(type).extend({ ...withType(type), ...Envelope.shape, recordedAt: StampText, recordedBy: StampText }),
);

/** One schema per event type, as recorded (with the envelope): the branches of `RosterEventSchema`. */
export function recordedEventOptions(): z.ZodObject[] {
  return EVENT_TYPES.map(recordedOption);
}

/**
 * A union discriminated by `type` whose branch for each type is made when an event of that type is
 * first validated: a command reading a log of a dozen types no longer builds the schemas of all of
 * them three times over (a tenth of a small command's start-up). Each branch is a zod lazy schema
 * that tells the union its type up front (zod's `propValues`, what the union routes by), so routing
 * does not make it; an event is validated by its branch exactly as by the object schema itself,
 * and an unknown type gets the union's own message with every type listed in the same order.
 */
function unionByType(option: (type: EventType) => z.ZodObject): z.ZodType {
  const branches = EVENT_TYPES.map((type) => {
    const branch = z.lazy(() => option(type));
    Object.defineProperty(branch._zod, 'propValues', { value: { type: new Set([type]) } });
    // An object schema is neither optional nor defaulted: said here so that asking does not make it.
    Object.defineProperty(branch._zod, 'optin', { value: undefined });
    Object.defineProperty(branch._zod, 'optout', { value: undefined });
    return branch;
  });
  return z.discriminatedUnion('type', branches as unknown as [z.ZodObject, ...z.ZodObject[]]);
}

/**
 * `unionByType` itself made when the union first validates something: most commands use one of the
 * unions. Not for the input union, which the HTTP API's OpenAPI document shows (a lazy wrapper would
 * change its JSON Schema).
 */
function lazyUnionByType(option: (type: EventType) => z.ZodObject): z.ZodType {
  return z.lazy(() => unionByType(option));
}

export const EventInputSchema = unionByType(inputOption) as unknown as z.ZodType<EventInput>;
export const RosterEventSchema = lazyUnionByType(recordedOption) as unknown as z.ZodType<RosterEvent>;

/**
 * A recorded event as it is read back. The stamps (`recordedAt`, `recordedBy`) are the store's own
 * testimony of who recorded what and when, protected by the hash chain: checked when they are
 * made (an empty recorder is refused), read back as they were written. One odd stamp in a record
 * (another tool, an older version) must never make the whole record unreadable.
 */
export const StoredEventSchema = lazyUnionByType(storedOption) as unknown as z.ZodType<RosterEvent>;

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
