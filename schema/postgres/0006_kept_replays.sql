-- 0006 The replay of each congress's record kept between commands, as the data file keeps it in FILE.cache/.
--
-- The roster as the rules derived it and the rules' findings, under a key naming the head (seq,
-- hash), the rules' fingerprint and the program's version (src/app/kept-replay.ts): a command whose
-- head and rules match answers from it instead of reading and replaying every event of the congress.
-- Its bytes are those the file store writes (src/store/kept-replay-format.ts): `kept` says what is
-- kept (the key, how many lines and bytes of `lines` belong to it), `core` the roster in sections,
-- `lines` the findings one a line. It is never the record: a row lost, stale or unreadable only
-- costs the next command a replay, so the clerks' role may rewrite it, and the read-only role reads it.
CREATE TABLE roster.kept_replays (
  congress_id text PRIMARY KEY REFERENCES roster.congresses (id),
  kept jsonb NOT NULL,
  core bytea NOT NULL,
  lines bytea NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);

REVOKE ALL ON roster.kept_replays FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON roster.kept_replays TO roster_app;
GRANT SELECT ON roster.kept_replays TO roster_reader;
