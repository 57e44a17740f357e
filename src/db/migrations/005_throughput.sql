-- threadFor looks up the last message sent to a person about a round for every reply it
-- handles; without this index that was a scan of the whole outbox per reply.
CREATE INDEX outbox_person_round ON outbox(person_id, round_id, id);

-- Raw mail is kept compressed: 'deflate-d1' (see db/inbound.ts), or NULL for rows stored as
-- received (before 005, and messages over 1 MB).
ALTER TABLE inbound ADD COLUMN raw_encoding TEXT;

-- What a queued message says, kept beside its outbox row only until it is sent. A row that was
-- written with its bodies and emptied in place kept a whole page to itself (an outbox of sparse
-- pages grew the file by about 6 KB per reply); deleting this row frees its pages for reuse.
CREATE TABLE outbox_bodies (
  outbox_id  INTEGER PRIMARY KEY REFERENCES outbox(id),
  text_body  TEXT NOT NULL,
  html_body  TEXT
);
