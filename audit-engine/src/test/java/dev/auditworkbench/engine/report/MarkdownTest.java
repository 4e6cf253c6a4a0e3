package dev.auditworkbench.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownTest {
  @Test
  void rendersCommonMark() {
    assertEquals(
        "<p>Checked with the client: <em>real</em> issue, see <code>orders/views.py</code>.</p>\n",
        Markdown.html("Checked with the client: *real* issue, see `orders/views.py`."));
    assertTrue(Markdown.html("- one\n- two").contains("<li>one</li>"));
    assertEquals("", Markdown.html("  "));
    assertEquals("", Markdown.html(null));
  }

  @Test
  void rawHtmlIsEscapedAndScriptLinksAreDropped() {
    String html =
        Markdown.html(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=y>");
    assertFalse(html.contains("<script>"), html);
    assertTrue(html.contains("&lt;script&gt;"), html);
    assertFalse(html.contains("javascript:"), html);
    assertFalse(html.contains("<img"), html);
  }

  @Test
  void imagesBecomeTextAndOnlyWebAndMailLinksAreKept() {
    String html =
        Markdown.html(
            "![shot](https://files.example/s.png) [a](https://x.example/) [m](mailto:a@b.example)"
                + " [d](data:text/html;base64,PHNjcmlwdD4=) [f](file:///etc/passwd) [r](#section)");
    assertFalse(html.contains("<img"), html);
    assertTrue(html.contains("[image: shot] https://files.example/s.png"), html);
    assertTrue(html.contains("href=\"https://x.example/\""), html);
    assertTrue(html.contains("href=\"mailto:a@b.example\""), html);
    assertFalse(html.contains("data:"), html);
    assertFalse(html.contains("file:"), html);
    assertTrue(html.contains("href=\"#section\""), html);
  }
}
