-- 0002 Read models for questions across congresses (`roster stats`, `roster congresses`).
--
-- Derived from each congress's events through the rules by the program, and written in the same
-- transaction as the append that changes them (or by `roster db refresh`). Each congress's rows carry
-- the head (seq, hash) and the rules (rules_hash) they were computed from: rows that no longer match
-- are stale and are recomputed before they are used. They can always be rebuilt from the events, so
-- the clerks' role may rewrite them; the events themselves it may only append to.

-- The congress as its CongressConstituted says, and the head and rules the rows were computed at.
CREATE TABLE roster.congress_views (
  congress_id text PRIMARY KEY REFERENCES roster.congresses (id),
  seq integer NOT NULL,
  hash text NOT NULL,
  rules_hash text NOT NULL,
  name text,
  short_name text,
  level text,
  region text,
  term_number integer,
  term_start text,
  term_end text,
  quota integer,
  reserved_seats integer
);
CREATE INDEX congress_views_level ON roster.congress_views (level);

-- 实有代表 as intervals: a mandate (or the unnamed part of an opening balance, mandate_id NULL,
-- weight its count) is counted on day D when from_day <= D < until_day (NULL: no bound). Days are
-- the legal dates as the record gives them, a month standing for its last day ("2024-01" → "2024-01-31"),
-- compared as text, as the program compares them.
CREATE TABLE roster.counted_spans (
  congress_id text NOT NULL REFERENCES roster.congresses (id),
  mandate_id text,
  person_id text,
  electing_unit text,
  weight integer NOT NULL,
  from_day text COLLATE "C",
  until_day text COLLATE "C"
);
CREATE INDEX counted_spans_congress ON roster.counted_spans (congress_id);

-- Each termination of a counted mandate (代表资格终止, or 当选无效 after it counted), on its legal date
-- (NULL where the record gives none), with the ground the rules found and its label.
CREATE TABLE roster.termination_views (
  congress_id text NOT NULL REFERENCES roster.congresses (id),
  mandate_id text NOT NULL,
  person_id text NOT NULL,
  electing_unit text,
  day text COLLATE "C",
  ground text NOT NULL,
  label text NOT NULL,
  -- Where the ground is listed: the paragraph and item of the provision the finding cites (Infinity: none).
  place_paragraph double precision NOT NULL,
  place_item double precision NOT NULL,
  seq integer NOT NULL
);
CREATE INDEX termination_views_congress ON roster.termination_views (congress_id);

-- The persons each congress's record registers, with the facts 代表结构 statistics group by.
CREATE TABLE roster.person_views (
  congress_id text NOT NULL REFERENCES roster.congresses (id),
  person_id text NOT NULL,
  name text NOT NULL,
  gender text,
  ethnicity text,
  birth_date text,
  party text,
  PRIMARY KEY (congress_id, person_id)
);

REVOKE ALL ON roster.congress_views, roster.counted_spans, roster.termination_views, roster.person_views FROM PUBLIC;
GRANT SELECT ON roster.congress_views, roster.counted_spans, roster.termination_views, roster.person_views TO roster_app, roster_reader;
GRANT INSERT, UPDATE, DELETE ON roster.congress_views, roster.counted_spans, roster.termination_views, roster.person_views TO roster_app;
