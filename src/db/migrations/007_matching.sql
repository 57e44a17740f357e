-- Matching (issue 12): profiles, short lists, the trainee's choices, cohort proposals and
-- requests to e-mentors. Pairs made by matching are ordinary rows in `pairs`.

-- What a person told us for matching. NULL where nothing is recorded yet; only complete
-- profiles (specialty, region, grade, and capacity for e-mentors) are matched.
CREATE TABLE profiles (
  person_id        INTEGER PRIMARY KEY REFERENCES people(id),
  specialty        TEXT,
  region           TEXT,
  grade            TEXT,
  interests_json   TEXT NOT NULL DEFAULT '[]',
  capacity         INTEGER CHECK (capacity IS NULL OR capacity BETWEEN 0 AND 3),
  bio              TEXT NOT NULL DEFAULT '',
  preferences_json TEXT NOT NULL DEFAULT '[]',
  by_hand_since    TEXT,             -- the trainee replied NONE: the coordinator matches them by hand
  source           TEXT NOT NULL CHECK (source IN ('import', 'email')),
  updated_at       TEXT NOT NULL
);

-- People someone must never be matched with (supervisor or assessor, either direction). By
-- address, because the other person may not be on the roster yet.
CREATE TABLE profile_conflicts (
  person_id   INTEGER NOT NULL REFERENCES people(id),
  other_email TEXT NOT NULL,
  relation    TEXT NOT NULL CHECK (relation IN ('supervises', 'supervised_by')),
  PRIMARY KEY (person_id, other_email, relation)
);

-- Every e-mentor a trainee has been shown, under the letter they saw. Letters run on across
-- lists (A-C, then D-F after MORE), so a reply's letter always means one e-mentor.
CREATE TABLE shortlist_entries (
  trainee_id   INTEGER NOT NULL REFERENCES people(id),
  letter       TEXT NOT NULL,
  mentor_id    INTEGER NOT NULL REFERENCES people(id),
  list_number  INTEGER NOT NULL,
  points       REAL NOT NULL,
  reasons_json TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (trainee_id, letter),
  UNIQUE (trainee_id, mentor_id)
);
CREATE INDEX shortlist_entries_mentor ON shortlist_entries(mentor_id);

-- The trainee's choices in their order (CHOOSE B = one row; "1 B 2 A" = two).
CREATE TABLE match_choices (
  trainee_id INTEGER NOT NULL REFERENCES people(id),
  rank       INTEGER NOT NULL,
  mentor_id  INTEGER NOT NULL REFERENCES people(id),
  chosen_at  TEXT NOT NULL,
  PRIMARY KEY (trainee_id, rank)
);

-- A cohort proposal (`match propose`); the coordinator approves it by file or by replying to
-- bot+TOKEN. Only the newest is open.
CREATE TABLE match_proposals (
  id          INTEGER PRIMARY KEY,
  state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'approved', 'superseded')),
  start_date  TEXT,                -- first questionnaire for the pairs it makes, if set
  token       TEXT UNIQUE,
  outbox_id   INTEGER REFERENCES outbox(id),
  created_at  TEXT NOT NULL,
  decided_at  TEXT
);

CREATE TABLE match_proposal_rows (
  proposal_id  INTEGER NOT NULL REFERENCES match_proposals(id),
  trainee_id   INTEGER NOT NULL REFERENCES people(id),
  mentor_id    INTEGER REFERENCES people(id),   -- NULL: nobody could be proposed
  points       REAL,
  trainee_rank INTEGER,                         -- where the trainee ranked this e-mentor
  reasons_json TEXT NOT NULL DEFAULT '[]',
  note         TEXT,                            -- why nobody was proposed (a fixed phrase)
  PRIMARY KEY (proposal_id, trainee_id)
);

-- Asking an e-mentor to take a trainee. One open request per trainee; an e-mentor is asked
-- about a given trainee once.
CREATE TABLE match_requests (
  id           INTEGER PRIMARY KEY,
  trainee_id   INTEGER NOT NULL REFERENCES people(id),
  mentor_id    INTEGER NOT NULL REFERENCES people(id),
  proposal_id  INTEGER REFERENCES match_proposals(id),
  state        TEXT NOT NULL DEFAULT 'pending'
               CHECK (state IN ('pending', 'accepted', 'declined', 'expired', 'full', 'cancelled')),
  start_date   TEXT,
  points       REAL,
  trainee_rank INTEGER,
  reasons_json TEXT NOT NULL DEFAULT '[]',
  requested_at TEXT NOT NULL,
  remind_at    TEXT,                -- NULL once reminded, or when the time is too short for one
  expires_at   TEXT NOT NULL,
  decided_at   TEXT,
  pair_id      INTEGER REFERENCES pairs(id),
  UNIQUE (trainee_id, mentor_id)
);
CREATE UNIQUE INDEX match_requests_one_open ON match_requests(trainee_id) WHERE state = 'pending';
CREATE INDEX match_requests_due ON match_requests(state, expires_at);

-- Which request a reply token (in bot+TOKEN) is about: an e-mentor may have several open.
CREATE TABLE match_request_tokens (
  token      TEXT PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES match_requests(id)
);
