package dev.auditworkbench.app.cli;

import dev.auditworkbench.app.AppLog;
import dev.auditworkbench.engine.report.CannotWriteException;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.CancelledException;
import dev.auditworkbench.engine.store.ProjectFileException;
import dev.auditworkbench.engine.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** The one place where failures become an exit code and one line on stderr, never a stack trace. */
final class CliExceptionHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    var err = cmd.getErr();
    int code;
    String message;
    if (e instanceof BadInputException) {
      code = ExitCodes.BAD_INPUT;
      message = e.getMessage();
    } else if (e instanceof ProjectFileException || e instanceof StoreException) {
      code = ExitCodes.PROJECT_FILE;
      message = e.getMessage();
    } else if (e instanceof UsageException || e instanceof IllegalArgumentException) {
      code = ExitCodes.USAGE;
      message = e.getMessage();
    } else if (e instanceof CannotWriteException) {
      code = ExitCodes.BAD_INPUT;
      message = e.getMessage();
    } else if (e instanceof UncheckedIOException || e instanceof IOException) {
      code = ExitCodes.BAD_INPUT;
      message =
          "cannot read input: "
              + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
    } else if (e instanceof CancelledException) {
      code = ExitCodes.INTERNAL;
      message = "cancelled; nothing was changed";
    } else {
      code = ExitCodes.INTERNAL;
      AppLog.error("workbench " + String.join(" ", parsed.originalArgs()), e);
      message =
          "internal error: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + " (details in the log, "
              + AppLog.folder()
              + ")";
      if (Boolean.getBoolean("workbench.debug")) {
        e.printStackTrace(err);
      }
    }
    err.println("workbench: " + message);
    err.flush();
    return code;
  }
}
