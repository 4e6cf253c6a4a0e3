-- Schema version 3: repository scans and what they found out about the code (JSON per kind).
CREATE TABLE scans (
  id             INTEGER PRIMARY KEY,
  import_id      INTEGER NOT NULL REFERENCES imports (id),
  repo           TEXT    NOT NULL,
  commit_id      TEXT,
  scanned_at     TEXT    NOT NULL,
  files          INTEGER NOT NULL,
  python_files   INTEGER NOT NULL,
  lines          INTEGER NOT NULL,
  code_lines     INTEGER NOT NULL,
  parse_failures INTEGER NOT NULL,
  millis         INTEGER NOT NULL
);

CREATE TABLE scan_facts (
  scan_id INTEGER NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
  kind    TEXT    NOT NULL,
  json    TEXT    NOT NULL,
  PRIMARY KEY (scan_id, kind)
);
