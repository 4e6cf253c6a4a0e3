package dev.auditworkbench.engine.report;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The auditor's Markdown notes as HTML (CommonMark), for the board's preview and the report. Raw HTML
 * in the notes is escaped, not passed through, and link targets are sanitised: notes are text the
 * auditor typed, often with pasted client output, never markup to trust.
 */
public final class Markdown {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
      .softbreak("<br />").build();

  private Markdown() {}

  public static String html(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    return RENDERER.render(PARSER.parse(markdown));
  }
}
