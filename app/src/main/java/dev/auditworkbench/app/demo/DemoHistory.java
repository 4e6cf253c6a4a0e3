package dev.auditworkbench.app.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Writes the demo repository's git history: the same commits, authors, dates and so the same commit
 * ids every time. Files grow to their final content over about two years of commits; the core files
 * change most often and are mostly written by one person, so churn, hotspots and ownership have
 * something real to show. HEAD equals the bundled files exactly.
 */
final class DemoHistory {
  record Author(String name, String email) {}

  static final Author MARTIN = new Author("Martin Keller", "martin@ledgerly.example");
  static final Author PRIYA = new Author("Priya Shah", "priya@ledgerly.example");
  static final Author TOM = new Author("Tom Fischer", "tom@ledgerly.example");
  static final Author ANA = new Author("Ana Costa", "ana@ledgerly.example");
  static final Author CONTRACTOR = new Author("Dev Contractor", "dev@agency.example");
  private static final List<Author> ALL = List.of(MARTIN, PRIYA, TOM, ANA, CONTRACTOR);

  static final Instant START = Instant.parse("2024-11-04T09:12:00Z");
  private static final Duration SPAN = Duration.ofDays(700);

  /** How many commits change each file after it first appears; files not named change once. */
  private static final Map<String, Integer> TOUCHES =
      Map.ofEntries(
          Map.entry("invoices/models.py", 38),
          Map.entry("invoices/views.py", 30),
          Map.entry("payments/signals.py", 14),
          Map.entry("api/serializers.py", 12),
          Map.entry("reports/views.py", 10),
          Map.entry("ledgerly/settings/base.py", 9),
          Map.entry("payments/views.py", 9),
          Map.entry("notifications/tasks.py", 8),
          Map.entry("customers/views.py", 6),
          Map.entry("templates/invoices/list.html", 5),
          Map.entry("invoices/tests.py", 5),
          Map.entry("ledger/services.py", 5),
          Map.entry("ledgerly/settings/prod.py", 4),
          Map.entry("requirements.txt", 4));

  private DemoHistory() {}

  private record Touch(String file, int step, int steps, long order) {}

  /** Creates the repository in {@code repo}, whose files are already in their final state. */
  static void write(Path repo, List<String> files) throws IOException {
    Map<String, List<String>> finalLines = new LinkedHashMap<>();
    for (String f : files) {
      finalLines.put(
          f, List.of(Files.readString(repo.resolve(f), StandardCharsets.UTF_8).split("\n", -1)));
    }
    Random random = new Random(20241104L);
    List<Touch> touches = new ArrayList<>();
    for (String f : files) {
      int steps =
          TOUCHES.getOrDefault(f, f.contains("/migrations/") || f.endsWith("__init__.py") ? 0 : 1);
      for (int s = 1; s <= steps; s++) {
        long order = (long) (((double) s / steps) * 1_000_000) + random.nextInt(60_000);
        touches.add(new Touch(f, s, steps, order));
      }
    }
    touches.sort(Comparator.comparingLong(Touch::order).thenComparing(Touch::file));

    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Map<String, Integer> progress = new HashMap<>();
      files.forEach(f -> progress.put(f, 0));
      writeAll(repo, finalLines, progress);
      commit(git, MARTIN, START, "Initial import of the billing platform");
      List<List<Touch>> batches = new ArrayList<>();
      for (int i = 0; i < touches.size(); ) {
        int batch = 1 + random.nextInt(3);
        batches.add(touches.subList(i, Math.min(touches.size(), i + batch)));
        i += batch;
      }
      long spacingMinutes = SPAN.toMinutes() / batches.size();
      for (int n = 0; n < batches.size(); n++) {
        List<Touch> now = batches.get(n);
        for (Touch t : now) {
          progress.put(t.file(), t.step());
        }
        writeAll(repo, finalLines, progress);
        // A commit is led (authored and described) by the most frequently changed file in it.
        Touch lead = now.stream().max(Comparator.comparingInt(Touch::steps)).orElseThrow();
        Author author = authorFor(lead.file(), random);
        Instant when =
            START.plus(Duration.ofMinutes(spacingMinutes * (n + 1) + random.nextInt(600)));
        commit(git, author, when, message(lead, random));
      }
    } catch (GitAPIException e) {
      throw new IOException("cannot write the demo's git history: " + e.getMessage(), e);
    }
  }

  /** Writes every file as it stands at the given step of its growth (step 0: its first third). */
  private static void writeAll(
      Path repo, Map<String, List<String>> finalLines, Map<String, Integer> progress)
      throws IOException {
    for (var e : finalLines.entrySet()) {
      String file = e.getKey();
      List<String> lines = e.getValue();
      int steps =
          TOUCHES.getOrDefault(
              file, file.contains("/migrations/") || file.endsWith("__init__.py") ? 0 : 1);
      int step = progress.get(file);
      int keep =
          steps == 0 || step >= steps
              ? lines.size()
              : Math.max(1, (int) Math.ceil(lines.size() * (0.35 + 0.65 * step / (double) steps)));
      String text = String.join("\n", lines.subList(0, keep));
      if (keep < lines.size() && !text.endsWith("\n")) {
        text = text + "\n";
      }
      Files.writeString(repo.resolve(file), text, StandardCharsets.UTF_8);
    }
  }

  private static Author authorFor(String file, Random random) {
    Author owner;
    if (file.startsWith("invoices/")
        || file.startsWith("tenants/")
        || file.startsWith("ledgerly/")) {
      owner = MARTIN;
    } else if (file.startsWith("payments/")
        || file.startsWith("ledger/")
        || file.startsWith("api/")) {
      owner = PRIYA;
    } else if (file.startsWith("reports/") || file.startsWith("notifications/")) {
      owner = TOM;
    } else if (file.startsWith("deploy/")
        || file.startsWith("scripts/")
        || file.startsWith(".")
        || file.startsWith("requirements")) {
      owner = CONTRACTOR;
    } else {
      owner = ANA;
    }
    int share = owner == MARTIN ? 94 : 70;
    return random.nextInt(100) < share ? owner : ALL.get(random.nextInt(ALL.size()));
  }

  private static String message(Touch t, Random random) {
    String area = t.file().contains("/") ? t.file().substring(0, t.file().indexOf('/')) : "repo";
    String[] verbs = {
      "Fix", "Tweak", "Handle", "Support", "Refactor", "Hotfix:", "Adjust", "Speed up"
    };
    String[] what = {
      "rounding in totals",
      "dunning edge case",
      "EU VAT reverse charge",
      "tenant lookup",
      "CSV export columns",
      "overdue report",
      "webhook retries",
      "credit notes",
      "timezone bug",
      "monthly report",
      "customer search",
      "payment matching"
    };
    return area
        + ": "
        + verbs[random.nextInt(verbs.length)]
        + " "
        + what[random.nextInt(what.length)]
        + " (#"
        + (100 + t.order() % 900)
        + ")";
  }

  private static void commit(Git git, Author author, Instant when, String message)
      throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent ident = new PersonIdent(author.name(), author.email(), when, ZoneOffset.UTC);
    git.commit()
        .setAuthor(ident)
        .setCommitter(ident)
        .setMessage(message)
        .setSign(false)
        .setAllowEmpty(true)
        .call();
  }
}
