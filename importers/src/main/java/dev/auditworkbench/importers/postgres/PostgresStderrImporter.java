package dev.auditworkbench.importers.postgres;

import dev.auditworkbench.engine.spi.BadInputException;
import dev.auditworkbench.engine.spi.FileSample;
import dev.auditworkbench.engine.spi.FindingSink;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.spi.Importer;
import dev.auditworkbench.importers.common.Timestamps;
import dev.auditworkbench.importers.common.Utf8Lines;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's stderr log with any common log_line_prefix. The prefix is read from each line, not
 * configured: the time stamp (%m, %t, %n), the session id (%c) or else the process id (%p, also as
 * [%p-%l]) are found wherever the prefix puts them; user, database and application are not needed.
 * Lines starting with a tab continue the entry above (multi-line statements, auto_explain plans).
 * Streams line by line, read on a thread of its own and handed over in small batches: memory does
 * not grow with the file. The option {@value #PREFIX_OPTION} ({@code workbench import
 * --log-line-prefix '%m [%p] '}) gives the prefix instead.
 */
public final class PostgresStderrImporter implements Importer {
  static final String FORMAT = "PostgreSQL stderr log";

  /** The option holding the server's log_line_prefix, for prefixes the lines do not give away. */
  public static final String PREFIX_OPTION = "log_line_prefix";

  /** The "[7-2] " of a syslog line that continues entry 7 (any part after the first). */
  private static final Pattern SYSLOG_SPLIT = Pattern.compile("\\[\\d+-(?:[2-9]|\\d{2,})\\] ?");

  private static final String[] SEVERITIES = {
    "LOG",
    "ERROR",
    "WARNING",
    "FATAL",
    "PANIC",
    "STATEMENT",
    "DETAIL",
    "HINT",
    "CONTEXT",
    "NOTICE",
    "INFO",
    "QUERY",
    "LOCATION",
    "DEBUG1",
    "DEBUG2",
    "DEBUG3",
    "DEBUG4",
    "DEBUG5"
  };

  @Override
  public String id() {
    return "postgres-stderr";
  }

  @Override
  public String displayName() {
    return "PostgreSQL log (stderr)";
  }

  @Override
  public String tool() {
    return "postgresql";
  }

  @Override
  public String description() {
    return "PostgreSQL server log (stderr destination, any log_line_prefix): statements with durations and"
        + " auto_explain plans, for query statistics, N+1 detection and plan analysis.";
  }

  @Override
  public double detect(FileSample sample) {
    if (sample.binary()) {
      return 0;
    }
    Timestamps ts = new Timestamps();
    long entries = 0;
    long other = 0;
    for (String line : sample.head().lines().limit(300).toList()) {
      if (line.isBlank() || line.startsWith("\t")) {
        continue;
      }
      int marker = severityMarker(line);
      if (marker > 0 && time(ts, line.substring(0, marker)) >= 0) {
        entries++;
      } else if (marker < 0 && SYSLOG_SPLIT.matcher(line).find()) {
        continue; // the rest of an entry syslog split
      } else {
        other++;
      }
    }
    return entries > 0 && entries >= other * 4 ? 0.9 : 0;
  }

