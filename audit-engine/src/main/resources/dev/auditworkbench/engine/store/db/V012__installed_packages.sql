-- Schema version 12: every package installed in the client's environment, as each pipdeptree import
-- reported it, with the Django requirement the installed release declares (null when it declares
-- none). The upgrade plan reads the newest import's list: what runs, not only what is declared.
CREATE TABLE installed_packages (
  import_id          INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  name               TEXT    NOT NULL,   -- PEP 503 canonical name
  version            TEXT    NOT NULL,
  django_requirement TEXT,               -- as pipdeptree wrote it: ">=3.2", "<4.0,>=2.2", "Any"
  PRIMARY KEY (import_id, name)
);
