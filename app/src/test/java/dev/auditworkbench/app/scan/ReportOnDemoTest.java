package dev.auditworkbench.app.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.app.demo.DemoProject;
import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.report.IssueTrackerCsv;
import dev.auditworkbench.engine.report.ReportJson;
import dev.auditworkbench.engine.report.ReportModel;
import dev.auditworkbench.engine.report.ReportRenderer;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.FindingRepository;
import dev.auditworkbench.engine.store.ProjectRepository;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.triage.TriageEdit;
import dev.auditworkbench.engine.triage.TriageService;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF report of the demo project: its sections, findings and figures, escaped and masked. */
class ReportOnDemoTest {
  private static final String SCRIPT =
      "<script>alert('x')</script><img src=\"http://evil.example/x.png\"/>";
  @TempDir static Path dir;

  /** The auditor's Markdown, with pasted markup that must stay text. */
  static final String NOTE =
      "Confirmed with **Anna**:\n\n- reachable from `/admin/`\n\n<img src=x onerror=alert(1)>";

  static ProjectStore store;
  static ReportModel model;
  static String html;
  static String pdfText;
  static int pages;
  static String keywords;
  static List<PdfLayout.Word> words;

  @BeforeAll
  static void report() throws Exception {
    DemoProject.Created demo =
        DemoProject.create(dir.resolve("demo.audit"), false, ProgressListener.NONE);
    store = ProjectStore.open(demo.project());
    // A bandit report whose message carries markup, as a hostile repository could make a tool print
    // (under a test id of its own, so the finding is not merged into the scan's mark_safe finding).
    Path hostile = dir.resolve("bandit-hostile.json");
    Files.writeString(
        hostile,
        Files.readString(demo.captures().resolve("scans/bandit.json"))
            .replace("Potential XSS on mark_safe function.", SCRIPT.replace("\"", "\\\""))
            .replace("\"test_id\": \"B703\"", "\"test_id\": \"B999\""));
    new ImportService(store, ImporterRegistry.load(), Clock.systemUTC())
        .importFile(hostile, null, ProgressListener.NONE);
    TriageService triage = new TriageService(store, Clock.systemUTC());
    for (Finding f : findings()) {
      if (!f.gone()
          && (f.severity() == Severity.CRITICAL
              || f.severity() == Severity.HIGH
              || f.title().contains("<script>"))) {
        triage.apply(
            f.id(),
            new TriageEdit(
                Status.IN_REPORT, null, null, null, f.title().contains("<script>") ? NOTE : null),
            "test");
      }
    }
    model = store.read(c -> ReportModel.of(c, Instant.parse("2026-11-24T12:00:00Z")));
    html = new ReportRenderer(null).html(model);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    ReportRenderer.pdf(html, pdf);
    try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
      pages = doc.getNumberOfPages();
      keywords = doc.getDocumentInformation().getKeywords();
      pdfText = new PDFTextStripper().getText(doc);
      words = PdfLayout.words(doc);
    }
  }

  private static List<Finding> findings() throws Exception {
    return store.read(
        c -> {
          try (FindingRepository r = new FindingRepository(c)) {
            return r.all();
          }
        });
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void thePdfHasEverySectionAndTheFiguresOfTheModel() {
    // D-OUT-1..3: the checkout's wait measured in its traces, then the calls the code makes on the
    // routes' paths (the checkout's confirmed, without a timeout); notifications/tasks.py's mail,
    // sent off the request path, is not there.
    assertEquals(
        List.of(
            "/payments/checkout/<int:pk>/ | api.paylane.example | traces: 94% of the route's"
                + " time, p95 558 ms a call | payments/checkout.py:12",
            "/payments/checkout/<int:pk>/ | requests.post | code, no timeout, confirmed by the"
                + " traces | payments/gateway.py:8",
            "/invoices/<int:pk>/remind/ | django.core.mail.send_mail | code | invoices/views.py:83",
            "/invoices/bulk/ | django.core.mail.send_mail | code | invoices/views.py:183"),
        model.performance().outsideCalls().stream()
            .map(o -> o.route() + " | " + o.target() + " | " + o.evidence() + " | " + o.where())
            .toList());
    for (String section :
        List.of(
            "Contents",
            "1. Executive summary",
            "Scorecard",
            "The ten quick wins",
            "2. Impact vs effort",
            "3. Roadmap",
            "Stop the bleeding",
            "4. Seam map",
            "5. Performance",
            "Slowest routes",
            "N+1 queries",
            "Index suggestions",
            "Requests waiting on outside services",
            "6. Security (OWASP Top 10 2021)",
            "7. Dependencies",
            "8. Findings in detail",
            "Appendix: inputs and method",
            "Method",
            "Django inventory",
            "Glossary")) {
      assertTrue(pdfText.contains(section), section);
    }
    assertTrue(pages >= 10, "pages: " + pages);
    assertTrue(pdfText.contains(model.summary().paragraph().substring(0, 40)));
    assertTrue(
        pdfText.contains(model.summary().open() + "\nopen findings")
            || pdfText.contains(model.summary().open() + " open findings"),
        "the open count");
    assertTrue(
        pdfText
            .replace("\n", " ")
            .contains("CREATE INDEX CONCURRENTLY invoices_invoice_external_ref_idx ON"));
    assertTrue(pdfText.contains("A03:2021 Injection"));
    assertTrue(
        pdfText
            .replace("\n", " ")
            .contains("N+1 on GET /invoices/ (static + runtime): 100 x customers.models.Customer"));
    String joined = pdfText.replace("\n", "");
    model.inputs().forEach(i -> assertTrue(joined.contains(i.fileName()), i.fileName()));
    // Each input's warnings are listed with it (bandit could not parse the Python 2 script).
    assertTrue(
        joined.contains("bandit could not scan ./scripts/legacy_import.py"),
        "input warnings in the appendix");
    assertEquals(
        model.summary().inReport(),
        model.sections().stream().mapToInt(s -> s.findings().size()).sum());
    // Each detailed finding in the repository quotes its code, its lines marked.
    ReportModel.FindingView list =
        model.sections().stream()
            .flatMap(s -> s.findings().stream())
            .filter(
                f ->
                    f.title()
                        .equals(
                            "N+1 on GET /invoices/ (static + runtime): 100 x customers.models.Customer (customers_customer) per request"))
            .findFirst()
            .orElseThrow();
    assertTrue(list.excerpt().contains(">  17  def invoice_list(request):"), list.excerpt());
    assertTrue(pdfText.contains(">  17  def invoice_list(request):"));
    assertTrue(model.upgradePath().contains("3.2"), model.upgradePath());
    // The roadmap names the cluster to strangle first and ranks the candidates (the figures are
    // recomputed from the access log and the checkout's traces in SeamsCommandTest).
    assertTrue(
        joined.contains("Strangle first: ledger, payments, 27% of traffic, cut cost 9 imports."),
        () ->
            joined.substring(
                Math.max(0, joined.indexOf("Strangle first")),
                Math.min(joined.length(), Math.max(0, joined.indexOf("Strangle first")) + 120)));
    assertTrue(pdfText.contains("Strangler-fig candidates"));
    assertEquals("ledger, payments", model.strangler().rows().get(0).apps());
  }

  @Test
  void auditorsMarkdownNotesAreFormattedAndTheirMarkupStaysText() {
    assertTrue(html.contains("<p>Confirmed with <strong>Anna</strong>:</p>"), "emphasis rendered");
    assertTrue(
        html.contains("<li>reachable from <code>/admin/</code></li>"), "list and code rendered");
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "pasted HTML escaped");
    assertFalse(html.contains("<img src=x"), "never passed through");
    assertTrue(pdfText.contains("<img src=x onerror=alert(1)>"), "printed as text");
  }

  @Test
  void thePdfCarriesTheSha256OfItsContentModelAsExportedInJson() throws Exception {
    byte[] json = ReportJson.bytes(model);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    assertEquals("content-sha256:" + sha, keywords);
    assertTrue(pdfText.replace("\n", "").contains(sha), "printed in the appendix");
  }

  @Test
  void markupFromAToolIsTextAndSecretsStayMasked() throws Exception {
    assertFalse(html.contains("<script>"), "escaped in the HTML");
    assertTrue(html.contains("&lt;script&gt;alert("));
    assertFalse(
        html.contains("<img src=\"http://evil.example"),
        "no image tag from a tool reaches the page");
    assertTrue(pdfText.contains("<script>alert('x')</script>"), "shown as text in the PDF");
    String settings = Files.readString(dir.resolve("demo-repo/ledgerly/settings/prod.py"));
    String secret =
        settings
            .lines()
            .filter(l -> l.startsWith("AWS_SECRET_ACCESS_KEY"))
            .findFirst()
            .orElseThrow()
            .replaceAll(".*\"(.*)\".*", "$1");
    assertTrue(secret.length() > 20);
    assertFalse(pdfText.contains(secret), "the secret is masked in the report");
    assertFalse(html.contains(secret));
    StringWriter csv = new StringWriter();
    IssueTrackerCsv.write(model, csv);
    assertFalse(csv.toString().contains(secret));
    assertTrue(csv.toString().startsWith("Summary,Description,Priority,Labels,Reference\r\n"));
    assertTrue(csv.toString().contains(",Highest,") || csv.toString().contains(",High,"));
  }

  @Test
  void aProjectCanUseItsOwnTemplateFolder() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("our-template"));
    Files.writeString(
        folder.resolve("report.html"),
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
            + "<h1>{{ model.meta.client }}</h1>{% for s in model.sections %}<p>{{ s.findings[0].title }}</p>{% endfor %}</body></html>");
    store.write(
        c -> {
          new ProjectRepository(c).put(ReportRenderer.TEMPLATE_SETTING, folder.toString());
          return null;
        });
    Path chosen = store.read(c -> ReportRenderer.projectTemplate(new ProjectRepository(c).all()));
    assertEquals(folder, chosen);
    String custom = new ReportRenderer(chosen).html(model);
    assertTrue(
        custom.startsWith(
            "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h1>Ledgerly Ltd (demo)</h1>"),
        custom);
    assertFalse(custom.contains("<script>"), "a custom template escapes too");
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    ReportRenderer.pdf(custom, pdf);
    assertTrue(pdf.size() > 1000);
    store.write(
        c -> {
          new ProjectRepository(c).put(ReportRenderer.TEMPLATE_SETTING, "");
          return null;
        });
  }

  /** Proper prefixes of the severity badges: a badge wrapped inside its cell ("MEDI" / "UM"). */
  private static final java.util.Set<String> BADGE_PIECES =
      java.util.stream.Stream.of("CRITICAL", "MEDIUM", "HIGH", "INFO")
          .flatMap(
              w -> java.util.stream.IntStream.range(2, w.length()).mapToObj(n -> w.substring(0, n)))
          .collect(java.util.stream.Collectors.toSet());

  @Test
  void noChapterHeadingIsLeftAtThePageFootWithoutItsContent() {
    // A chapter's number in its heading ("6." at 20 pt); the body text below it on its page, the
    // footer in the bottom margin (below 275 mm of A4's 297) left out, must reach at least 25 mm
    // further down.
    // The matrix (2.) and the seam map (4.) are vector drawings, no words to measure: the template
    // keeps each heading and its chart in one block instead (checked here: the words of the chart's
    // introduction share the heading's page).
    List<PdfLayout.Word> headings =
        words.stream()
            .filter(w -> w.size() >= 18 && w.text().matches("\\d\\."))
            .filter(w -> !w.text().equals("2.") && !w.text().equals("4."))
            .toList();
    assertTrue(headings.size() >= 5, "chapter headings found: " + headings.size());
    for (String chart : List.of("2.", "4.")) {
      PdfLayout.Word h =
          words.stream()
              .filter(w -> w.size() >= 18 && w.text().equals(chart))
              .findFirst()
              .orElseThrow();
      assertTrue(
          words.stream()
              .anyMatch(
                  w ->
                      w.page() == h.page()
                          && w.y() > h.y()
                          && (w.text().equals("log") || w.text().equals("mutual"))),
          "chapter " + chart + " has its chart's caption on its page " + h.page());
    }
    for (PdfLayout.Word h : headings) {
      double below =
          words.stream()
              .filter(w -> w.page() == h.page() && w.y() > h.y() && w.y() < 275 / 25.4 * 72)
              .mapToDouble(w -> w.y() - h.y())
              .max()
              .orElse(0);
      assertTrue(
          below >= 25 / 25.4 * 72,
          "chapter " + h.text() + " on page " + h.page() + " has " + below + " pt below it");
    }
  }

  @Test
  void noBadgeOrNumberIsSplitAcrossLines() {
    assertTrue(words.size() > 5000, "words read from the PDF: " + words.size());
    for (int i = 0; i < words.size(); i++) {
      PdfLayout.Word w = words.get(i);
      // A piece with the rest of its badge just below it, within its width ("MEDI" over "UM"); a
      // piece alone is a
      // word of the text (SQL's IN).
      boolean wrapped =
          BADGE_PIECES.contains(w.text())
              && words.stream()
                  .anyMatch(
                      o ->
                          o.page() == w.page()
                              && o.x() >= w.x() - 3
                              && o.endX() <= w.endX() + 3
                              && o.y() > w.y()
                              && o.y() - w.y() < 2.5 * w.size()
                              && java.util.stream.Stream.of("CRITICAL", "MEDIUM", "HIGH", "INFO")
                                  .anyMatch(b -> b.equals(w.text() + o.text())));
      assertFalse(wrapped, "a severity badge wrapped on page " + w.page() + ": " + w.text());
      // A unit ("weeks", "h") must sit beside its number on the same line, never alone below it.
      if (w.text().equals("weeks") || w.text().equals("week") || w.text().equals("h")) {
        PdfLayout.Word left =
            words.stream()
                .filter(
                    o ->
                        o.page() == w.page()
                            && Math.abs(o.y() - w.y()) < 1
                            && o.endX() <= w.x() + 0.5)
                .max(java.util.Comparator.comparingDouble(PdfLayout.Word::endX))
                .orElse(null);
        assertTrue(
            left != null && left.text().matches("[0-9][0-9.,]*") && w.x() - left.endX() < 8,
            "'"
                + w.text()
                + "' without its number on page "
                + w.page()
                + " (left of it: "
                + left
                + ")");
      }
    }
  }

  /** The words of the report's table headers (from the HTML laid out). */
  private static final java.util.Set<String> TABLE_HEADER_WORDS = new java.util.HashSet<>();

  @Test
  void noHeadingStandsAloneAtTheFootOfAPage() {
    var th = java.util.regex.Pattern.compile("<th[^>]*>([^<]*)</th>").matcher(html);
    while (th.find()) {
      TABLE_HEADER_WORDS.addAll(List.of(th.group(1).trim().split("\\s+")));
    }
    TABLE_HEADER_WORDS.remove("");
    assertTrue(TABLE_HEADER_WORDS.contains("Cluster"), TABLE_HEADER_WORDS.toString());
    int lastPage = words.stream().mapToInt(PdfLayout.Word::page).max().orElse(0);
    for (int page = 2; page <= lastPage; page++) {
      int p = page;
      // The running header and footer sit in the page margins (22 mm at the top, 20 mm at the foot
      // of
      // an A4 page of 842 pt); headings are 13 pt and up.
      List<PdfLayout.Word> body =
          words.stream().filter(w -> w.page() == p && w.y() > 62 && w.y() < 785).toList();
      if (body.isEmpty()) {
        continue;
      }
      float lowest = (float) body.stream().mapToDouble(PdfLayout.Word::y).max().orElse(0);
      List<PdfLayout.Word> lastLine =
          body.stream().filter(w -> Math.abs(w.y() - lowest) < 1).toList();
      assertFalse(
          !lastLine.isEmpty()
              && lastLine.stream().allMatch(w -> TABLE_HEADER_WORDS.contains(w.text())),
          "page "
              + p
              + " ends with a table's header alone: "
              + lastLine.stream().map(PdfLayout.Word::text).toList());
      assertTrue(
          lastLine.stream().allMatch(w -> w.size() < 12.5f),
          "page "
              + p
              + " ends with a heading: "
              + lastLine.stream().map(PdfLayout.Word::text).toList());
    }
  }

  @Test
  void theClientTextNamesNoInternalStatusesNorCutsTitles() {
    int afterContents = pdfText.indexOf("Appendix: inputs and method");
    int start = pdfText.indexOf("1. Executive summary", afterContents);
    String summaryToRoadmap = pdfText.substring(start, pdfText.indexOf("4. Seam map", start));
    // Workflow words of the tool (statuses, rule keys) and cut titles have no place in client text.
    for (String pattern :
        List.of(
            "(?i)\\binbox\\b",
            "(?i)\\bin report\\b",
            "(?i)\\buntriaged\\b",
            "\\bpylint\\.",
            "\\btenancy\\.",
            "\\.\\.\\.")) {
      var m = java.util.regex.Pattern.compile(pattern).matcher(summaryToRoadmap);
      assertFalse(
          m.find(),
          "client text holds '"
              + (m.hitEnd()
                  ? ""
                  : summaryToRoadmap.substring(
                      Math.max(0, m.start() - 40),
                      Math.min(summaryToRoadmap.length(), m.end() + 40)))
              + "'");
    }
    assertTrue(pdfText.contains("informational"), "the info notes are counted apart");
  }

  @Test
  void sqlIsCutAndWrappedOnlyBetweenTokensAndNumbersReadOneWay() {
    int start = pdfText.indexOf("Statements by total time");
    String statements = pdfText.substring(start, pdfText.indexOf("Index suggestions", start));
    for (String line : statements.split("\\R")) {
      String t = line.strip();
      // "invoices_invoice"."status" is never split after its dot, nor cut inside a name.
      assertFalse(t.endsWith(".\"") || t.endsWith("::"), "SQL wrapped inside a token: " + t);
      assertFalse(t.matches(".*\\w\\.\\.\\.$"), "SQL cut inside a name: " + t);
    }
    // Counts with thousands separators wherever they are written.
    assertTrue(statements.contains("8,145"), "calls counted as 8,145");
    assertFalse(statements.matches("(?s).*\\b8145\\b.*"));
    // No column that is empty on every row: the demo's routes changed level on no day.
    assertTrue(model.performance().routes().stream().allMatch(r -> r.changedOn() == null));
    assertFalse(pdfText.contains("p95 changed"));
  }

  @Test
  void theDatabaseCountsOpenFindingsAsTheFindingsThemselvesSay() throws Exception {
    List<Finding> all = findings();
    var tally = store.read(c -> new FindingRepository(c).tally());
    assertEquals(all.size(), tally.all());
    assertEquals(all.stream().filter(Finding::counted).count(), tally.counted());
    for (Severity s : Severity.values()) {
      assertEquals(
          all.stream().filter(f -> f.counted() && f.severity() == s).count(),
          (long) tally.bySeverity().getOrDefault(s, 0),
          s.name());
    }
    // Some are left out on the demo (dismissed, gone or untriaged low-confidence), so the filter
    // is tested, not only the count.
    assertTrue(tally.counted() < tally.all(), tally.toString());
    assertEquals(model.summary().open() + model.summary().info(), tally.counted());
  }
}
