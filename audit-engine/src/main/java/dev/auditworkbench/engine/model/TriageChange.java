package dev.auditworkbench.engine.model;

import java.time.Instant;

/** One field of a finding's triage changed by the auditor (or a scan), as the history keeps it. */
public record TriageChange(
    long findingId, Instant at, String field, String oldValue, String newValue, String origin) {}
