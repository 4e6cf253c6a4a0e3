package dev.auditworkbench.engine.spi;

/**
 * One statement a database ran, as a log or trace recorded it.
 *
 * @param endMs when it finished, epoch milliseconds (logs stamp the end), or -1 when unknown
 * @param durationMs how long it ran
 * @param sql the statement text as recorded (literals and all)
 * @param session what ties it to one request: a backend pid or session id, a trace id, a window of
 *     a log; null when nothing does
 * @param rows rows returned or affected, or -1 when the source does not say
 * @param line the input line it starts on, for evidence
 */
public record QueryEvent(
    long endMs, double durationMs, String sql, String session, long rows, long line) {}
