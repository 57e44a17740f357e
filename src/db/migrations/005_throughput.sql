-- threadFor looks up the last message sent to a person about a round for every reply it
-- handles; without this index that was a scan of the whole outbox per reply.
CREATE INDEX outbox_person_round ON outbox(person_id, round_id, id);

-- Raw mail is kept compressed: 'gzip', or NULL for rows stored as received (before 005).
ALTER TABLE inbound ADD COLUMN raw_encoding TEXT;
