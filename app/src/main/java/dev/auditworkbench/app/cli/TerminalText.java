package dev.auditworkbench.app.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the CLI prints passes through here: control characters other than tab and line ends are
 * dropped, and so are whole ANSI/OSC escape sequences (ESC [ ... final byte, ESC ] ... BEL or ESC
 * \), so text from an imported report can neither recolour nor retitle nor rewrite the auditor's
 * terminal. JSON output escapes such characters itself and is unaffected.
 */
final class TerminalText extends FilterWriter {
  private enum State {
    TEXT,
    ESC,
    CSI,
    OSC,
    OSC_ESC
  }

  private State state = State.TEXT;

  private TerminalText(Writer out) {
    super(out);
  }

  static PrintWriter wrap(PrintWriter out) {
    return new PrintWriter(new TerminalText(out), true);
  }

  @Override
  public void write(int c) throws IOException {
    switch (state) {
      case TEXT -> {
        if (c == 0x1b) {
          state = State.ESC;
        } else if (c == 0x9b) {
          state = State.CSI;
        } else if (c == 0x9d) {
          state = State.OSC;
        } else if (c == '\n'
            || c == '\r'
            || c == '\t'
            || c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f)) {
          out.write(c);
        }
      }
      case ESC -> state = c == '[' ? State.CSI : c == ']' ? State.OSC : State.TEXT;
      case CSI -> {
        if (c >= 0x40 && c <= 0x7e) {
          state = State.TEXT;
        }
      }
      case OSC ->
          state = c == 0x07 || c == 0x9c ? State.TEXT : c == 0x1b ? State.OSC_ESC : State.OSC;
      case OSC_ESC -> state = State.TEXT;
    }
  }

  /** Plain printable text passes in runs; only control characters and escapes go one by one. */
  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    int end = off + len;
    int run = off;
    for (int i = off; i < end; i++) {
      char c = cbuf[i];
      if (state != State.TEXT || special(c)) {
        if (i > run) {
          out.write(cbuf, run, i - run);
        }
        write(c);
        run = i + 1;
      }
    }
    if (end > run) {
      out.write(cbuf, run, end - run);
    }
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    write(str.toCharArray(), off, len);
  }

  private static boolean special(char c) {
    return c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 && c <= 0x9f;
  }
}
