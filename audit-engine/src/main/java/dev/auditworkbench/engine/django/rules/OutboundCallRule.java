package dev.auditworkbench.engine.django.rules;

import dev.auditworkbench.engine.django.EffectiveSettings;
import dev.auditworkbench.engine.django.OutboundCalls;
import dev.auditworkbench.engine.django.OutboundCalls.Kind;
import dev.auditworkbench.engine.django.OutboundCalls.Site;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Effort;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Impact;
import dev.auditworkbench.engine.model.OutboundFindings;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Rule;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Blocking outbound calls in the request path (see {@link OutboundCalls}): an HTTP request, a
 * payment or mail SDK, SMTP, a subprocess, a socket, a sleep or a wait on a Celery result, reached
 * from a route's view, a middleware, a context processor, a template tag or a signal receiver. Each
 * is reported at the call site with the shortest chain from where the request enters, and an HTTP
 * call without a timeout gets a finding of its own (outbound.no-timeout). Confidence is medium: the
 * call may sit behind a condition a request rarely meets; a trace with the client span confirms it.
 * False positives: a call guarded by a feature flag that is off in production.
 */
final class OutboundCallRule implements Rule {
  static final String BLOCKING = OutboundFindings.BLOCKING;
  static final String NO_TIMEOUT = OutboundFindings.NO_TIMEOUT;

  @Override
  public String id() {
    return "outbound";
  }

  @Override
  public String description() {
    return "Calls that block a request on the network or another process (requests/httpx/urllib, payment and mail SDKs, SMTP and send_mail with a sending backend, subprocess, sockets, time.sleep, waiting on a Celery result), followed through the project's own functions up to "
        + OutboundCalls.DEPTH
        + " calls deep from views, middleware, context processors, template tags and signal receivers; HTTP calls without a timeout";
  }

  static final String ASYNC = "outbound.async-candidate";
  private static final Pattern ATOMIC = Pattern.compile("['\"]ATOMIC_REQUESTS['\"]\\s*:\\s*True");

  @Override
  public void check(RepoAnalysis a, Consumer<RawFinding> out) {
    OutboundCalls.Result found = OutboundCalls.find(a.modules(), a.names(), a.inventory());
    String atomic =
        DeploymentSettings.judged(a).stream()
            .filter(
                s -> s.get("DATABASES").map(d -> ATOMIC.matcher(d.value()).find()).orElse(false))
            .map(EffectiveSettings::module)
            .findFirst()
            .orElse(null);
    for (Site s : found.sites()) {
      out.accept(blocking(s, s.inView() ? atomic : null));
      if (s.timeoutMissing()) {
        out.accept(noTimeout(s));
      }
    }
    for (OutboundCalls.Fanout f : found.fanouts()) {
      out.accept(fanout(f));
    }
  }

  private static RawFinding fanout(OutboundCalls.Fanout f) {
    return RawFinding.builder(ASYNC)
        .nativeRuleId(ASYNC)
        .title(f.route() + " calls " + f.callees().size() + " outside services one after another")
        .description(
            f.route()
                + " ("
                + f.view()
                + ") waits on "
                + String.join(", ", f.callees())
                + " in turn, so the request takes the sum of their times. If the answers are"
                + " needed in the response, an async def view making the calls concurrently"
                + " (httpx.AsyncClient with asyncio.gather, under ASGI) takes the longest of them"
                + " instead; otherwise move them to tasks.")
        .category(Category.PERFORMANCE)
        .severity(Severity.LOW)
        .confidence(Confidence.MEDIUM)
        .path(f.path())
        .lines(f.line(), f.line())
        .symbol(f.view())
        .keyEvidence(f.route())
        .evidence(Evidence.Kind.TEXT, "Calls out to: " + String.join(", ", f.callees()))
        .defaultImpact(Impact.of(3))
        .defaultEffort(Effort.hours(16))
        .build();
  }

