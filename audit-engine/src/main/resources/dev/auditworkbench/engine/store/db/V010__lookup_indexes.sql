-- Schema version 10: indexes for lookups that ran once per row and read a whole table each time.
-- Every imported result asks whether another tool already reported the same CWE at the same path
-- and line (FindingRepository.SAME_PLACE); without findings_place an import of N results took time
-- in N squared (100,000 SARIF results: 573 s, now 8 s).
CREATE INDEX findings_place ON findings (path, start_line);
-- Each file's newest coverage (CoverageRepository.LATEST) looks up the newest import per path.
CREATE INDEX file_coverage_path ON file_coverage (path, import_id);
