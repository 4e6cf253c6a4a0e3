-- Schema version 9: installed packages and their newest release, as each `pip list --outdated`
-- import of the client's environment reported them (only packages with a newer release are listed).
CREATE TABLE package_releases (
  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  name      TEXT    NOT NULL,   -- PEP 503 canonical name
  installed TEXT    NOT NULL,
  latest    TEXT    NOT NULL,
  PRIMARY KEY (import_id, name)
);
