package dev.auditworkbench.views.board;

import dev.auditworkbench.engine.model.Status;
import java.util.Optional;
import javafx.scene.input.KeyCode;

/**
 * What a key does on the board, as a plain mapping (tested without a window): Ctrl+M merges the
 * selection; with a column focused, Alt+Up/Down moves the cards within it, Alt+1..4 to a column,
 * Alt+Left/Right to the next column. Keys typed into a text field are the field's.
 */
final class BoardKeys {
  /** What the key asks for. */
  sealed interface Intent permits Merge, Shift, MoveTo {}

  /** Merge the selected cards into the one selected first. */
  record Merge() implements Intent {}

  /** Move the selected cards up (-1) or down (+1) within their column. */
  record Shift(int by) implements Intent {}

  /** Move the selected cards to another column. */
  record MoveTo(Status status) implements Intent {}

  private BoardKeys() {}

  /**
   * The intent of a key, or empty when it is not the board's: {@code from} is the focused column
   * (null when no column has the focus).
   */
  static Optional<Intent> of(
      KeyCode code, boolean alt, boolean shortcut, boolean inText, Status from) {
    if (shortcut && code == KeyCode.M) {
      return Optional.of(new Merge());
    }
    if (!alt || inText || from == null) {
      return Optional.empty();
    }
    if (code == KeyCode.UP || code == KeyCode.DOWN) {
      return Optional.of(new Shift(code == KeyCode.UP ? -1 : 1));
    }
    int index = BoardView.ORDER.indexOf(from);
    Status to =
        switch (code) {
          case DIGIT1 -> BoardView.ORDER.get(0);
          case DIGIT2 -> BoardView.ORDER.get(1);
          case DIGIT3 -> BoardView.ORDER.get(2);
          case DIGIT4 -> BoardView.ORDER.get(3);
          case RIGHT -> BoardView.ORDER.get(Math.min(BoardView.ORDER.size() - 1, index + 1));
          case LEFT -> BoardView.ORDER.get(Math.max(0, index - 1));
          default -> null;
        };
    return to == null || to == from ? Optional.empty() : Optional.of(new MoveTo(to));
  }
}
