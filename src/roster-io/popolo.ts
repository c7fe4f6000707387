/**
 * The roster in Popolo JSON (https://www.popoloproject.com/specs/): persons, organizations (the
 * congress; parties; the organs), areas and posts (one per electing unit; one per post held), and
 * memberships with start and end dates, within the term as a legislative period. `start_reason` and
 * `end_reason` take the controlled values below (for posts, `POST_END_REASONS`); `legal_basis` carries
 * the rule and citation (extensions: Popolo lets a document add properties). Persons, posts and
 * memberships cite the documents their recorded events come from in `sources`; the record keeps
 * documents by title, session and date, not by address, so a source has a `note` and no `url`.
 */
import { chineseNumber } from '../domain/dates.js';
import { TerminationGround } from '../domain/findings.js';
import { isCounted } from '../domain/roster.js';
import { POST_END_REASONS, popoloPosts } from './popolo-posts.js';
import { type Sources, sourcesOf } from './popolo-sources.js';
import type { MandateEnd, PersonDetails, RosterLine, RosterView } from './roster-view.js';

/** Controlled vocabulary of `membership.end_reason`: the grounds of termination, and a void election. */
export const END_REASONS: readonly MandateEnd['ground'][] = [...TerminationGround.options, 'election-void'];

/**
 * Controlled vocabulary of `membership.start_reason`: how the mandate began. An election at a congress
 * session and a 递补 fill a seat during the term like a by-election; their labels say which.
 */
export const START_REASONS = {
  general: { reason: 'general-election', label: '换届选举当选' },
  'by-election': { reason: 'by-election', label: '补选当选' },
  'session-election': { reason: 'by-election', label: '会议选举当选' },
  succession: { reason: 'by-election', label: '递补当选' },
  'opening-balance': { reason: 'opening-roster', label: '记录开始时在任（期初名册）' },
} as const satisfies Record<RosterLine['origin'], { reason: string; label: string }>;

const GENDER = { 男: 'male', 女: 'female' } as const;

/** The record's own ids, so that a civic-data tool can match a person or organ across exports. */
const identifiers = (id: string) => [{ scheme: 'deputy-roster', identifier: id }];

function person(p: PersonDetails, sources: Sources) {
  return {
    id: p.personId,
    name: p.name,
    identifiers: identifiers(p.personId),
    ...(p.gender ? { gender: GENDER[p.gender as keyof typeof GENDER] ?? p.gender } : {}),
    ...(p.birthDate ? { birth_date: p.birthDate } : {}),
    ...(p.ethnicity ? { ethnicity: p.ethnicity } : {}),
    ...(p.affiliation ? { summary: p.affiliation } : {}),
    ...sources(p.registeredSeq === undefined ? [] : [p.registeredSeq]),
  };
}

export function popolo(view: RosterView) {
  const { congress } = view;
  const sources = sourcesOf(view);
  const orgId = `congress/${congress.termNumber}`;
  const termId = `term/${congress.termNumber}`;
  const unitId = (unit: string) => `area/${unit}`;
  const postId = (unit: string) => `post/${unit}`;
  const units = [...new Set([...congress.electingUnits.map((u) => u.name), ...view.lines.map((l) => l.electingUnit)])];
  const parties = [...new Set(view.lines.flatMap((l) => (l.party ? [l.party] : [])))];
  // A person with two mandates is one person; people who hold posts without a mandate here are persons too.
  const persons = new Map([...view.lines, ...view.officeHolders].map((p) => [p.personId, person(p, sources)] as const));
  const held = popoloPosts(view, sources);
  return {
    meta: {
      as_of: view.asOf,
      counted: view.counted,
      unnamed_counted: view.unnamed,
      note: view.unnamed > 0 ? `另有${view.unnamed}名实有代表记录未载姓名，未列入 persons 与 memberships` : undefined,
      start_reasons: [...new Set(Object.values(START_REASONS).map((r) => r.reason))],
      end_reasons: END_REASONS,
      post_end_reasons: POST_END_REASONS,
    },
    persons: [...persons.values()],
    organizations: [
      {
        id: orgId,
        name: congress.name,
        other_names: [{ name: congress.shortName }],
        classification: 'legislature',
        identifiers: identifiers(orgId),
        ...(congress.term.start ? { founding_date: congress.term.start } : {}),
        ...(congress.term.end ? { dissolution_date: congress.term.end } : {}),
      },
      ...parties.map((p) => ({ id: `party/${p}`, name: p, classification: 'party' })),
      ...held.organizations,
    ],
    // The term as Popolo's legislative period: its dates only where the record gives them.
    events: [
      {
        id: termId,
        name: `第${chineseNumber(congress.termNumber)}届`,
        classification: 'legislative period',
        organization_id: orgId,
        ...(congress.term.start ? { start_date: congress.term.start } : {}),
        ...(congress.term.end ? { end_date: congress.term.end } : {}),
      },
    ],
    areas: units.map((u) => ({ id: unitId(u), name: u, classification: 'electing unit' })),
    posts: [
      ...units.map((u) => ({
        id: postId(u),
        label: `${congress.shortName}代表（${u}）`,
        role: '代表',
        organization_id: orgId,
        area_id: unitId(u),
        ...(congress.electingUnits.find((x) => x.name === u)?.quota
          ? { seats: congress.electingUnits.find((x) => x.name === u)!.quota }
          : {}),
        ...sources(view.congressSeq === undefined ? [] : [view.congressSeq]),
      })),
      ...held.posts,
    ],
    memberships: [
      ...view.lines.map((l) => ({
        id: `membership/${l.mandateId}`,
        person_id: l.personId,
        organization_id: orgId,
        post_id: postId(l.electingUnit),
        area_id: unitId(l.electingUnit),
        role: '代表',
        legislative_period_id: termId,
        start_reason: START_REASONS[l.origin].reason,
        start_reason_label: START_REASONS[l.origin].label,
        ...(l.confirmedOn ? { start_date: l.confirmedOn } : {}),
        ...(l.end?.date ? { end_date: l.end.date } : {}),
        ...(l.end
          ? { end_reason: l.end.ground, end_reason_label: l.end.label, legal_basis: { rule_id: l.end.ruleId, citation: l.end.citation } }
          : {}),
        ...(!isCounted(view, l.status) && !l.end ? { status: l.status } : {}),
        ...sources(l.eventSeqs),
      })),
      ...[...new Map(view.lines.flatMap((l) => (l.party ? [[l.personId, l.party] as const] : [])))].map(([personId, party]) => ({
        id: `membership/${personId}/party`,
        person_id: personId,
        organization_id: `party/${party}`,
      })),
      ...held.memberships,
    ],
  };
}
