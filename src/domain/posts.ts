/**
 * Posts, appointment acts and the constitutional oath: the part of the glossary about 职务.
 * `events.ts` spreads `PostEventBodies` into the one closed union (each body made on first use).
 *
 * A post is an organ and a title (宁波市人大财政经济委员会 + 主任委员). Organs carry their full name as
 * the record's documents write it on first mention, and the shorter forms the documents use later;
 * choosing between them is the document generator's job, not the data's.
 */
import * as z from 'zod';
import { Day } from './dates.js';

const Text = z.string().trim().min(1, '不能为空');
const Id = Text;
const Session = z.number().int().positive();

/** What an organ is, as far as the rules on posts care. */
export const OrganKind = z.enum([
  /** 人民代表大会 itself (the parent of its special committees). */
  'people-congress',
  /** 人民代表大会常务委员会 */
  'standing-committee',
  /** 专门委员会 (财政经济委员会, 法制委员会 …) */
  'special-committee',
  /** 代表资格审查委员会 */
  'credentials-committee',
  /** 常委会工作机构: 办公厅, 工作委员会 … */
  'working-body',
  /** 人民政府 */
  'government',
  /** 政府工作部门: 发展和改革委员会, 口岸办公室 … */
  'government-department',
  /** 监察委员会 */
  'supervisory-commission',
  /** 人民法院 and its 审判委员会, 审判庭 */
  'court',
  /** 人民检察院 and its 检察委员会 */
  'procuratorate',
]);
export type OrganKind = z.infer<typeof OrganKind>;

/** A post: one title in one organ. */
export const PostRef = z.strictObject({ organId: Id, title: Text });
export type PostRef = z.infer<typeof PostRef>;

/** 任命, 免去, 决定任命, 决定免去, 接受辞职 (from a post), 批准 (a resignation), 撤职. */
export const PersonnelAct = z.enum([
  'appointed',
  'removed',
  'decided-appointed',
  'decided-removed',
  'resignation-accepted',
  'resignation-approved',
  'dismissed',
]);
export type PersonnelAct = z.infer<typeof PersonnelAct>;

/** Acts that put a person into a post; every other act ends one. */
export const APPOINTING_ACTS: ReadonlySet<PersonnelAct> = new Set(['appointed', 'decided-appointed']);

/** Who put the proposal (提请) to the standing committee. */
export const Proposer = z.enum([
  /** 主任会议 */
  'council-of-chairpersons',
  /** 市长 (人民政府) */
  'mayor',
  /** 监察委员会主任 */
  'supervisory-director',
  /** 中级人民法院院长 */
  'court-president',
  /** 人民检察院检察长 */
  'procurator-general',
]);
export type Proposer = z.infer<typeof Proposer>;

/**
 * The document an act is published in: a 决定 of its own (接受辞职), or one of the lists
 * (任免名单, 决定任免名单, 批准辞职和免职名单), one list per proposing body.
 */
export const PersonnelList = z.strictObject({
  kind: z.enum(['decision', 'appointments', 'decided-appointments', 'approvals-and-removals']),
  proposer: Proposer,
  /** The entry's place in its list (1, 2, …), in the order the document gives. */
  position: z.number().int().positive(),
});
export type PersonnelList = z.infer<typeof PersonnelList>;

export const PostEventBodies = {
  /** An organ the record names, with the forms of its name the documents use. */
  OrganRegistered: () =>
    z.strictObject({
      organId: Id,
      /** The full name as written on first mention: 宁波市人大常委会, 宁波市发展和改革委员会. */
      name: Text,
      kind: OrganKind,
      /** The organ it belongs to (a working committee of the 常委会, a court's 审判委员会). */
      parentId: Id.optional(),
      /** Its name inside the parent, where documents write it after the parent's: 办公厅, 法制工作委员会. */
      localName: Text.optional(),
      /** Shorter forms the source documents use for it (市人大常委会, 常委会; 市人大财经委). */
      shortForms: z.array(Text).default([]),
    }),
  /** A post the person holds when the record starts, or whose start the record does not give. */
  PostHeld: () =>
    z.strictObject({
      personId: Id,
      post: PostRef,
      /** When the post began, if the source says. */
      since: Day.optional(),
    }),
  /** One entry of a personnel decision of the standing committee: one person, one act, its posts. */
  PersonnelDecided: () =>
    z.strictObject({
      personId: Id,
      act: PersonnelAct,
      /** The posts, in the order the document lists them. */
      posts: z.array(PostRef).min(1),
      /**
       * How the document groups them: the sizes of the runs joined with 、, the runs joined with ，
       * (方勤: 副秘书长、办公厅主任，法制委员会委员、法制工作委员会委员 → [2, 2]). Absent: one run.
       */
      groupedAs: z.array(z.number().int().positive()).optional(),
      /** The vote date: the date the act takes effect. */
      date: Day,
      session: Session,
      /** The agenda item under which it was voted. */
      item: z.number().int().positive(),
      list: PersonnelList,
      /** Who presented the proposal, as the minutes say (屠爱康受主任会议委托 …). */
      presentedBy: Text.optional(),
      /** The reason the document gives (因到龄退休). */
      reason: Text.optional(),
      /** Where an accepted resignation is reported for the record (报…备案). */
      reportedTo: Text.optional(),
      /** The laws and rules a decision names as its basis, as it writes them (根据《…》《…》等有关规定). */
      basis: z.array(Text).min(1).optional(),
    }),
  /** A post ends other than by an appointment act (相应终止 or 相应撤销 announced, death, abolition). */
  PostEnded: () =>
    z.strictObject({
      personId: Id,
      post: PostRef,
      date: Day.optional(),
      how: Text,
    }),
  /**
   * 宪法宣誓. `personIds` are those the source names; where it names nobody (the seed's minutes:
   * "会议还组织本次会议任命的有关人员进行了宪法宣誓") it stays empty and `participants` quotes it.
   */
  OathTaken: () =>
    z.strictObject({
      date: Day,
      session: Session.optional(),
      personIds: z.array(Id).default([]),
      participants: Text.optional(),
      organisedBy: Text.optional(),
    }),
} as const;
