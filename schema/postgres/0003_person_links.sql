-- 0003 One person across congresses and terms, where the clerk says so.
--
-- A person id belongs to its congress's record: `p-17` of one congress and `p-17` of another are
-- different people unless a clerk links them. `roster persons link PERSON CONGRESS:ID …` appends one
-- row per congress-local id, naming the person (an id the office chooses, the same in every congress)
-- and the basis of the identification (身份证件核对, 选举委员会的代表名单 …); `roster persons unlink`
-- appends a row with person NULL. The latest row for a (congress, id) is in force; nothing is
-- ever changed or removed, so who said what, when, stays on the record.
CREATE TABLE roster.person_links (
  id bigserial PRIMARY KEY,
  person text CHECK (person ~ '^[^\s:]+$'),
  congress_id text NOT NULL REFERENCES roster.congresses (id),
  person_id text NOT NULL,
  basis text NOT NULL CHECK (btrim(basis) <> ''),
  linked_by text NOT NULL,
  linked_at timestamptz NOT NULL DEFAULT now(),
  db_user text NOT NULL DEFAULT current_user
);
CREATE INDEX person_links_local ON roster.person_links (congress_id, person_id, id);
CREATE INDEX person_links_person ON roster.person_links (person);

CREATE TRIGGER person_links_append_only BEFORE UPDATE OR DELETE ON roster.person_links
  FOR EACH ROW EXECUTE FUNCTION roster.refuse_change();
CREATE TRIGGER person_links_no_truncate BEFORE TRUNCATE ON roster.person_links
  FOR EACH STATEMENT EXECUTE FUNCTION roster.refuse_change();

REVOKE ALL ON roster.person_links FROM PUBLIC;
GRANT SELECT ON roster.person_links TO roster_app, roster_reader;
GRANT INSERT ON roster.person_links TO roster_app;
GRANT USAGE ON SEQUENCE roster.person_links_id_seq TO roster_app;
