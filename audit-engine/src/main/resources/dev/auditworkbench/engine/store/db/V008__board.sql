-- Schema version 8: the board's order of cards within a column, and findings the auditor merged as
-- duplicates of another. Both are keyed by fingerprint so that they survive re-imports and re-scans.
CREATE TABLE board_rank (
  fingerprint TEXT PRIMARY KEY,
  rank        INTEGER NOT NULL
);

CREATE TABLE duplicate_of (
  fingerprint TEXT PRIMARY KEY,   -- the finding merged away (dismissed as a duplicate)
  kept        TEXT NOT NULL       -- the finding it was merged into
);
