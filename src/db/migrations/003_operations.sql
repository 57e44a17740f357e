-- 003: day-to-day operations (issue 9: tick lease, why a round was skipped, address changes).

-- The worker lease: at most one tick works at a time, across processes. Taken and renewed in
-- IMMEDIATE transactions; expires_at is wall-clock milliseconds (never a tick's --now), so a
-- holder that died without releasing is replaced once its lease runs out.
CREATE TABLE worker_lease (
  name         TEXT PRIMARY KEY,   -- 'tick'
  owner        TEXT NOT NULL,      -- host:pid:random, unique per holder
  acquired_at  TEXT NOT NULL,      -- ISO instant (wall clock)
  expires_at   INTEGER NOT NULL    -- ms since the epoch (wall clock)
);

-- Why a round ended 'skipped': 'paused', 'withdrawn' or 'superseded' (a newer round replaced
-- it before it was sent). NULL on rounds skipped before this migration.
ALTER TABLE rounds ADD COLUMN skip_reason TEXT;

-- `mentormail change-email`: the person keeps their id (and so their whole record); this is
-- the trail of the addresses they had, and lets an old roster file be recognised.
CREATE TABLE address_changes (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES people(id),
  old_email   TEXT NOT NULL,
  new_email   TEXT NOT NULL,
  changed_at  TEXT NOT NULL
);
CREATE INDEX address_changes_old_email ON address_changes(old_email);
