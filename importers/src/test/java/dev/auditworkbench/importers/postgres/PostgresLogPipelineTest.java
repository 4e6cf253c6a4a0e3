package dev.auditworkbench.importers.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.spi.CancelledException;
import dev.auditworkbench.engine.spi.ImportInput;
import dev.auditworkbench.engine.testing.CollectingSink;
import dev.auditworkbench.engine.testing.FileInput;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stderr log is read on a thread of its own and handed over in batches: what the reader meets
 * (a cancel, a broken stream) reaches the import as it was thrown, and entries keep their order.
 */
class PostgresLogPipelineTest {
  private static final Path LOG =
      Path.of("src/test/resources/samples/postgres/prefix-debian.log").toAbsolutePath();

  /** The sample repeated until it is larger than several batches. */
  private static byte[] big() throws IOException {
    byte[] one = Files.readAllBytes(LOG);
    byte[] out = new byte[one.length * 60];
    for (int i = 0; i < 60; i++) {
      System.arraycopy(one, 0, out, i * one.length, one.length);
    }
    return out;
  }

  private static ImportInput failingAfter(byte[] bytes, int after, RuntimeException e) {
    return new ImportInput() {
      @Override
      public Path path() {
        return LOG;
      }

      @Override
      public Map<String, String> options() {
        return Map.of();
      }

      @Override
      public InputStream open() {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
          private int read;

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (read > after) {
              throw e;
            }
            int n = super.read(b, off, len);
            read += Math.max(0, n);
            return n;
          }
        };
      }
    };
  }

  @Test
  void aCancelWhileReadingIsACancel() throws Exception {
    byte[] bytes = big();
    CollectingSink sink = new CollectingSink();
    assertThrows(
        CancelledException.class,
        () ->
            new PostgresStderrImporter()
                .parse(failingAfter(bytes, bytes.length / 2, new CancelledException()), sink));
  }

  @Test
  void aBrokenStreamIsAnInputError() throws Exception {
    byte[] bytes = big();
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                new PostgresStderrImporter()
                    .parse(
                        new ImportInput() {
                          @Override
                          public Path path() {
                            return LOG;
                          }

                          @Override
                          public InputStream open() {
                            return new FilterInputStream(new ByteArrayInputStream(bytes)) {
                              @Override
                              public int read(byte[] b, int off, int len) throws IOException {
                                throw new IOException("Unexpected end of ZLIB input stream");
                              }
                            };
                          }
                        },
                        new CollectingSink()));
    assertTrue(e.getMessage().contains("ZLIB"), e.getMessage());
  }

  @Test
  void aLargeLogGivesTheSameStatementsInTheSameOrderAsOneCopyTimesSixty() throws Exception {
    CollectingSink one = new CollectingSink();
    new PostgresStderrImporter().parse(new FileInput(LOG, Map.of()), one);
    assertTrue(one.queries.size() > 10, "the sample's statements are read");
    Path many = Files.createTempFile("pg", ".log");
    try {
      Files.write(many, big());
      CollectingSink sixty = new CollectingSink();
      new PostgresStderrImporter().parse(new FileInput(many, Map.of()), sixty);
      assertEquals(one.queries.size() * 60, sixty.queries.size());
      for (int i = 0; i < sixty.queries.size(); i++) {
        assertEquals(
            one.queries.get(i % one.queries.size()).sql(),
            sixty.queries.get(i).sql(),
            "statement " + i + " in file order");
      }
    } finally {
      Files.deleteIfExists(many);
    }
  }
}
