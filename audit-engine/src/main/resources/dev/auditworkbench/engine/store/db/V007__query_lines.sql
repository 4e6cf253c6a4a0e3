-- Schema version 7: where each statement's figures come from: the first input lines it was read on.
ALTER TABLE query_stats ADD COLUMN lines TEXT NOT NULL DEFAULT '';
