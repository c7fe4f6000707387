-- 0005 The console's accounts and drafts, beside the record, outside every hash chain.
--
-- The data file keeps them in FILE.accounts.json and FILE.drafts.json; a database keeps them here.
-- Accounts are the office's (one set per database: a clerk logs in once for every congress); drafts
-- are a congress's, numbered per congress. Both change in place (a password reset, a draft approved),
-- so they are ordinary tables: they are not the legal record, and approving a draft appends its
-- events to roster.events through the same path as `roster record`.
--
-- Accounts hold scrypt password hashes: the clerks' role reads and writes them (the console runs as a
-- clerk); the read-only role does not see them.
CREATE TABLE roster.accounts (
  name text PRIMARY KEY,
  account jsonb NOT NULL CHECK (account ->> 'name' = name),
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by text NOT NULL DEFAULT current_user
);

CREATE TABLE roster.drafts (
  congress_id text NOT NULL REFERENCES roster.congresses (id),
  id integer NOT NULL CHECK (id > 0),
  draft jsonb NOT NULL CHECK (draft ->> 'id' = id::text),
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by text NOT NULL DEFAULT current_user,
  PRIMARY KEY (congress_id, id)
);

REVOKE ALL ON roster.accounts, roster.drafts FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON roster.accounts, roster.drafts TO roster_app;
GRANT SELECT ON roster.drafts TO roster_reader;
