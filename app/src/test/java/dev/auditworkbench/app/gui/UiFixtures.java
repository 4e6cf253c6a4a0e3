package dev.auditworkbench.app.gui;

import dev.auditworkbench.engine.ingest.ImportService;
import dev.auditworkbench.engine.ingest.ImporterRegistry;
import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.ProjectInfo;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.store.ProjectStore;
import dev.auditworkbench.engine.testing.Resources;
import dev.auditworkbench.views.common.DialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Projects with real imports, and a dialog service that records instead of showing. */
final class UiFixtures {
  private UiFixtures() {}

  static Path sample(String name) {
    return Resources.path(UiFixtures.class, "samples/bandit/" + name);
  }

  static ProjectStore projectWith(Path dir, String... samples) throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    ProjectStore store =
        ProjectStore.create(
            dir.resolve("ui.audit"),
            new ProjectInfo("Acme Pay", "Q4", "R. Auditor", repo),
            Clock.systemUTC());
    ImportService imports = new ImportService(store, ImporterRegistry.load(), Clock.systemUTC());
    for (String s : samples) {
      imports.importFile(sample(s), null, ProgressListener.NONE);
    }
    return store;
  }

  /** Records dialogs; "choose" methods return nothing. */
  static final class RecordingDialogs implements DialogService {
    final List<String> errors = new CopyOnWriteArrayList<>();
    final List<String> infos = new CopyOnWriteArrayList<>();

    @Override
    public void showError(String title, String message) {
      errors.add(title + ": " + message);
    }

    @Override
    public void showInformation(String title, String message) {
      infos.add(title + ": " + message);
    }

    @Override
    public List<Path> chooseFilesToImport() {
      return List.of();
    }

    @Override
    public Optional<Path> chooseProjectToOpen() {
      return Optional.empty();
    }

    /** The reason dismissals get in tests; null answers "cancelled". */
    volatile DismissReason dismissReason = DismissReason.FALSE_POSITIVE;

    @Override
    public Optional<DismissReason> chooseDismissReason(int count) {
      return Optional.ofNullable(dismissReason);
    }

    /** Where exports go in tests; null answers "cancelled". */
    volatile Path exportTo;

    @Override
    public Optional<Path> chooseExportFile(String title, String extension, String suggestedName) {
      return Optional.ofNullable(exportTo).map(d -> d.resolve(suggestedName));
    }

    /** The file "opened" in tests; null answers "cancelled". */
    volatile Path openFile;

    @Override
    public Optional<Path> chooseFileToOpen(String title, String extension) {
      return Optional.ofNullable(openFile);
    }

    /** The messages of choices asked, and the option taken (null: cancelled). */
    final List<String> asked = new CopyOnWriteArrayList<>();

    volatile Integer choice;

    @Override
    public Optional<Integer> choose(String title, String message, List<String> options) {
      asked.add(title + ": " + message + " " + options);
      return Optional.ofNullable(choice);
    }

    /** The text typed in tests (a round's name); null answers "cancelled". */
    volatile String text;

    @Override
    public Optional<String> askText(String title, String question) {
      return Optional.ofNullable(text);
    }
  }
}