  @Override
  public void parse(ImportInput input, FindingSink sink) throws IOException, BadInputException {
    LogLinePrefix given = null;
    if (input.options().containsKey(PREFIX_OPTION)) {
      try {
        given = LogLinePrefix.compile(input.options().get(PREFIX_OPTION));
      } catch (IllegalArgumentException e) {
        throw BadInputException.whole(input.path(), FORMAT, e.getMessage());
      }
    }
    // Two stages on two cores: a reader thread splits the file into entries (prefix, time,
    // session, message with its continuation lines) and reads what each message says
    // (PostgresMessages.parse: duration, statement); this thread applies them, in file order,
    // through PostgresMessages to the sink (statements and their hashes, windows, plans' JSON).
    // The sink is only ever called from here. Profiled on a 1 GB log (2026-12-06), this split
    // keeps the two threads about even; a third stage for the messages was slower on two cores.
    PostgresMessages messages = new PostgresMessages(sink);
    Reader reader = new Reader(input, given);
    Thread thread = new Thread(reader, "postgres-log-reader");
    thread.setDaemon(true);
    thread.start();
    try {
      while (true) {
        List<Object> batch;
        try {
          batch = reader.queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("import interrupted");
        }
        for (Object item : batch) {
          if (item instanceof Entry e) {
            messages.entry(e.line, e.endMs, e.session, e.parsed);
          } else if (item instanceof Warning w) {
            sink.warn(w.line(), w.text());
          } else if (item instanceof Failure f) {
            // As thrown while reading: a cancel stays a cancel, a bad stream an IOException.
            if (f.error() instanceof IOException io) {
              throw io;
            } else if (f.error() instanceof RuntimeException re) {
              throw re;
            } else if (f.error() instanceof Error err) {
              throw err;
            }
            throw new IOException(f.error().getMessage(), f.error());
          } else if (item instanceof End end) {
            if (end.entries() == 0) {
              throw BadInputException.atLine(
                  input.path(),
                  1,
                  FORMAT,
                  given != null
                      ? "no line starts with the given log_line_prefix and a severity such as"
                          + " \"LOG:  \""
                      : "no log entry found (a log_line_prefix with a time stamp, then a severity"
                          + " such as \"LOG:  \"); give the server's prefix with --log-line-prefix"
                          + " '...'");
            }
            messages.finish();
            return;
          }
        }
      }
    } finally {
      reader.stop = true; // a failure here stops the reader too
      thread.interrupt();
    }
  }

  /** A line that is not an entry, said where it is (handed to the sink in file order). */
  private record Warning(long line, String text) {}

  /** The reader could not read the file. */
  private record Failure(Throwable error) {}

  /** The end of the file, with the number of entries read. */
  private record End(long entries) {}

  /**
   * Splits the log into entries, off the importing thread: batches of entries and warnings, then
   * {@link End} (or {@link Failure}), through a small bounded queue so memory stays flat.
   */
  private static final class Reader implements Runnable {
    private static final int BATCH = 1024;
    final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(8);
    volatile boolean stop;
    private final ImportInput input;
    private final LogLinePrefix given;
    private List<Object> batch = new ArrayList<>(BATCH);

    Reader(ImportInput input, LogLinePrefix given) {
      this.input = input;
      this.given = given;
    }

    @Override
    public void run() {
      try {
        long entries = read();
        add(new End(entries));
        flush();
      } catch (InterruptedException e) {
        // stopped by the importing thread
      } catch (Exception | Error e) {
        // an error too (out of memory): the importing thread must not wait for ever
        try {
          batch = new ArrayList<>(List.of(new Failure(e)));
          flush();
        } catch (InterruptedException stopped) {
          // stopped by the importing thread
        }
      }
    }

    private void add(Object item) throws InterruptedException {
      if (item instanceof Entry e) {
        e.parse();
      }
      batch.add(item);
      if (batch.size() >= BATCH) {
        flush();
      }
    }

    private void flush() throws InterruptedException {
      while (!stop) {
        if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
          batch = new ArrayList<>(BATCH);
          return;
        }
      }
      throw new InterruptedException();
    }

