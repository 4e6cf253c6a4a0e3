-- Schema version 5: what query-trace and access-log imports captured, aggregated while streaming.
-- Statistics per normalised statement (fingerprint) per import; p95 comes from a log-bucket
-- histogram (about 1% relative error). pg_stat_statements rows have no histogram.
CREATE TABLE query_stats (
  import_id   INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  fingerprint TEXT    NOT NULL,
  normalized  TEXT    NOT NULL,
  example     TEXT    NOT NULL,
  tables      TEXT    NOT NULL,       -- comma-separated, as the statement names them
  calls       INTEGER NOT NULL,
  total_ms    REAL    NOT NULL,
  max_ms      REAL    NOT NULL,
  rows_n      INTEGER NOT NULL,       -- -1 when the source does not say
  histogram   TEXT,                   -- "bucket:count,..." or NULL
  PRIMARY KEY (import_id, fingerprint)
);

-- One request (a trace, a database session, an idle-gap window of a log) and its totals.
CREATE TABLE query_window (
  id          INTEGER PRIMARY KEY,
  import_id   INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  session     TEXT    NOT NULL,
  start_ms    INTEGER NOT NULL,
  end_ms      INTEGER NOT NULL,
  queries     INTEGER NOT NULL,
  total_ms    REAL    NOT NULL,
  route       TEXT                    -- when the source names it (OpenTelemetry http.route)
);
CREATE INDEX query_window_import ON query_window (import_id, start_ms);

-- Statements one window ran three times or more (N+1 candidates).
CREATE TABLE query_repeat (
  window_id   INTEGER NOT NULL REFERENCES query_window (id) ON DELETE CASCADE,
  fingerprint TEXT    NOT NULL,
  count       INTEGER NOT NULL,
  total_ms    REAL    NOT NULL,
  example     TEXT    NOT NULL,
  PRIMARY KEY (window_id, fingerprint)
);

-- Execution plans (auto_explain in logs, EXPLAIN files): the slowest one per statement and import.
CREATE TABLE query_plan (
  import_id   INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  fingerprint TEXT    NOT NULL,
  example     TEXT    NOT NULL,
  duration_ms REAL    NOT NULL,
  plan_json   TEXT    NOT NULL,
  line        INTEGER NOT NULL,
  PRIMARY KEY (import_id, fingerprint)
);

-- Requests from access logs and traces.
CREATE TABLE http_request (
  import_id   INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  end_ms      INTEGER NOT NULL,
  end_precision_ms INTEGER NOT NULL,  -- 1000 for access logs (second resolution)
  duration_ms REAL    NOT NULL,
  method      TEXT    NOT NULL,
  path        TEXT    NOT NULL,
  route       TEXT,                   -- when the source names it
  status      INTEGER NOT NULL
);
CREATE INDEX http_request_import ON http_request (import_id, end_ms);