  private static RawFinding blocking(Site s, String atomicSettings) {
    String reach =
        s.entries() == 1
            ? "In the request path"
            : "In the request path of " + s.entries() + " entry points; the shortest chain";
    return RawFinding.builder(BLOCKING)
        .nativeRuleId(BLOCKING)
        .title(
            "Request waits on "
                + s.kind().brief()
                + ": "
                + s.shortCallee()
                + " in "
                + s.function().substring(s.function().lastIndexOf('.') + 1))
        .description(
            reach
                + ": "
                + s.chainText()
                + ". The request waits on "
                + s.kind().words()
                + ": the worker serving it is held until "
                + s.callee()
                + " returns, so the route's latency includes the other side's and a slow or down"
                + " service ties up every worker. "
                + (s.cached()
                    ? "The chain reads the cache first, so only a cache miss waits (and every"
                        + " worker at once when the entry expires under load). "
                    : "")
                + (atomicSettings == null
                    ? ""
                    : "ATOMIC_REQUESTS is on ("
                        + atomicSettings
                        + "): the view's transaction, and"
                        + " the row locks it holds, stay open while it waits. ")
                + advice(s.kind()))
        .category(Category.PERFORMANCE)
        .severity(s.kind() == Kind.SLEEP || s.cached() ? Severity.LOW : Severity.MEDIUM)
        .confidence(Confidence.MEDIUM)
        .path(s.path())
        .lines(s.line(), s.line())
        .symbol(s.function())
        .keyEvidence(s.function() + " -> " + s.callee())
        .evidence(Evidence.Kind.TEXT, OutboundFindings.chainEvidence(s.chain()))
        .defaultImpact(Impact.of(s.kind() == Kind.SLEEP || s.cached() ? 2 : 4))
        .defaultEffort(Effort.hours(4))
        .build();
  }

  private static RawFinding noTimeout(Site s) {
    return RawFinding.builder(NO_TIMEOUT)
        .nativeRuleId(NO_TIMEOUT)
        .title("HTTP call without a timeout: " + s.shortCallee())
        .description(
            s.callee()
                + " is called without a timeout ("
                + s.chainText()
                + "): requests and urllib wait for ever by default, so one hung server holds a"
                + " worker until it is killed. Pass timeout=(connect, read), e.g. timeout=(3.05, 10),"
                + " and handle the Timeout exception.")
        .category(Category.PERFORMANCE)
        .severity(Severity.MEDIUM)
        .confidence(Confidence.HIGH)
        .path(s.path())
        .lines(s.line(), s.line())
        .symbol(s.function())
        .keyEvidence(s.function() + " -> " + s.callee())
        .evidence(Evidence.Kind.TEXT, OutboundFindings.chainEvidence(s.chain()))
        .defaultImpact(Impact.of(3))
        .defaultEffort(Effort.hours(1))
        .build();
  }

  /** What to do about a call of this kind. */
  static String advice(Kind kind) {
    switch (kind) {
      case HTTP:
      case SDK:
        return "Move it off the request path: a Celery task started with"
            + " transaction.on_commit(lambda: task.delay(...)) when the response does not need"
            + " the answer; otherwise set a timeout, add a circuit breaker and cache the answer."
            + " A view that calls several services is a candidate for async def with concurrent"
            + " calls.";
      case MAIL:
        return "Send it from a Celery task or through a queueing email backend"
            + " (django-celery-email, django-post-office).";
      case PROCESS:
        return "Run the command in a Celery task and let the page poll for its result.";
      case SOCKET:
        return "Move the connection into a task or give it a timeout (socket.setdefaulttimeout"
            + " or create_connection(..., timeout=)).";
      case SLEEP:
        return "Remove the sleep from the request; retry with backoff in a task instead.";
      case TASK_RESULT:
        return "Waiting on a task's result makes the request as slow as the task and can"
            + " deadlock a worker pool: return 202 with the task id and let the client poll.";
      default:
        throw new IllegalArgumentException(kind.name());
    }
  }
}
