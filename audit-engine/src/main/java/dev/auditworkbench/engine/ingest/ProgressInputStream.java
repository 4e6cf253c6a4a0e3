package dev.auditworkbench.engine.ingest;

import dev.auditworkbench.engine.spi.ProgressListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports bytes read to a listener (every 256 KiB) and stops reading when cancelled. */
final class ProgressInputStream extends FilterInputStream {
  private static final long STEP = 256 * 1024;

  private final ProgressListener listener;
  private final long total;
  private final String message;
  private long read;
  private long nextReport = STEP;

  ProgressInputStream(InputStream in, ProgressListener listener, long total, String message) {
    super(in);
    this.listener = listener;
    this.total = total;
    this.message = message;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  private void advance(long n) {
    read += n;
    if (read >= nextReport) {
      nextReport = read + STEP;
      listener.checkCancelled();
      listener.progress(read, total, message);
    }
  }
}
