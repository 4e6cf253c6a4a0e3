package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Status;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.BoardRepository;
import dev.auditworkbench.views.board.BoardView;
import dev.auditworkbench.views.shell.MainWindow;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.event.ActionEvent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.eclipse.jgit.api.Git;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The triage board, on a project window. */
class BoardUiTest extends ProjectWindowUiTest {
  @Start
  void start(Stage stage) throws Exception {
    open(stage); // TestFX looks for @Start on the test class itself
  }

  @Test
  @Tag("board")
  void boardMovesCardsByKeyboardAndDropSavesThemAndUndoes(FxRobot robot) throws Exception {
    robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT3);
    @SuppressWarnings("unchecked")
    ListView<Finding> inbox = robot.lookup("#board-inbox").queryAs(ListView.class);
    @SuppressWarnings("unchecked")
    ListView<Finding> confirmed = robot.lookup("#board-confirmed").queryAs(ListView.class);
    int total = expectedCount("test_id", "B");
    waitUntil(() -> inbox.getItems().size() == total);
    Label header = robot.lookup("#board-header-inbox").queryAs(Label.class);
    assertTrue(
        header.getText().matches("Inbox  " + total + "\\R[0-9,]+ h of work"), header.getText());

    // Keyboard: Alt+2 moves the selected card to Confirmed, saved at once.
    var first = inbox.getItems().get(0);
    robot.interact(
        () -> {
          inbox.requestFocus();
          inbox.getSelectionModel().clearAndSelect(0);
        });
    robot.press(KeyCode.ALT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.ALT);
    waitUntil(
        () -> stored(first.id()).status() == Status.CONFIRMED && confirmed.getItems().size() == 1);

    // Undo puts it back.
    robot.clickOn("#tool-undo");
    waitUntil(
        () ->
            stored(first.id()).status() == Status.INBOX
                && confirmed.getItems().isEmpty()
                && inbox.getItems().size() == total);

    // Drop a card on Dismissed (the drop handler's path; the OS gesture itself is not available
    // headless):
    // the reason is asked, then saved.
    var dragged = inbox.getItems().get(1);
    var board = robot.lookup("#board-view").queryAs(BoardView.class);
    robot.interact(() -> board.drop(List.of(dragged.id()), Status.DISMISSED));
    waitUntil(() -> stored(dragged.id()).status() == Status.DISMISSED);
    assertEquals(DismissReason.FALSE_POSITIVE, stored(dragged.id()).dismissReason());
    // A second card dismissed for another reason; reordering the two within Dismissed keeps both
    // reasons.
    var other = inbox.getItems().get(1);
    dialogs.dismissReason = DismissReason.ACCEPTED_RISK;
    robot.interact(() -> board.drop(List.of(other.id()), Status.DISMISSED));
    waitUntil(() -> stored(other.id()).dismissReason() == DismissReason.ACCEPTED_RISK);
    dialogs.dismissReason = null; // a reorder must not ask
    robot.interact(() -> board.drop(List.of(other.id()), Status.DISMISSED, dragged.id()));
    waitUntil(
        () ->
            store
                    .read(c -> new BoardRepository(c).ranks())
                    .getOrDefault(stored(other.id()).fingerprint(), -1)
                == 0);
    assertEquals(DismissReason.ACCEPTED_RISK, stored(other.id()).dismissReason());
    assertEquals(DismissReason.FALSE_POSITIVE, stored(dragged.id()).dismissReason());
    dialogs.dismissReason = DismissReason.FALSE_POSITIVE;

