/**
 * Writing a congress's read models (schema/postgres/0002_views.sql) from the summary the application
 * derived: the rows of the congress are replaced whole, inside the caller's transaction, tagged with
 * the head and the rules they were derived at.
 */
import type { PoolClient } from 'pg';
import type { Head, StreamViews } from '../record-store.js';

const col = <T, V>(rows: readonly T[], pick: (row: T) => V | undefined): (V | null)[] => rows.map((r) => pick(r) ?? null);

export async function writeViews(c: PoolClient, congress: string, head: Head, views: StreamViews): Promise<void> {
  const { summary } = views;
  for (const table of ['counted_spans', 'termination_views', 'person_views']) {
    await c.query(`DELETE FROM roster.${table} WHERE congress_id = $1`, [congress]);
  }
  const { spans, terminations, persons } = summary;
  if (spans.length > 0) {
    await c.query(
      `INSERT INTO roster.counted_spans (congress_id, mandate_id, person_id, electing_unit, weight, from_day, until_day)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::integer[], $6::text[], $7::text[])`,
      [
        congress,
        col(spans, (s) => s.mandateId),
        col(spans, (s) => s.personId),
        col(spans, (s) => s.electingUnit),
        col(spans, (s) => s.weight),
        col(spans, (s) => s.fromDay),
        col(spans, (s) => s.untilDay),
      ],
    );
  }
  if (terminations.length > 0) {
    await c.query(
      `INSERT INTO roster.termination_views (congress_id, mandate_id, person_id, electing_unit, day, ground, label, place_paragraph, place_item, seq)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::integer[])`,
      [
        congress,
        col(terminations, (t) => t.mandateId),
        col(terminations, (t) => t.personId),
        col(terminations, (t) => t.electingUnit),
        col(terminations, (t) => t.day),
        col(terminations, (t) => t.ground),
        col(terminations, (t) => t.label),
        col(terminations, (t) => t.place[0]),
        col(terminations, (t) => t.place[1]),
        col(terminations, (t) => t.seq),
      ],
    );
  }
  if (persons.length > 0) {
    await c.query(
      `INSERT INTO roster.person_views (congress_id, person_id, name, gender, ethnicity, birth_date, party)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
      [
        congress,
        col(persons, (p) => p.personId),
        col(persons, (p) => p.name),
        col(persons, (p) => p.gender),
        col(persons, (p) => p.ethnicity),
        col(persons, (p) => p.birthDate),
        col(persons, (p) => p.party),
      ],
    );
  }
  const k = summary.congress;
  await c.query(
    `INSERT INTO roster.congress_views
       (congress_id, seq, hash, rules_hash, name, short_name, level, region, term_number, term_start, term_end, quota, reserved_seats)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (congress_id) DO UPDATE SET
       seq = excluded.seq, hash = excluded.hash, rules_hash = excluded.rules_hash, name = excluded.name,
       short_name = excluded.short_name, level = excluded.level, region = excluded.region,
       term_number = excluded.term_number, term_start = excluded.term_start, term_end = excluded.term_end, quota = excluded.quota,
       reserved_seats = excluded.reserved_seats`,
    [
      congress,
      head.seq,
      head.hash,
      views.rulesHash,
      k?.name ?? null,
      k?.shortName ?? null,
      k?.level ?? null,
      k?.region ?? null,
      k?.termNumber ?? null,
      k?.termStart ?? null,
      k?.termEnd ?? null,
      k?.quota ?? null,
      k?.reservedSeats ?? null,
    ],
  );
}
