-- 0004 The committed head held against the events, as the data file holds its head file against its log.
--
-- A stream's row in roster.stream_heads is its committed head. Someone with the owner's hands can
-- still put an older head back or delete it (with the maintenance switch); then:
--   - an append is refused (the trigger below: no head, no append; a head behind the events collides
--     on the primary key), so nothing is chained onto a head that no longer describes the record;
--   - `roster verify` names the events past the head, or says the head is missing;
--   - after the clerk has checked the last hash against the minutes, `roster verify --rebuild-head`
--     calls roster.reanchor, which sets the head to the last event stored, and only to it.

-- As in 0001, and a stream whose head row is missing takes no appends.
CREATE OR REPLACE FUNCTION roster.chain_appended() RETURNS trigger
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
    IF NOT FOUND THEN
      RAISE EXCEPTION USING ERRCODE = 'RS410',
        MESSAGE = format('代表大会 %s 的头部记录（最后提交的序号和哈希）缺失，拒绝写入；请运行 roster verify 查看', run.congress_id);
    END IF;
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

-- Set a stream's committed head to `end`, which must be its last stored event (seq 0 and the
-- genesis hash for a stream with none): the way back after the head was lost or put back from an
-- older copy. The chain itself is verified by the program first; this only moves the head to where
-- the events already end, so a clerk may call it. Anything else is refused (RS409, DETAIL the seq
-- the events end at).
CREATE FUNCTION roster.reanchor(stream text, end_seq integer, end_hash text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = roster, pg_temp AS $$
DECLARE
  last_seq integer := 0;
  last_hash text := repeat('0', 64);
BEGIN
  -- One at a time per congress, and never beside an append (which locks the head row).
  PERFORM 1 FROM roster.congresses WHERE id = stream FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'RS404', MESSAGE = format('数据库中没有代表大会 %s', stream);
  END IF;
  PERFORM 1 FROM roster.stream_heads WHERE congress_id = stream FOR UPDATE;
  SELECT seq, hash INTO last_seq, last_hash FROM roster.events WHERE congress_id = stream ORDER BY seq DESC LIMIT 1;
  IF NOT FOUND THEN
    last_seq := 0;
    last_hash := repeat('0', 64);
  END IF;
  IF last_seq IS DISTINCT FROM end_seq OR last_hash IS DISTINCT FROM end_hash THEN
    RAISE EXCEPTION USING ERRCODE = 'RS409',
      MESSAGE = format('代表大会 %s 的最后一条已不是第%s条（实为第%s条），请重新运行 roster verify', stream, end_seq, last_seq),
      DETAIL = last_seq::text;
  END IF;
  PERFORM set_config('roster.maintenance', 'on', true);
  INSERT INTO roster.stream_heads (congress_id, seq, hash) VALUES (stream, end_seq, end_hash)
    ON CONFLICT (congress_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash;
  PERFORM set_config('roster.maintenance', '', true);
END $$;

REVOKE ALL ON FUNCTION roster.reanchor(text, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION roster.reanchor(text, integer, text) TO roster_app;
