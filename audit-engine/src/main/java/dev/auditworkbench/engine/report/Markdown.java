package dev.auditworkbench.engine.report;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * The auditor's Markdown notes as HTML (CommonMark), for the board's preview and the report. Raw
 * HTML in the notes is escaped, not passed through, and link targets are sanitised: notes are text
 * the auditor typed, often with pasted client output, never markup to trust. Nothing in a note
 * makes a viewer load anything: images become their text and address (a preview that fetched {@code
 * ![x](http://...)} would be the app's network connection), and only http, https and mailto links
 * are kept, so no {@code data:} or {@code javascript:} target reaches a page.
 */
public final class Markdown {
  private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .urlSanitizer(new Links())
          .nodeRendererFactory(ImageAsText::new)
          .softbreak("<br />")
          .build();

  private Markdown() {}

  public static String html(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    return RENDERER.render(PARSER.parse(markdown));
  }

  /** Keeps links to http, https and mailto and relative links; drops every other scheme. */
  private static final class Links implements UrlSanitizer {
    @Override
    public String sanitizeLinkUrl(String url) {
      String u = url.strip();
      int colon = u.indexOf(':');
      int slash = u.indexOf('/');
      boolean hasScheme = colon > 0 && (slash < 0 || colon < slash);
      if (!hasScheme) {
        return u;
      }
      return LINK_SCHEMES.contains(u.substring(0, colon).toLowerCase(Locale.ROOT)) ? u : "";
    }

    @Override
    public String sanitizeImageUrl(String url) {
      return ""; // never rendered as an image: see ImageAsText
    }
  }

  /** An image written as "[image: alt] address", as text: a note never loads a picture. */
  private static final class ImageAsText implements NodeRenderer {
    private final HtmlWriter html;

    ImageAsText(HtmlNodeRendererContext context) {
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Image.class);
    }

    @Override
    public void render(Node node) {
      Image image = (Image) node;
      StringBuilder alt = new StringBuilder();
      for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
        if (child instanceof Text t) {
          alt.append(t.getLiteral());
        }
      }
      html.tag("span", Map.of("class", "note-image"));
      html.text(
          "[image: " + (alt.length() == 0 ? "untitled" : alt) + "] " + image.getDestination());
      html.tag("/span");
    }
  }
}
