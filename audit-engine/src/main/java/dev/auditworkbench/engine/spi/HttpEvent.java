package dev.auditworkbench.engine.spi;

/**
 * One HTTP request, from an access log or a trace.
 *
 * @param endMs when it finished, epoch milliseconds
 * @param endPrecisionMs how precise {@code endMs} is: 1000 for access logs stamped to the second
 * @param route the route template when the source names it (OpenTelemetry's http.route), else null
 */
public record HttpEvent(
    long endMs,
    int endPrecisionMs,
    double durationMs,
    String method,
    String path,
    String route,
    int status) {}
