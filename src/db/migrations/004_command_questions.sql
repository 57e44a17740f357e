-- A command someone may have meant but did not write for certain ("I might need to pause"):
-- asked about once by email (outbox_id), acted on only if they confirm. E-mentors may now
-- pause and withdraw too (people.status), which needs no change here.
CREATE TABLE command_questions (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES people(id),
  command      TEXT NOT NULL CHECK (command IN ('STOP', 'PAUSE', 'RESUME')),
  pause_until  TEXT,              -- the end offered back for a PAUSE (YYYY-MM-DD), if one was read
  inbound_id   INTEGER NOT NULL REFERENCES inbound(id),
  outbox_id    INTEGER NOT NULL REFERENCES outbox(id),
  asked_at     TEXT NOT NULL,
  answer       TEXT CHECK (answer IN ('yes', 'no', 'command')),
  answered_at  TEXT
);
CREATE INDEX command_questions_open ON command_questions(person_id, answered_at);
