package dev.auditworkbench.views.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.engine.model.Status;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class BoardKeysTest {
  private static Optional<BoardKeys.Intent> alt(KeyCode code, Status from) {
    return BoardKeys.of(code, true, false, false, from);
  }

  @Test
  void altKeysMoveCardsBetweenAndWithinColumns() {
    assertEquals(
        Optional.of(new BoardKeys.MoveTo(Status.CONFIRMED)), alt(KeyCode.DIGIT2, Status.INBOX));
    assertEquals(
        Optional.of(new BoardKeys.MoveTo(Status.CONFIRMED)), alt(KeyCode.RIGHT, Status.INBOX));
    assertEquals(Optional.empty(), alt(KeyCode.LEFT, Status.INBOX), "no column left of the first");
    assertEquals(Optional.empty(), alt(KeyCode.DIGIT1, Status.INBOX), "already there");
    assertEquals(Optional.of(new BoardKeys.Shift(-1)), alt(KeyCode.UP, Status.IN_REPORT));
    assertEquals(Optional.of(new BoardKeys.Shift(1)), alt(KeyCode.DOWN, Status.IN_REPORT));
  }

  @Test
  void textFieldsAndUnfocusedBoardsKeepTheirKeys() {
    assertEquals(Optional.empty(), BoardKeys.of(KeyCode.DIGIT2, true, false, true, Status.INBOX));
    assertEquals(Optional.empty(), alt(KeyCode.DIGIT2, null));
    assertEquals(Optional.empty(), BoardKeys.of(KeyCode.DIGIT2, false, false, false, Status.INBOX));
    // Ctrl+M merges wherever the focus is.
    assertEquals(
        Optional.of(new BoardKeys.Merge()), BoardKeys.of(KeyCode.M, false, true, true, null));
  }
}
