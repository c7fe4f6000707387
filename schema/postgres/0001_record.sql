-- 0001 The record: one stream of events per congress, hash-chained, append-only.
--
-- Run by `roster db migrate` (as the owner of the database), once, in one transaction, recorded in
-- roster.schema_migrations. Never edit an applied migration: add the next number.
--
-- Who may do what:
--   roster_app     the clerks' group role: reads everything, INSERTs events, registers congresses;
--                  no UPDATE, DELETE or TRUNCATE on the events table.
--   roster_reader  read-only consoles and statistics (also what a streaming replica serves).
--   the owner      runs the migrations; even the owner cannot change or remove an event unless the
--                  maintenance switch is on for its transaction:
--                      BEGIN; SET LOCAL roster.maintenance = 'on'; …; COMMIT;
--                  (`roster verify` then names every change made that way).

-- Group roles are cluster-wide: created once, by a migrator allowed to create roles, or beforehand by
-- the administrator (CREATE ROLE roster_app NOLOGIN; CREATE ROLE roster_reader NOLOGIN).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'roster_app') THEN
    CREATE ROLE roster_app NOLOGIN;
  END IF;
EXCEPTION
  WHEN insufficient_privilege THEN
    RAISE EXCEPTION '缺少数据库角色 roster_app，且执行迁移的用户无权创建角色：请数据库管理员先执行 CREATE ROLE roster_app NOLOGIN';
  WHEN unique_violation OR duplicate_object THEN NULL; -- created by a migration of another database at the same moment
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'roster_reader') THEN
    CREATE ROLE roster_reader NOLOGIN;
  END IF;
EXCEPTION
  WHEN insufficient_privilege THEN
    RAISE EXCEPTION '缺少数据库角色 roster_reader，且执行迁移的用户无权创建角色：请数据库管理员先执行 CREATE ROLE roster_reader NOLOGIN';
  WHEN unique_violation OR duplicate_object THEN NULL;
END $$;

GRANT USAGE ON SCHEMA roster TO roster_app, roster_reader;
-- The program checks the schema's version before it works.
GRANT SELECT ON roster.schema_migrations TO roster_app, roster_reader;

