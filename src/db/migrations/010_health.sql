-- 010: Is the mentoring working? (issue 14) Relationship health from metadata, the pulse, the
-- end-of-year evaluation. The coordinator's figures come from the VIEWS at the end of this
-- file, which have no content column: src/health/source.ts is the only code that queries
-- them, and test/unit/healthPrivacy.test.ts fails if it names anything else.
--
-- CONTENT added here (for the inventory of content columns): evaluations.comment only.

-- Words in a record entry's own text (the reply itself, pulse lines removed), counted when the
-- entry is stored, so message-length bands need no content. NULL for entries stored before 010.
ALTER TABLE messages ADD COLUMN words INTEGER;

-- How the pair came about, when matching made it: 'chose' (the trainee picked the e-mentor from
-- a short list) or 'assigned' (matched for them). NULL: from the roster, i.e. assigned.
ALTER TABLE pairs ADD COLUMN how_matched TEXT CHECK (how_matched IN ('chose', 'assigned'));

-- A random reference per pair for `mentormail health --pairs`: it says nothing about who.
CREATE TABLE pair_refs (
  pair_id  INTEGER PRIMARY KEY REFERENCES pairs(id),
  ref      TEXT NOT NULL UNIQUE
);

-- Pulse ratings (templates/pulse.yml), one row per person, round and item. Only ever counted
-- in the coordinator's aggregates; never shown to the other side of the pair.
CREATE TABLE pulse_answers (
  round_id     INTEGER NOT NULL REFERENCES rounds(id),
  person_id    INTEGER NOT NULL REFERENCES people(id),
  role         TEXT NOT NULL CHECK (role IN ('trainee', 'mentor')),
  item         TEXT NOT NULL,      -- the item's key in templates/pulse.yml
  score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  inbound_id   INTEGER REFERENCES inbound(id),
  answered_at  TEXT NOT NULL,
  PRIMARY KEY (round_id, person_id, item)
);

-- The end-of-year evaluation (`mentormail evaluate open --year Y`): one survey per person a year.
CREATE TABLE evaluations (
  id                INTEGER PRIMARY KEY,
  year              INTEGER NOT NULL,
  person_id         INTEGER NOT NULL REFERENCES people(id),
  role              TEXT NOT NULL CHECK (role IN ('trainee', 'mentor')),
  state             TEXT NOT NULL DEFAULT 'scheduled'
                    CHECK (state IN ('scheduled', 'sent', 'answered', 'complete', 'lapsed')),
  created_at        TEXT NOT NULL,
  sent_at           TEXT,
  answered_at       TEXT,
  completed_at      TEXT,
  followup_sent_at  TEXT,           -- the one "this is what is missing" note
  reminders_sent    INTEGER NOT NULL DEFAULT 0,
  last_reminder_at  TEXT,
  lapsed_at         TEXT,
  thread_id         TEXT,           -- Message-ID of the survey
  comment           TEXT,           -- CONTENT: the person's optional free text, kept in their own record only
  UNIQUE (year, person_id)
);
CREATE INDEX evaluations_state ON evaluations(state);

-- Answers as numbers: yes 1 / no 0, a scale's value; NULL for "not applicable".
CREATE TABLE evaluation_answers (
  evaluation_id  INTEGER NOT NULL REFERENCES evaluations(id),
  item           TEXT NOT NULL,     -- the item's key in templates/evaluation.yml
  value          INTEGER,
  inbound_id     INTEGER REFERENCES inbound(id),
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (evaluation_id, item)
);

-- The health job looks once a day (nudges and alerts are counted in days).
CREATE TABLE health_runs (
  local_date  TEXT PRIMARY KEY,
  ran_at      TEXT NOT NULL
);

-- ---------------------------------------------------------------------------------------------
-- The coordinator's views: timestamps, counts, states and numbers only.

CREATE VIEW health_pairs AS
  SELECT p.id AS pair_id, p.trainee_id, p.mentor_id, p.start_date, p.created_at, p.how_matched,
         t.status AS trainee_status, t.status_since AS trainee_status_since, r.ref
    FROM pairs p JOIN people t ON t.id = p.trainee_id LEFT JOIN pair_refs r ON r.pair_id = p.id;

CREATE VIEW health_rounds AS
  SELECT id AS round_id, pair_id, number, mentor_id, state, sent_at, answered_at, forwarded_at,
         feedback_at, lapsed_at
    FROM rounds;

CREATE VIEW health_messages AS
  SELECT id AS message_id, pair_id, round_id, author_role, kind, words, created_at
    FROM messages;

CREATE VIEW health_pulse AS
  SELECT a.round_id, r.pair_id, a.person_id, a.role, a.item, a.score, a.answered_at
    FROM pulse_answers a JOIN rounds r ON r.id = a.round_id;

CREATE VIEW evaluation_status AS
  SELECT id AS evaluation_id, year, person_id, role, state, sent_at, answered_at, completed_at
    FROM evaluations;

CREATE VIEW evaluation_values AS
  SELECT a.evaluation_id, e.year, e.role, a.item, a.value
    FROM evaluation_answers a JOIN evaluations e ON e.id = a.evaluation_id;
