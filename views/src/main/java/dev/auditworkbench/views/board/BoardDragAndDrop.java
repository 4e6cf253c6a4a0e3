package dev.auditworkbench.views.board;

import dev.auditworkbench.engine.model.Finding;
import dev.auditworkbench.engine.model.Status;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Drag and drop between the board's columns: the selected cards travel as their ids; a drop on a
 * card puts them before it, a drop on the column's free space at its end.
 */
final class BoardDragAndDrop {
  /** What a drop does: these ids into this column, before this card (or null for the end). */
  interface Drop {
    void drop(List<Long> ids, Status status, Long beforeId);
  }

  private BoardDragAndDrop() {}

  static void install(ListView<Finding> list, Status status, Drop onDrop) {
    list.setOnDragDetected(
        e -> {
          List<Finding> selected = list.getSelectionModel().getSelectedItems();
          if (selected.isEmpty()) {
            return;
          }
          Dragboard db = list.startDragAndDrop(TransferMode.MOVE);
          ClipboardContent content = new ClipboardContent();
          content.put(
              BoardView.IDS,
              String.join(",", selected.stream().map(f -> String.valueOf(f.id())).toList()));
          db.setContent(content);
          e.consume();
        });
    list.setOnDragOver(
        e -> {
          if (e.getDragboard().hasContent(BoardView.IDS)) {
            e.acceptTransferModes(TransferMode.MOVE);
          }
          e.consume();
        });
    list.setOnDragDropped(
        e -> {
          Object ids = e.getDragboard().getContent(BoardView.IDS);
          boolean done = false;
          if (ids instanceof String text && !text.isEmpty()) {
            Long before = null;
            for (Node n = e.getPickResult().getIntersectedNode();
                n != null && n != list;
                n = n.getParent()) {
              if (n instanceof BoardCard card && card.getItem() != null) {
                before = card.getItem().id();
                break;
              }
            }
            onDrop.drop(
                Arrays.stream(text.split(",")).map(Long::parseLong).toList(), status, before);
            done = true;
          }
          e.setDropCompleted(done);
          e.consume();
        });
  }
}
