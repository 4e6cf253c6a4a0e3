package dev.auditworkbench.app.cli;

import dev.auditworkbench.app.bench.BenchCommand;
import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.DismissReason;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.model.Status;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code workbench}: the CLI over the same engine services the GUI uses. */
@Command(
    name = "workbench",
    mixinStandardHelpOptions = true,
    versionProvider = WorkbenchCommand.Version.class,
    description = {
      "Audit Workbench: audit a legacy Django monolith offline.",
      "Without a command, opens the desktop app."
    },
    subcommands = {
      OpenCommand.class,
      DemoCommand.class,
      NewCommand.class,
      ScanCommand.class,
      ImportCommand.class,
      FormatsCommand.class,
      FindingsCommand.class,
      SetCommand.class,
      InfoCommand.class,
      InventoryCommand.class,
      GraphCommand.class,
      SeamsCommand.class,
      QueriesCommand.class,
      RoutesCommand.class,
      PlanCommand.class,
      UpgradeCommand.class,
      RoundCommand.class,
      CompareCommand.class,
      TriageExchangeCommands.Export.class,
      TriageExchangeCommands.Import.class,
      ReportCommand.class,
      RulesCommand.class,
      ConfigCommand.class,
      BenchCommand.class, // hidden: `workbench bench --help` lists the benchmarks
    },
    footer = {
      "",
      "Exit codes: 0 ok, 2 usage error, 3 bad input (names file, position and format),",
      "4 project file problem (missing, damaged, newer version, open elsewhere),",
      "70 internal error or out of memory (one line here, the stack trace in the log)."
    })
public final class WorkbenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Builds the command line with the project's exception handling, writing to the given streams.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new WorkbenchCommand());
    cl.addSubcommand(
        "help", new CommandLine.HelpCommand()); // before setOut: it writes where the others do
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new CliExceptionHandler());
    // The model's own lenient parsing: "in-report", "In report" and "IN_REPORT" all work.
    cl.registerConverter(Status.class, Status::parse);
    cl.registerConverter(DismissReason.class, DismissReason::parse);
    cl.registerConverter(Severity.class, Severity::parse);
    cl.registerConverter(Category.class, Category::parse);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(WorkbenchCommand::badArguments);
    cl.registerConverter(
        LocalDate.class,
        text -> {
          try {
            return LocalDate.parse(text);
          } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                "'" + text + "' is not a date; write it as 2026-12-31");
          }
        });
    // "workbench help <command>", and --help/--version on every command, not only the top one.
    standardHelp(cl, cl.getCommandSpec().versionProvider());
    return cl;
  }

  /**
   * A bad option or value: what was wrong in the user's words (never a Java class name), then the
   * command's usage; exit code 2.
   */
  private static int badArguments(CommandLine.ParameterException ex, String[] args) {
    CommandLine c = ex.getCommandLine();
    c.getErr().println(userMessage(ex.getMessage()));
    c.usage(c.getErr());
    return 2;
  }

  /**
   * Picocli's "cannot convert 'x' to T (java.lang.IllegalArgumentException: why)" as "'x': why".
   */
  static String userMessage(String message) {
    String m =
        message.replaceAll(
            "cannot convert '([^']*)' to [^()]*? \\((?:[A-Za-z_$][\\w$]*\\.)+[\\w$]*(?:Exception|Error): (.*)\\)$",
            "'$1': $2");
    return m.replaceAll("(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*(?:Exception|Error))", "$1")
        .replaceAll("\\b[A-Z][\\w$]*(?:Exception|Error): ", "");
  }

  private static void standardHelp(CommandLine c, CommandLine.IVersionProvider version) {
    if (!c.getCommandSpec().mixinStandardHelpOptions()) {
      c.getCommandSpec().mixinStandardHelpOptions(true);
    }
    if (c.getCommandSpec().versionProvider() == null) {
      c.getCommandSpec().versionProvider(version);
    }
    c.getSubcommands().values().stream()
        .filter(s -> !"help".equals(s.getCommandName()))
        .forEach(s -> standardHelp(s, version));
  }

  /** Runs the CLI and returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    PrintWriter safeOut = TerminalText.wrap(out);
    PrintWriter safeErr = TerminalText.wrap(err);
    int code;
    try {
      code = commandLine(safeOut, safeErr).execute(args);
    } catch (OutOfMemoryError e) {
      // Whatever held the memory is unreachable now; a short message still fits.
      safeErr.println(
          "workbench: out of memory ("
              + e.getMessage()
              + "); nothing half-written was kept."
              + " Give it more with WORKBENCH_JAVA_OPTS=-Xmx4g (now at most "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MB)");
      code = ExitCodes.INTERNAL;
    }
    safeOut.flush();
    safeErr.flush();
    return code;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = WorkbenchCommand.class.getPackage().getImplementationVersion();
      return new String[] {"Audit Workbench " + (v == null ? "development build" : v)};
    }
  }
}