    private long read() throws IOException, InterruptedException {
      Timestamps ts = new Timestamps();
      long entries = 0;
      try (Utf8Lines r = new Utf8Lines(input.open())) {
        String text;
        long n = 0;
        Entry current = null;
        while ((text = r.next()) != null) {
          n++;
          if (text.startsWith("\t")) {
            if (current != null) {
              current.continueWith(text, 1);
            }
            continue;
          }
          if (current != null
              && given == null
              && text.indexOf('[') >= 0
              && severityMarker(text) < 0) {
            Matcher split = SYSLOG_SPLIT.matcher(text);
            if (split.find()) {
              // Syslog (Heroku, rsyslog) splits a long entry into lines "[7-2] ...", "[7-3] ...":
              // one entry.
              current.continueWith(text, split.end());
              continue;
            }
          }
          if (current != null) {
            add(current);
            current = null;
          }
          if (text.isEmpty()) {
            continue;
          }
          if (given != null) {
            LogLinePrefix.Entry e = given.read(text, ts);
            if (e == null) {
              if (entries == 0 && n > 50) {
                break;
              }
              add(new Warning(n, "does not start with the given log_line_prefix: " + clip(text)));
              continue;
            }
            entries++;
            current = new Entry(n, e.at(), e.session(), e.severity());
            current.startMessage(text, e.messageStart());
            continue;
          }
          int marker = severityMarker(text);
          if (marker < 0) {
            if (entries == 0 && n > 50) {
              break;
            }
            add(new Warning(n, "not a PostgreSQL log entry: " + clip(text)));
            continue;
          }
          String prefix = text.substring(0, marker);
          long at = time(ts, prefix);
          if (at < 0) {
            add(new Warning(n, "no time stamp in the log line prefix: " + clip(prefix)));
            continue;
          }
          entries++;
          int sevStart = marker;
          while (sevStart > 0 && letterOrDigit(prefix.charAt(sevStart - 1))) {
            sevStart--;
          }
          current = new Entry(n, at, session(text, sevStart), severity(text, sevStart, marker));
          current.startMessage(text, marker + 3);
        }
        if (current != null) {
          add(current);
        }
      }
      return entries;
    }
  }

  /** The severity word in [from, to): the constant when it is a known one (no string a line). */
  private static String severity(String line, int from, int to) {
    for (String s : SEVERITIES) {
      if (s.length() == to - from && line.startsWith(s, from)) {
        return s;
      }
    }
    return line.substring(from, to);
  }

  /** Index of the ':' after the severity word ("LOG: "), or -1. */
  static int severityMarker(String line) {
    int from = 0;
    while (true) {
      int colon = line.indexOf(":  ", from);
      if (colon < 0) {
        return -1;
      }
      int start = colon;
      while (start > 0 && letterOrDigit(line.charAt(start - 1))) {
        start--;
      }
      // The severity follows a space in most prefixes, ':' in Amazon RDS's (%t:%r:%u@%d:[%p]:) and
      // '-' in %t-%c-.
      if (start == 0
          || line.charAt(start - 1) == ' '
          || line.charAt(start - 1) == ':'
          || line.charAt(start - 1) == '-') {
        String word = line.substring(start, colon);
        for (String s : SEVERITIES) {
          if (s.equals(word)) {
            return colon;
          }
        }
      }
      from = colon + 1;
    }
  }

  /** The entry's time from its prefix (ISO-like %m/%t anywhere, or %n epoch), or -1. */
  static long time(Timestamps ts, String prefix) {
    for (int p = 0; p + 19 <= prefix.length(); p++) {
      char c = prefix.charAt(p);
      if (c >= '0'
          && c <= '9'
          && (p == 0 || " [(=\"'".indexOf(prefix.charAt(p - 1)) >= 0)) { // also time_ms = "..."
        long at = ts.isoLike(prefix, p, null);
        if (at >= 0) {
          return at;
        }
        int dot = prefix.indexOf('.', p);
        if (dot == p + 10 && allDigits(prefix, p, dot)) {
          int end = dot + 1;
          while (end < prefix.length() && Character.isDigit(prefix.charAt(end))) {
            end++;
          }
          return Math.round(Double.parseDouble(prefix.substring(p, end)) * 1000);
        }
      }
    }
    return -1;
  }

  /**
   * The session id (%c, hex.hex) if the prefix has one, else the process id, else null. The process
   * id is taken, best first, from a named one ({@code pid=4711}, {@code pid="4711"}, Heroku's
   * {@code postgres.4711}), a bracketed one ({@code [4711]}), or one before a line number ({@code
   * [4711-1]}); a bracket after the first ({@code [%p]: [%l-1]}, Heroku's {@code [7-1]}) is a line
   * number, not a process.
   */
  static String session(String prefix) {
    return session(prefix, prefix.length());
  }

  /**
   * {@link #session(String)} of the first {@code n} characters of {@code line}, by index: a token
   * becomes a string only when it is the answer (the substrings of every token of every line were a
   * fifth of the reader's time).
   */
  static String session(String line, int n) {
    int named = -1;
    int namedEnd = -1;
    int bracketed = -1;
    int bracketedEnd = -1;
    int dashed = -1;
    int dashedEnd = -1;
    int brackets = 0;
    int i = 0;
    while (i < n) {
      char c = line.charAt(i);
      if (letterOrDigit(c)) {
        int j = i;
        int firstDot = -1;
        int lastDot = -1;
        boolean hex = true;
        while (j < n && (letterOrDigit(line.charAt(j)) || line.charAt(j) == '.')) {
          char t = line.charAt(j);
          if (t == '.') {
            if (firstDot < 0) {
              firstDot = j;
            }
            lastDot = j;
          } else if (t < 128
              ? !(t >= '0' && t <= '9' || t >= 'a' && t <= 'f' || t >= 'A' && t <= 'F')
              : Character.digit(t, 16) < 0) {
            hex = false;
          }
          j++;
        }
        int dot = firstDot < 0 ? -1 : firstDot - i;
        if (dot >= 6
            && firstDot == lastDot
            && firstDot < j - 1
            && hex
            && (i == 0 || line.charAt(i - 1) != ':')) {
          return line.substring(i, j);
        }
        boolean inBracket = i > 0 && line.charAt(i - 1) == '[';
        if (inBracket) {
          brackets++;
        }
        boolean digits = allDigits(line, i, j);
        if (named < 0
            && digits
            && (i >= 4 && line.startsWith("pid=", i - 4)
                || i >= 5 && line.startsWith("pid=\"", i - 5))) {
          named = i;
          namedEnd = j;
        } else if (named < 0
            && line.startsWith("postgres.", i)
            && i + 9 <= j
            && allDigits(line, i + 9, j)) {
          named = i + 9;
          namedEnd = j;
        } else if (digits
            && inBracket
            && brackets == 1
            && j < n
            && line.charAt(j) == ']'
            && bracketed < 0) {
          bracketed = i;
          bracketedEnd = j;
        } else if (digits
            && inBracket
            && brackets == 1
            && j < n
            && line.charAt(j) == '-'
            && dashed < 0) {
          dashed = i;
          dashedEnd = j;
        }
        i = j;
      } else {
        i++;
      }
    }
    return named >= 0
        ? line.substring(named, namedEnd)
        : bracketed >= 0
            ? line.substring(bracketed, bracketedEnd)
            : dashed >= 0 ? line.substring(dashed, dashedEnd) : null;
  }

  /** Character.isLetterOrDigit, with ASCII (every prefix's characters, nearly) looked up first. */
  private static boolean letterOrDigit(char c) {
    return c < 128 ? ASCII_ALNUM[c] : Character.isLetterOrDigit(c);
  }

  private static final boolean[] ASCII_ALNUM = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_ALNUM[c] = Character.isLetterOrDigit(c);
    }
  }

  private static boolean allDigits(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int k = from; k < to; k++) {
      if (!Character.isDigit(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  private static final class Entry {
    final long line;
    final long endMs;
    final String session;
    final String severity;

    /** The entry's first line and where its message starts in it. */
    String first;

    int firstFrom;

    /** The message once a continuation line came (most entries have none: no copy for them). */
    StringBuilder more;

    PostgresMessages.Parsed parsed;

    void startMessage(String line, int from) {
      first = line;
      firstFrom = from;
    }

    void continueWith(String line, int from) {
      if (more == null) {
        more = new StringBuilder(first.length() - firstFrom + 256);
        more.append(first, firstFrom, first.length());
      }
      more.append('\n').append(line, from, line.length());
    }

    /** The message read (on the reader's thread). */
    void parse() {
      parsed =
          more == null
              ? PostgresMessages.parse(severity, first, firstFrom)
              : PostgresMessages.parse(severity, more.toString(), 0);
      first = null;
      more = null;
    }

    Entry(long line, long endMs, String session, String severity) {
      this.line = line;
      this.endMs = endMs;
      this.session = session;
      this.severity = severity;
    }
  }
}