    // The detail pane: evidence of the selected card, notes saved at once, the change in its
    // history.
    var card = inbox.getItems().get(0);
    robot.interact(() -> inbox.getSelectionModel().clearAndSelect(0));
    Label title = robot.lookup("#board-detail-title").queryAs(Label.class);
    waitUntil(() -> title.getText().startsWith(card.title()));
    // what it means and what to do, as the report prints it
    Label description = robot.lookup("#board-description").queryAs(Label.class);
    assertEquals(stored(card.id()).description(), description.getText());
    assertTrue(!description.getText().isBlank(), "the card's finding has a description");
    TextArea notes = robot.lookup("#board-notes").queryAs(TextArea.class);
    robot.interact(() -> notes.setText("Checked with the client: *real* issue."));
    robot.clickOn("#board-save-notes");
    waitUntil(() -> "Checked with the client: *real* issue.".equals(stored(card.id()).notes()));
    robot.interact(
        () -> {
          inbox.getSelectionModel().clearSelection();
          inbox.getSelectionModel().select(card);
        });
    @SuppressWarnings("unchecked")
    ListView<String> history = robot.lookup("#board-history").queryAs(ListView.class);
    waitUntil(() -> history.getItems().stream().anyMatch(h -> h.contains("notes")));
  }

  @Test
  @Tag("board")
  void boardDetailShowsHighlightedCodeAtTheScannedCommitEditsUndoReordersMergesAndLanes(
      FxRobot robot) throws Exception {
    // A repo whose scanned commit holds the risky line; the working tree changed since.
    String committed =
        "from django.db import connection\n\n\ndef order(request, pk):\n    with connection.cursor() as c:\n"
            + "        c.execute(\"SELECT * FROM shop_order WHERE id = %s\" % pk)\n        return c.fetchone()\n";
    Files.createDirectories(repo.resolve("shop"));
    Files.writeString(repo.resolve("shop/__init__.py"), "");
    Files.writeString(repo.resolve("shop/views.py"), committed);
    try (var git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("client code")
          .setSign(false)
          .setAuthor("a", "a@example.com")
          .setCommitter("a", "a@example.com")
          .call();
    }
    new ScanService(store, Clock.systemUTC()).scan(ProgressListener.NONE);
    Files.writeString(repo.resolve("shop/views.py"), "# rewritten after the scan\n");
    robot.interact(() -> model.findings().reload());
    robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT3);
    @SuppressWarnings("unchecked")
    ListView<Finding> inbox = robot.lookup("#board-inbox").queryAs(ListView.class);
    waitUntil(
        () ->
            inbox.getItems().stream()
                .anyMatch(
                    f ->
                        "shop/views.py".equals(f.location().path())
                            && f.location().startLine() == 6));
    Finding sql =
        inbox.getItems().stream()
            .filter(
                f -> "shop/views.py".equals(f.location().path()) && f.location().startLine() == 6)
            .findFirst()
            .orElseThrow();
    robot.interact(
        () -> {
          inbox.requestFocus();
          inbox.getSelectionModel().clearSelection();
          inbox.getSelectionModel().select(sql);
        });
    Label source = robot.lookup("#board-code-source").queryAs(Label.class);
    waitUntil(() -> source.getText().contains("at the scanned commit"));
    CodeArea code = robot.lookup("#board-code").queryAs(CodeArea.class);
    assertEquals(
        committed.strip(), code.getText().strip(), "the file as scanned, not the working tree");
    int marked = 5; // line 6, shown from line 1
    assertEquals(List.of("marked"), List.copyOf(code.getParagraph(marked).getParagraphStyle()));
    assertTrue(code.getParagraph(marked).getText().contains("c.execute("));
    assertEquals(List.of(), List.copyOf(code.getParagraph(0).getParagraphStyle()));
    assertTrue(code.getStyleSpans(marked).getStyleSpan(0).getStyle().isEmpty());
    assertTrue(
        code.getStyleOfChar(3, 1).contains("code-keyword"),
        "def is a keyword: " + code.getStyleOfChar(3, 1));

    // Notes first: later undos of other edits must not take them back with a stale copy.
    TextArea notes = robot.lookup("#board-notes").queryAs(TextArea.class);
    robot.interact(() -> notes.setText("Tenant id is trusted; *method* is not."));
    robot.clickOn("#board-save-notes");
    waitUntil(() -> "Tenant id is trusted; *method* is not.".equals(stored(sql.id()).notes()));

    // Impact and tags from the pane, saved at once; undo takes the impact back to the rule's
    // default.
    @SuppressWarnings("unchecked")
    ComboBox<Integer> impact = robot.lookup("#board-impact").queryAs(ComboBox.class);
    int defaultImpact = sql.impact().value();
    int chosen = defaultImpact == 5 ? 4 : 5;
    robot.interact(() -> impact.setValue(chosen));
    waitUntil(() -> stored(sql.id()).impact().value() == chosen);
    TextField tags = robot.lookup("#board-tags").queryAs(TextField.class);
    robot.interact(
        () -> {
          tags.setText("sqli, quick-win");
          tags.fireEvent(new ActionEvent());
        });
    waitUntil(() -> stored(sql.id()).tags().equals(List.of("sqli", "quick-win")));
    robot.clickOn("#tool-undo");
    waitUntil(() -> stored(sql.id()).tags().isEmpty());
    robot.clickOn("#tool-undo");
    waitUntil(() -> stored(sql.id()).impactOverride() == null);
    robot.clickOn("#tool-redo");
    waitUntil(() -> stored(sql.id()).impact().value() == chosen);
    assertEquals("Tenant id is trusted; *method* is not.", stored(sql.id()).notes());
    @SuppressWarnings("unchecked")
    ListView<String> history = robot.lookup("#board-history").queryAs(ListView.class);
    waitUntil(() -> history.getItems().stream().filter(h -> h.contains("impact:")).count() == 3);

    // Reorder within the column: dropped on the first card, it goes first, and stays first after a
    // reload.
    Finding last = inbox.getItems().get(inbox.getItems().size() - 1);
    Finding head = inbox.getItems().get(0);
    var board = robot.lookup("#board-view").queryAs(BoardView.class);
    robot.interact(() -> board.drop(List.of(last.id()), Status.INBOX, head.id()));
    waitUntil(() -> inbox.getItems().get(0).id() == last.id());
    robot.interact(() -> model.findings().reload());
    waitUntil(() -> store.read(c -> new BoardRepository(c).ranks()).get(last.fingerprint()) == 0);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(last.id(), inbox.getItems().get(0).id());
    assertEquals(head.id(), inbox.getItems().get(1).id());

    // Merge: two selected cards, Ctrl+M keeps the one shown and dismisses the other as a duplicate.
    Finding keep = inbox.getItems().get(0);
    Finding dup = inbox.getItems().get(1);
    robot.interact(
        () -> {
          inbox.requestFocus();
          inbox.getSelectionModel().clearSelection();
          inbox.getSelectionModel().select(keep);
        });
    Label title = robot.lookup("#board-detail-title").queryAs(Label.class);
    waitUntil(() -> title.getText().startsWith(keep.title()));
    robot.interact(() -> inbox.getSelectionModel().select(dup));
    robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
    waitUntil(() -> stored(dup.id()).dismissReason() == DismissReason.DUPLICATE);
    waitUntil(() -> inbox.getItems().stream().noneMatch(f -> f.id() == dup.id()));
    waitUntil(
        () ->
            robot.lookup(".list-cell").queryAll().stream()
                .anyMatch(
                    n ->
                        n instanceof ListCell<?> cell
                            && cell.getItem() instanceof Finding f
                            && f.id() == keep.id()
                            && ((VBox) cell.getGraphic()).getChildren().get(0) instanceof Label l
                            && l.getText().startsWith("×2")));

    // The shared search filters the board's columns.
    int before = inbox.getItems().size();
    robot.interact(() -> model.findings().searchProperty().set("B608"));
    waitUntil(
        () ->
            inbox.getItems().size() < before
                && !inbox.getItems().isEmpty()
                && inbox.getItems().stream()
                    .allMatch(
                        f -> f.sources().stream().anyMatch(x -> "B608".equals(x.nativeRuleId()))));
    robot.interact(() -> model.findings().searchProperty().set(""));
    waitUntil(() -> inbox.getItems().size() == before);

    // A change the store refuses (the finding was deleted behind the board's back) is reported, not
    // swallowed.
    Finding doomed = inbox.getItems().get(inbox.getItems().size() - 1);
    store.write(
        c -> {
          try (var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM finding_history WHERE finding_id = " + doomed.id());
            st.executeUpdate("DELETE FROM findings WHERE id = " + doomed.id());
          }
          return null;
        });
    robot.interact(() -> board.drop(List.of(doomed.id()), Status.CONFIRMED));
    try {
      waitUntil(
          () ->
              dialogs.errors.stream()
                  .anyMatch(
                      e ->
                          e.startsWith("Board: Could not move 1 card to Confirmed")
                              && e.contains("#" + doomed.id() + " is gone")));
    } catch (TimeoutException e) {
      throw new AssertionError("errors: " + dialogs.errors, e);
    }
    waitUntil(() -> inbox.getItems().stream().noneMatch(f -> f.id() == doomed.id()));

    // Swimlanes by category: one row of four columns per category.
    @SuppressWarnings("unchecked")
    ComboBox<BoardView.Lanes> lanes = robot.lookup("#board-lanes").queryAs(ComboBox.class);
    robot.interact(() -> lanes.setValue(BoardView.Lanes.CATEGORY));
    waitUntil(() -> robot.lookup("#board-lane-security").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    ListView<Finding> securityInbox = robot.lookup("#board-inbox-security").queryAs(ListView.class);
    assertTrue(
        securityInbox.getItems().stream().allMatch(f -> f.category().key().equals("security")));
    assertEquals(
        inbox.getItems().stream()
            .filter(f -> f.category().key().equals("security"))
            .map(Finding::id)
            .toList(),
        securityInbox.getItems().stream().map(Finding::id).toList(),
        "the lane keeps the column's order");
    // The lane's count follows moves: one security card from Inbox to Confirmed keeps the lane's
    // total.
    Label laneTitle = robot.lookup("#board-lane-security").queryAs(Label.class);
    long security =
        model.findings().all().stream()
            .filter(f -> !f.gone() && f.category().key().equals("security"))
            .count();
    assertEquals("security  (" + security + ")", laneTitle.getText());
    @SuppressWarnings("unchecked")
    ListView<Finding> securityConfirmed =
        robot.lookup("#board-confirmed-security").queryAs(ListView.class);
    int confirmedBefore = securityConfirmed.getItems().size();
    Finding moving = securityInbox.getItems().get(0);
    robot.interact(() -> board.drop(List.of(moving.id()), Status.CONFIRMED));
    waitUntil(() -> securityConfirmed.getItems().size() == confirmedBefore + 1);
    assertEquals("security  (" + security + ")", laneTitle.getText());
    // ...and the filters: searching shrinks it to the cards shown in its four lists.
    robot.interact(() -> model.findings().searchProperty().set("B608"));
    waitUntil(() -> securityInbox.getItems().size() < security);
    int shownInLane =
        robot.lookup(".list-view").queryAll().stream()
            .filter(
                n ->
                    n.getId() != null
                        && n.getId().startsWith("board-")
                        && n.getId().endsWith("-security"))
            .mapToInt(n -> ((ListView<?>) n).getItems().size())
            .sum();
    assertTrue(shownInLane > 0 && shownInLane < security, "shown " + shownInLane);
    assertEquals("security  (" + shownInLane + ")", laneTitle.getText());
    robot.interact(() -> model.findings().searchProperty().set(""));
  }

  @Test
  @Tag("board")
  void aSearchTypedOnTheFindingsPageIsShownOnTheBoardAndMatrixAndCanBeCleared(FxRobot robot)
      throws Exception {
    robot.interact(() -> model.findings().searchProperty().set("B608"));
    robot.interact(() -> window.show(MainWindow.Page.BOARD));
    javafx.scene.Node notice = robot.lookup("#board-filters").query();
    waitUntil(notice::isVisible);
    assertTrue(
        robot.lookup("#board-filters-text").queryAs(Label.class).getText().contains("\"b608\""));
    robot.interact(() -> window.show(MainWindow.Page.MATRIX));
    waitUntil(() -> robot.lookup("#matrix-filters").query().isVisible());
    robot.clickOn("#matrix-filters-clear");
    waitUntil(() -> model.findings().searchProperty().get().isEmpty());
    waitUntil(() -> !robot.lookup("#matrix-filters").query().isVisible());
  }
}
