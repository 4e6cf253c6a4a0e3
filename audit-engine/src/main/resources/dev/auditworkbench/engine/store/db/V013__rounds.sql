-- Schema version 13: rounds of an engagement. The baseline is everything imported before the first
-- round; each round holds the imports (scans included) made after it was opened, until the next
-- round. 'workbench compare' sets two rounds side by side.
CREATE TABLE rounds (
  id              INTEGER PRIMARY KEY,
  name            TEXT    NOT NULL UNIQUE,
  created_at      TEXT    NOT NULL,
  after_import_id INTEGER NOT NULL DEFAULT 0  -- the last import before the round was opened
);
