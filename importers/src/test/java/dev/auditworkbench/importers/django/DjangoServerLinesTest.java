package dev.auditworkbench.importers.django;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.engine.spi.QueryEvent;
import dev.auditworkbench.engine.testing.CollectingSink;
import dev.auditworkbench.engine.testing.FileInput;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Django 3.2's development server logging django.db.backends and django.server to one file
 * (src/test/django-capture/capture-django-server.sh): the server's request lines are the request
 * boundaries and name each window's route.
 */
class DjangoServerLinesTest {
  private static final Path LOG =
      Path.of("src/test/resources/samples/django/runserver-sql.log").toAbsolutePath();

  @Test
  void eachRequestLineEndsItsWindowAndNamesIt() throws Exception {
    CollectingSink sink = new CollectingSink();
    new DjangoSqlLogImporter().parse(new FileInput(LOG, Map.of()), sink);
    assertEquals(18, sink.queries.size(), "every statement; no request line read as SQL");
    assertEquals(
        List.of(
            "django-1 GET /authors/",
            "django-2 GET /authors/3/",
            "django-3 GET /authors/",
            "django-4 GET /authors/5/"),
        sink.sessionRoutes,
        "/health/ ran no statement: no window");
    Map<String, Integer> perWindow = new TreeMap<>();
    for (QueryEvent q : sink.queries) {
      perWindow.merge(q.session(), 1, Integer::sum);
    }
    assertEquals(Map.of("django-1", 7, "django-2", 2, "django-3", 7, "django-4", 2), perWindow);
    assertEquals(List.of("django-1", "django-2", "django-3", "django-4"), sink.endedSessions);
    assertEquals(List.of(), sink.warnings);
  }
}
