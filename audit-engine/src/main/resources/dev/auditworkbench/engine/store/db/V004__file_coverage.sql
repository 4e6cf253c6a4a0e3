-- Schema version 4: test coverage per file, as each coverage import measured it.
CREATE TABLE file_coverage (
  import_id        INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  path             TEXT    NOT NULL,
  in_repo          INTEGER NOT NULL,
  statements       INTEGER NOT NULL,
  covered          INTEGER NOT NULL,
  branches         INTEGER NOT NULL,
  covered_branches INTEGER NOT NULL,
  PRIMARY KEY (import_id, path)
);
