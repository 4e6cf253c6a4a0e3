package dev.auditworkbench.views.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.views.common.CodeText.Language;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.junit.jupiter.api.Test;

class CodeTextTest {
  /** The highlighted pieces as "kind:text", leaving out unstyled text. */
  private static List<String> tokens(String text, Language language) {
    List<String> out = new ArrayList<>();
    int at = 0;
    for (StyleSpan<Collection<String>> span : CodeText.highlight(text, language)) {
      if (!span.getStyle().isEmpty()) {
        out.add(
            span.getStyle().iterator().next().substring(5)
                + ":"
                + text.substring(at, at + span.getLength()));
      }
      at += span.getLength();
    }
    assertEquals(text.length(), at, "spans cover the text exactly");
    return out;
  }

  @Test
  void python() {
    String code =
        "@login_required\ndef detail(request, pk):  # the N+1\n    q = \"SELECT * FROM x WHERE id=%s\" % pk\n"
            + "    return '''a\n# not a comment'''\n";
    assertEquals(
        List.of(
            "decorator:@login_required",
            "keyword:def",
            "comment:# the N+1",
            "string:\"SELECT * FROM x WHERE id=%s\"",
            "keyword:return",
            "string:'''a\n# not a comment'''"),
        tokens(code, Language.PYTHON));
  }

  @Test
  void djangoTemplate() {
    String code =
        "{# list #}<ul>{% for o in orders %}<li>{{ o.customer.name|safe }}</li>{% endfor %}</ul>";
    assertEquals(
        List.of(
            "comment:{# list #}",
            "markup:<ul",
            "tag:{% for o in orders %}",
            "markup:<li",
            "variable:{{ o.customer.name|safe }}",
            "markup:</li",
            "tag:{% endfor %}",
            "markup:</ul"),
        tokens(code, Language.TEMPLATE));
  }

  @Test
  void sqlAndPlainAndUnterminatedInput() {
    assertEquals(
        List.of("keyword:SELECT", "number:1", "comment:-- x"),
        tokens("SELECT 1 -- x", Language.SQL));
    assertEquals(List.of(), tokens("def x(): pass", Language.PLAIN));
    assertEquals(List.of("string:\"unterminated"), tokens("x = \"unterminated", Language.PYTHON));
  }

  @Test
  void languageByFileName() {
    assertEquals(Language.PYTHON, CodeText.languageOf("shop/views.py"));
    assertEquals(Language.TEMPLATE, CodeText.languageOf("shop/templates/shop/order_list.html"));
    assertEquals(Language.TEMPLATE, CodeText.languageOf("shop/templates/emails/receipt.txt"));
    assertEquals(Language.PLAIN, CodeText.languageOf("README.txt"));
    assertEquals(Language.SQL, CodeText.languageOf("db/migrate.sql"));
    assertEquals(Language.PLAIN, CodeText.languageOf(null));
  }
}
