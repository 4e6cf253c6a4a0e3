package dev.auditworkbench.views.common;

import dev.auditworkbench.engine.model.DismissReason;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every dialog the views show goes through here, so view models can be tested without windows. */
public interface DialogService {
  void showError(String title, String message);

  void showInformation(String title, String message);

  List<Path> chooseFilesToImport();

  Optional<Path> chooseProjectToOpen();

  /** Why the given number of findings are dismissed; empty when the user cancels. */
  Optional<DismissReason> chooseDismissReason(int count);

  /**
   * Shows rows of (keys, what they do) in aligned columns, a heading row where the keys are empty.
   */
  default void showKeys(String title, List<String[]> rows) {
    StringBuilder sb = new StringBuilder();
    rows.forEach(r -> sb.append(r[0]).append("  ").append(r[1]).append('\n'));
    showInformation(title, sb.toString().strip());
  }

  /** A line of text the user types (tags, a name); empty when the user cancels. */
  default Optional<String> askText(String title, String question) {
    return Optional.empty();
  }

  /** One file to read ({@code extension} without the dot); empty when the user cancels. */
  default Optional<Path> chooseFileToOpen(String title, String extension) {
    return Optional.empty();
  }

  /**
   * One of {@code options} (button labels), after {@code message}: its index, or empty when the
   * user cancels.
   */
  default Optional<Integer> choose(String title, String message, List<String> options) {
    return Optional.empty();
  }

  /** Where to save an export; {@code extension} without the dot ("pdf"). */
  Optional<Path> chooseExportFile(String title, String extension, String suggestedName);
}
