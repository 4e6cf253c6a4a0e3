package dev.auditworkbench.importers.mypy;

import dev.auditworkbench.engine.model.Category;
import dev.auditworkbench.engine.model.Confidence;
import dev.auditworkbench.engine.model.Evidence;
import dev.auditworkbench.engine.model.Severity;
import dev.auditworkbench.engine.spi.BadFieldException;
import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.engine.spi.RawFinding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * mypy's text output: "path:line[:col]: error: message [code]", with "note:" lines that belong to
 * the error above, and a closing "Found N errors in M files" or "Success: no issues found".
 */
public final class MypyTextImporter implements Importer {
  static final String FORMAT = "mypy text output";
  private static final Pattern LINE =
      Pattern.compile(
          "^(.+?):(\\d+)(?::(\\d+))?: (error|note|warning): (.*?)(?:  \\[([a-z0-9-]+)\\])?$");
  private static final Pattern SUMMARY =
      Pattern.compile("^(Found \\d+ errors? in \\d+ files?|Success: no issues found)");

  @Override
  public String id() {
    return "mypy-text";
  }

  @Override
  public String displayName() {
    return "mypy text";
  }

  @Override
  public String tool() {
    return "mypy";
  }

  @Override
  public String description() {
    return "Type errors reported by mypy (text output), with their error codes.";
  }

  @Override
  public double detect(FileSample sample) {
    if (sample.binary()) {
      return 0;
    }
    long lines = sample.head().lines().limit(200).filter(l -> !l.isBlank()).count();
    long matching =
        sample
            .head()
            .lines()
            .limit(200)
            .filter(
                l -> LINE.matcher(l).matches() && l.contains(".py:") || SUMMARY.matcher(l).find())
            .count();
    return lines > 0 && matching * 10 >= lines * 9 ? 0.9 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    boolean understood = false;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8))) {
      String text;
      long n = 0;
      Pending pending = null;
      while ((text = r.readLine()) != null) {
        n++;
        Matcher m = LINE.matcher(text);
        if (m.matches()) {
          understood = true;
          if (m.group(4).equals("note") && pending != null) {
            pending.notes.append('\n').append(m.group(5));
            continue;
          }
          if (pending != null) {
            sink.accept(pending.finding());
          }
          sink.recordRead();
          pending =
              new Pending(
                  m.group(1),
                  BadFieldException.lineNumber("line", m.group(2), n),
                  m.group(4),
                  m.group(5),
                  m.group(6) == null ? "misc" : m.group(6));
        } else if (SUMMARY.matcher(text).find()) {
          understood = true;
        } else if (!text.isBlank()) {
          sink.warn(
              n,
              "not a mypy message: " + (text.length() > 80 ? text.substring(0, 80) + "..." : text));
        }
      }
      if (pending != null) {
        sink.accept(pending.finding());
      }
    }
    if (!understood) {
      throw BadInputException.whole(input.path(), FORMAT, "no mypy message or summary line found");
    }
  }

  private static final class Pending {
    final String path;
    final int line;
    final String level;
    final String message;
    final String code;
    final StringBuilder notes = new StringBuilder();

    Pending(String path, int line, String level, String message, String code) {
      this.path = path;
      this.line = line;
      this.level = level;
      this.message = message;
      this.code = code;
    }

    RawFinding finding() {
      return RawFinding.builder("mypy." + code)
          .nativeRuleId(code)
          .title(
              "mypy "
                  + code
                  + ": "
                  + (message.length() > 140 ? message.substring(0, 137) + "..." : message))
          .description(message + notes)
          .category(Category.MAINTAINABILITY)
          .severity(level.equals("error") ? Severity.LOW : Severity.INFO)
          .confidence(Confidence.MEDIUM)
          .path(path)
          .lines(line, line)
          .keyEvidence(message)
          .evidence(Evidence.Kind.TEXT, message + notes)
          .build();
    }
  }
}
