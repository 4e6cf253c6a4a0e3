-- Schema version 2: every triage change to a finding, for its history and for undo.
CREATE TABLE finding_history (
  id         INTEGER PRIMARY KEY,
  finding_id INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  at         TEXT    NOT NULL,
  field      TEXT    NOT NULL,
  old_value  TEXT,
  new_value  TEXT,
  origin     TEXT    NOT NULL
);
CREATE INDEX finding_history_finding ON finding_history (finding_id, id);
