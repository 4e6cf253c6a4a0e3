-- Schema version 6: the auditor's planning decisions, keyed by finding fingerprint so that they
-- survive re-imports and re-scans. Settings (team size, phase rules...) live in the project table.
CREATE TABLE work_group (
  fingerprint TEXT PRIMARY KEY,   -- a finding in a work item the auditor grouped by hand
  name        TEXT NOT NULL
);

CREATE TABLE phase_override (
  item  TEXT PRIMARY KEY,         -- a work item's key ("finding:<fp>", "group:<name>", "auto:<family>:<path>")
  phase TEXT NOT NULL
);