-- A congress (one term of one people's congress) and how the province nests: `within` is the
-- congress of the enclosing area (a county's municipal congress), for statistics by region.
CREATE TABLE roster.congresses (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
  within text REFERENCES roster.congresses (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL DEFAULT current_user
);

-- The committed head of each stream: moved only by the trigger on events, in the appending transaction.
CREATE TABLE roster.stream_heads (
  congress_id text PRIMARY KEY REFERENCES roster.congresses (id),
  seq integer NOT NULL DEFAULT 0,
  hash text NOT NULL DEFAULT repeat('0', 64)
);

-- The events. `record` is the stored record exactly as the program wrote it (json keeps the text:
-- key order and all, so an export is byte for byte what was recorded); seq and hash repeat its
-- fields for the constraints, prev_hash is the hash it was chained onto.
CREATE TABLE roster.events (
  congress_id text NOT NULL REFERENCES roster.congresses (id),
  seq integer NOT NULL CHECK (seq > 0),
  prev_hash text NOT NULL,
  hash text NOT NULL,
  type text NOT NULL,
  record json NOT NULL,
  committed_at timestamptz NOT NULL DEFAULT now(),
  committed_by text NOT NULL DEFAULT current_user,
  PRIMARY KEY (congress_id, seq)
);

-- A new congress starts with the empty head.
CREATE FUNCTION roster.open_stream() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = roster, pg_temp AS $$
BEGIN
  INSERT INTO roster.stream_heads (congress_id) VALUES (NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER congresses_open_stream AFTER INSERT ON roster.congresses
  FOR EACH ROW EXECUTE FUNCTION roster.open_stream();

-- Every appending statement must continue its stream's committed head: seqs head+1 … without a gap,
-- each row chained onto the one before (the first onto the head's hash), the columns equal to the
-- record's own fields. Then the head moves, in the same transaction. The head row is locked first, so
-- appenders to one congress queue here; one that lost the race finds the head moved (RS409). Two
-- appenders at the same seq also collide on the primary key (unique_violation) before they get here.
CREATE FUNCTION roster.chain_appended() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = roster, pg_temp AS $$
DECLARE
  run record;
  head record;
  broken integer;
BEGIN
  IF current_setting('roster.maintenance', true) = 'on' THEN
    RETURN NULL;
  END IF;
  FOR run IN SELECT congress_id, min(seq) AS first, max(seq) AS last, count(*) AS n FROM added GROUP BY congress_id LOOP
    SELECT seq, hash INTO head FROM roster.stream_heads WHERE congress_id = run.congress_id FOR UPDATE;
    IF run.first <> head.seq + 1 OR run.last - run.first + 1 <> run.n THEN
      RAISE EXCEPTION USING ERRCODE = 'RS409',
        MESSAGE = format('代表大会 %s 的记录已被他人更新（预期最后序号 %s，实为 %s）', run.congress_id, run.first - 1, head.seq),
        DETAIL = head.seq::text;
    END IF;
    SELECT a.seq INTO broken
      FROM added a LEFT JOIN added b ON b.congress_id = a.congress_id AND b.seq = a.seq - 1
     WHERE a.congress_id = run.congress_id
       AND (a.prev_hash IS DISTINCT FROM (CASE WHEN a.seq = run.first THEN head.hash ELSE b.hash END)
            OR (a.record ->> 'seq')::integer IS DISTINCT FROM a.seq
            OR a.record ->> 'hash' IS DISTINCT FROM a.hash)
     ORDER BY a.seq LIMIT 1;
    IF broken IS NOT NULL THEN
      IF broken = run.first AND (SELECT prev_hash FROM added WHERE congress_id = run.congress_id AND seq = broken) <> head.hash THEN
        RAISE EXCEPTION USING ERRCODE = 'RS409',
          MESSAGE = format('代表大会 %s 的记录已被他人更新（最后一条的哈希已不同）', run.congress_id),
          DETAIL = head.seq::text;
      END IF;
      RAISE EXCEPTION USING ERRCODE = 'RS422',
        MESSAGE = format('代表大会 %s 第%s条记录没有接在前一条的哈希上，或其 seq、hash 与记录内容不符', run.congress_id, broken);
    END IF;
    UPDATE roster.stream_heads
       SET seq = run.last, hash = (SELECT hash FROM added WHERE congress_id = run.congress_id AND seq = run.last)
     WHERE congress_id = run.congress_id;
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER events_chain AFTER INSERT ON roster.events
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION roster.chain_appended();

-- Append-only, for everyone, the owner included: UPDATE, DELETE and TRUNCATE are refused unless the
-- transaction has set the maintenance switch (SET LOCAL roster.maintenance = 'on').
CREATE FUNCTION roster.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('roster.maintenance', true) = 'on' THEN
    IF TG_LEVEL = 'STATEMENT' THEN RETURN NULL; END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION USING ERRCODE = 'RS403',
    MESSAGE = format('表 %I.%I 只允许追加，%s 被拒绝', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP),
    HINT = '确需维护时，由数据库所有者在事务中先执行 SET LOCAL roster.maintenance = ''on''（之后 roster verify 会指出改动）';
END $$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON roster.events
  FOR EACH ROW EXECUTE FUNCTION roster.refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON roster.events
  FOR EACH STATEMENT EXECUTE FUNCTION roster.refuse_change();

-- The heads move only with the events (the trigger above runs one level down) or under maintenance.
CREATE FUNCTION roster.guard_head() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() > 1 OR current_setting('roster.maintenance', true) = 'on' THEN
    IF TG_LEVEL = 'STATEMENT' THEN RETURN NULL; END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION USING ERRCODE = 'RS403',
    MESSAGE = format('表 %I.%I 只随事件的追加而改变，%s 被拒绝', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP),
    HINT = '确需维护时，由数据库所有者在事务中先执行 SET LOCAL roster.maintenance = ''on''';
END $$;
CREATE TRIGGER stream_heads_guard BEFORE UPDATE OR DELETE ON roster.stream_heads
  FOR EACH ROW EXECUTE FUNCTION roster.guard_head();
CREATE TRIGGER stream_heads_no_truncate BEFORE TRUNCATE ON roster.stream_heads
  FOR EACH STATEMENT EXECUTE FUNCTION roster.guard_head();

REVOKE ALL ON roster.congresses, roster.stream_heads, roster.events FROM PUBLIC;
GRANT SELECT ON roster.congresses, roster.stream_heads, roster.events TO roster_app, roster_reader;
GRANT INSERT ON roster.events TO roster_app;
GRANT INSERT, UPDATE (within) ON roster.congresses TO roster_app;
