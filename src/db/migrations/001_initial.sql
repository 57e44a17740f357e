-- People on the roster. Emails are stored normalised (trimmed, lower case).
CREATE TABLE people (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('trainee', 'mentor')),
  -- Taking part is voluntary: a trainee may pause or withdraw. Mentors stay 'active'.
  status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'withdrawn')),
  paused_until  TEXT,            -- local date (YYYY-MM-DD) a pause ends by itself, or NULL
  status_since  TEXT NOT NULL,   -- ISO instant
  address_failing_since TEXT,    -- set by a bounce; cleared when mail from them arrives
  created_at    TEXT NOT NULL
);

-- A trainee's current assignment. Reassignment changes mentor_id; each round keeps the
-- mentor it was created for, so past content never reaches a new mentor.
CREATE TABLE pairs (
  id          INTEGER PRIMARY KEY,
  trainee_id  INTEGER NOT NULL UNIQUE REFERENCES people(id),
  mentor_id   INTEGER NOT NULL REFERENCES people(id),
  start_date  TEXT NOT NULL,     -- local date of round 1
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE rounds (
  id                    INTEGER PRIMARY KEY,
  pair_id               INTEGER NOT NULL REFERENCES pairs(id),
  number                INTEGER NOT NULL,
  mentor_id             INTEGER NOT NULL REFERENCES people(id),
  due_date              TEXT NOT NULL,
  state                 TEXT NOT NULL DEFAULT 'scheduled'
                        CHECK (state IN ('scheduled', 'sent', 'answered', 'complete', 'lapsed', 'skipped')),
  created_at            TEXT NOT NULL,
  sent_at               TEXT,   -- questionnaire queued
  answered_at           TEXT,   -- first human reply stored
  completed_at          TEXT,   -- every required section present
  forwarded_at          TEXT,   -- first forward to the mentor queued
  feedback_at           TEXT,   -- first feedback from the mentor
  reminders_sent        INTEGER NOT NULL DEFAULT 0,
  last_reminder_at      TEXT,
  remind_not_before     TEXT,   -- set by an out-of-office reply
  lapsed_at             TEXT,
  followup_sent_at      TEXT,   -- the one "this is what is missing" note
  mentor_reminders_sent INTEGER NOT NULL DEFAULT 0,
  mentor_last_reminder_at TEXT,
  mentor_escalated_at   TEXT,
  mentor_remind_not_before TEXT, -- set by the mentor's out-of-office reply
  trainee_thread_id     TEXT,   -- Message-ID of the questionnaire (trainee side thread root)
  mentor_thread_id      TEXT,   -- Message-ID of the first forward (mentor side thread root)
  UNIQUE (pair_id, number)
);
CREATE INDEX rounds_state ON rounds(state);

-- Answers by section; lists are stored as JSON arrays.
CREATE TABLE answers (
  round_id    INTEGER NOT NULL REFERENCES rounds(id),
  section_key TEXT NOT NULL,
  value_json  TEXT NOT NULL,
  inbound_id  INTEGER REFERENCES inbound(id),
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (round_id, section_key)
);

-- The written record of the mentoring conversation (confidential content lives here,
-- in answers and in inbound.raw, and nowhere else).
CREATE TABLE messages (
  id          INTEGER PRIMARY KEY,
  round_id    INTEGER REFERENCES rounds(id),
  pair_id     INTEGER NOT NULL REFERENCES pairs(id),
  author_id   INTEGER NOT NULL REFERENCES people(id),
  author_role TEXT NOT NULL CHECK (author_role IN ('trainee', 'mentor')),
  kind        TEXT NOT NULL CHECK (kind IN ('answers', 'feedback', 'message')),
  body_text   TEXT NOT NULL,
  inbound_id  INTEGER NOT NULL UNIQUE REFERENCES inbound(id),
  relayed_outbox_id INTEGER REFERENCES outbox(id),
  created_at  TEXT NOT NULL
);

-- Reply tokens: the TOKEN in local+TOKEN@domain. Random, never derived from an id.
CREATE TABLE tokens (
  token       TEXT PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES people(id),
  address     TEXT NOT NULL,     -- the normalised address it was sent to
  role        TEXT NOT NULL CHECK (role IN ('trainee', 'mentor', 'coordinator')),
  purpose     TEXT NOT NULL,     -- 'answers' (reply = questionnaire answers), 'conversation', 'unsubscribe', 'notice'
  pair_id     INTEGER REFERENCES pairs(id),
  round_id    INTEGER REFERENCES rounds(id),
  created_at  TEXT NOT NULL
);

-- Every received message, raw first, before anything acts on it.
CREATE TABLE inbound (
  id            INTEGER PRIMARY KEY,
  source        TEXT NOT NULL,      -- 'imap:<mailbox>' or 'local'
  uidvalidity   INTEGER,
  uid           INTEGER,
  message_id    TEXT,
  sha256        TEXT NOT NULL UNIQUE,
  size          INTEGER NOT NULL,
  raw           BLOB NOT NULL,
  received_at   TEXT NOT NULL,
  state         TEXT NOT NULL DEFAULT 'new'
                CHECK (state IN ('new', 'processed', 'held', 'ignored', 'failed', 'duplicate')),
  kind          TEXT,               -- reply | auto_reply | bounce
  outcome       TEXT,               -- a stable event name: answers_stored, relayed, command_stop, ...
  error_code    TEXT,
  attempts      INTEGER NOT NULL DEFAULT 0,
  person_id     INTEGER REFERENCES people(id),
  round_id      INTEGER REFERENCES rounds(id),
  processed_at  TEXT
);
CREATE INDEX inbound_message_id ON inbound(message_id);
CREATE INDEX inbound_state ON inbound(state);

-- Where the IMAP poll got to, per mailbox.
CREATE TABLE mailbox_cursor (
  mailbox      TEXT PRIMARY KEY,
  uidvalidity  INTEGER NOT NULL,
  last_uid     INTEGER NOT NULL
);

-- Every message to send. The row (with its Message-ID) is committed before SMTP is called;
-- dedupe_key makes "send this once" a database constraint.
CREATE TABLE outbox (
  id            INTEGER PRIMARY KEY,
  dedupe_key    TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL,
  person_id     INTEGER REFERENCES people(id),   -- NULL for the coordinator
  round_id      INTEGER REFERENCES rounds(id),
  to_address    TEXT NOT NULL,
  to_name       TEXT,
  from_name     TEXT NOT NULL,
  reply_to      TEXT,
  subject       TEXT NOT NULL,
  text_body     TEXT NOT NULL,
  html_body     TEXT,
  message_id    TEXT NOT NULL UNIQUE,
  in_reply_to   TEXT,
  references_ids TEXT,              -- space separated Message-IDs
  headers_json  TEXT NOT NULL DEFAULT '{}',
  state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT,
  next_attempt_at TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  sent_at       TEXT
);
CREATE INDEX outbox_pending ON outbox(state, next_attempt_at);

CREATE TABLE outbox_attachments (
  outbox_id     INTEGER NOT NULL REFERENCES outbox(id),
  position      INTEGER NOT NULL,
  filename      TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  content       BLOB NOT NULL,
  PRIMARY KEY (outbox_id, position)
);
