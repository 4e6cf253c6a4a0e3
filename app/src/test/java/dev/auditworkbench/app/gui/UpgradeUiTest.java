package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.views.upgrade.UpgradeViewModel.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Upgrade page, on a project window whose repository is a small Django 3.2 project. */
class UpgradeUiTest extends ProjectWindowUiTest {
  /** A key the secret detector knows (the demo's planted AWS key id). */
  private static final String KEY = "AKIAQ4NGX7DEMO5LEDGR";

  @Start
  void start(Stage stage) throws Exception {
    open(stage); // TestFX looks for @Start on the test class itself
  }

  @Test
  @Tag("upgrade")
  void upgradePageListsEachHopsBlockersOpensTheirCodeAndPlansToAnotherTarget(FxRobot robot)
      throws Exception {
    robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT7);
    waitUntil(() -> robot.lookup("#upgrade-view").tryQuery().map(Node::isVisible).orElse(false));
    Label empty = robot.lookup("#upgrade-empty").queryAs(Label.class);
    waitUntil(() -> empty.getText().startsWith("No upgrade path"));

    Files.writeString(repo.resolve("requirements.txt"), "Django==3.2.25\ncelery==4.4.7\n");
    Files.writeString(repo.resolve("Dockerfile"), "FROM python:3.8-slim\n");
    Files.createDirectories(repo.resolve("shop"));
    Files.writeString(repo.resolve("shop/__init__.py"), "");
    Files.writeString(
        repo.resolve("shop/urls.py"),
        String.join(
            "\n",
            "from django.conf.urls import url",
            "from django.utils.translation import ugettext_lazy as _",
            "from shop import views",
            "",
            "urlpatterns = [",
            "    url(r'^$', views.home),",
            "    url(r'^hook/$', views.hook, {'key': '" + KEY + "'}),",
            "]",
            ""));
    Files.writeString(
        repo.resolve("shop/views.py"),
        "def home(request):\n    pass\n\n\ndef hook(request, key):\n    pass\n");
    robot.push(KeyCode.SHORTCUT, KeyCode.R);

    Label summary = robot.lookup("#upgrade-summary").queryAs(Label.class);
    waitUntil(() -> summary.getText().startsWith("Django 3.2.25 \u2192 4.2 \u2192 5.2"));
    assertTrue(summary.getText().contains("Python 3.8"), summary.getText());
    @SuppressWarnings("unchecked")
    TreeView<Entry> outline = robot.lookup("#upgrade-outline").queryAs(TreeView.class);
    List<TreeItem<Entry>> steps = outline.getRoot().getChildren();
    assertEquals(2, steps.size());
    assertTrue(steps.get(0).getValue().text().startsWith("Step 1: Django 3.2 \u2192 4.2"));
    // The four parts in the order to work on them; the hop to 4.2 drops url() and ugettext_lazy.
    List<String> parts = steps.get(0).getChildren().stream().map(i -> i.getValue().text()).toList();
    assertEquals(4, parts.size(), parts.toString());
    assertTrue(parts.get(0).startsWith("1. Packages"), parts.toString());
    assertEquals("2. Python: 3.8, no move", parts.get(1));
    assertEquals("3. Removed Django APIs: 4 places", parts.get(2));
    assertEquals("4. Behaviour changes to test: none found", parts.get(3));
    // Celery 4 does not run on the Python that Django 5.2 needs.
    String step2 = texts(steps.get(1)).toString();
    assertTrue(step2.contains("2. Python: 3.8 \u2192 3.12"), step2);
    assertTrue(step2.contains("celery 4.4.7 -> 5.2.0 or later"), step2);

    // Each place is a line of the outline; selecting it quotes the code, the secret masked.
    TreeItem<Entry> hook =
        find(outline.getRoot(), e -> e.text().startsWith("shop/urls.py:7")).orElseThrow();
    assertFalse(hook.getValue().text().contains(KEY), hook.getValue().text());
    robot.interact(
        () -> {
          expandTo(hook);
          outline.getSelectionModel().select(hook);
        });
    CodeArea code = robot.lookup("#upgrade-code").queryAs(CodeArea.class);
    waitUntil(() -> code.getText().contains("url(r'^hook/$'"));
    assertFalse(code.getText().contains(KEY), code.getText());
    assertEquals(List.of("marked"), code.getParagraph(6).getParagraphStyle(), "line 7 is marked");
    Label detail = robot.lookup("#upgrade-detail").queryAs(Label.class);
    assertTrue(detail.getText().contains("Instead:"), detail.getText());

    // Another target: one hop to 4.2, chosen from the later releases.
    @SuppressWarnings("unchecked")
    ComboBox<String> target = robot.lookup("#upgrade-target").queryAs(ComboBox.class);
    assertTrue(target.getItems().containsAll(List.of("4.0", "4.2", "5.2", "6.0")));
    robot.interact(() -> target.setValue("4.2"));
    waitUntil(() -> summary.getText().startsWith("Django 3.2.25 \u2192 4.2  "));
    assertEquals(1, outline.getRoot().getChildren().size() - laterEntries(outline));

    // The plan exports as the text `workbench upgrade` prints.
    Path out = Files.createTempDirectory(dir, "upgrade");
    dialogs.exportTo = out;
    robot.clickOn("#upgrade-export");
    waitUntil(() -> Files.exists(out.resolve("upgrade-plan.txt")));
    String text = Files.readString(out.resolve("upgrade-plan.txt"));
    assertTrue(text.startsWith("Upgrade path: Django 3.2.25 (requirements.txt:1) -> 4.2"), text);
    assertFalse(text.contains(KEY));
  }

  private static long laterEntries(TreeView<Entry> outline) {
    return outline.getRoot().getChildren().stream()
        .filter(i -> i.getValue().text().startsWith("After Django"))
        .count();
  }

  private static List<String> texts(TreeItem<Entry> item) {
    List<String> out = new ArrayList<>();
    out.add(item.getValue().text());
    item.getChildren().forEach(c -> out.addAll(texts(c)));
    return out;
  }

  private static java.util.Optional<TreeItem<Entry>> find(
      TreeItem<Entry> item, java.util.function.Predicate<Entry> match) {
    if (item.getValue() != null && match.test(item.getValue())) {
      return java.util.Optional.of(item);
    }
    for (TreeItem<Entry> c : item.getChildren()) {
      var found = find(c, match);
      if (found.isPresent()) {
        return found;
      }
    }
    return java.util.Optional.empty();
  }

  private static void expandTo(TreeItem<Entry> item) {
    for (TreeItem<Entry> p = item.getParent(); p != null; p = p.getParent()) {
      p.setExpanded(true);
    }
  }
}
