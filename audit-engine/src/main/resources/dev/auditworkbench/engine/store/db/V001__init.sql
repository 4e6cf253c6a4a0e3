-- Schema version 1: project metadata, imports, findings and the tools that reported them.
CREATE TABLE project (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE imports (
  id              INTEGER PRIMARY KEY,
  file_name       TEXT    NOT NULL,
  file_path       TEXT    NOT NULL,
  sha256          TEXT    NOT NULL,
  format          TEXT    NOT NULL,
  tool            TEXT    NOT NULL,
  tool_version    TEXT,
  imported_at     TEXT    NOT NULL,
  records_read    INTEGER NOT NULL DEFAULT 0,
  new_count       INTEGER NOT NULL DEFAULT 0,
  unchanged_count INTEGER NOT NULL DEFAULT 0,
  gone_count      INTEGER NOT NULL DEFAULT 0,
  warnings        TEXT    NOT NULL DEFAULT '[]'
);
CREATE INDEX imports_sha256 ON imports (sha256, format);

CREATE TABLE findings (
  id                    INTEGER PRIMARY KEY,
  fingerprint           TEXT    NOT NULL UNIQUE,
  rule_id               TEXT    NOT NULL,
  title                 TEXT    NOT NULL,
  description           TEXT    NOT NULL DEFAULT '',
  category              TEXT    NOT NULL,
  severity              TEXT    NOT NULL,
  confidence            TEXT    NOT NULL,
  path                  TEXT,
  start_line            INTEGER NOT NULL DEFAULT 0,
  end_line              INTEGER NOT NULL DEFAULT 0,
  symbol                TEXT,
  path_in_repo          INTEGER NOT NULL DEFAULT 1,
  evidence              TEXT    NOT NULL DEFAULT '[]',
  cwe                   TEXT    NOT NULL DEFAULT '[]',
  owasp                 TEXT    NOT NULL DEFAULT '[]',
  status                TEXT    NOT NULL DEFAULT 'INBOX',
  dismiss_reason        TEXT,
  impact_default        INTEGER NOT NULL,
  impact_override       INTEGER,
  effort_default_hours  INTEGER NOT NULL,
  effort_override_hours INTEGER,
  notes                 TEXT    NOT NULL DEFAULT '',
  tags                  TEXT    NOT NULL DEFAULT '[]',
  first_seen_import     INTEGER REFERENCES imports (id),
  last_seen_import      INTEGER REFERENCES imports (id),
  first_seen_at         TEXT    NOT NULL,
  last_seen_at          TEXT    NOT NULL,
  gone_since_import     INTEGER REFERENCES imports (id)
);
CREATE INDEX findings_status ON findings (status);

CREATE TABLE finding_sources (
  finding_id        INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  tool              TEXT    NOT NULL,
  native_rule_id    TEXT,
  first_import_id   INTEGER NOT NULL REFERENCES imports (id),
  last_import_id    INTEGER NOT NULL REFERENCES imports (id),
  gone_since_import INTEGER REFERENCES imports (id),
  PRIMARY KEY (finding_id, tool)
);
CREATE INDEX finding_sources_tool ON finding_sources (tool, last_import_id);
