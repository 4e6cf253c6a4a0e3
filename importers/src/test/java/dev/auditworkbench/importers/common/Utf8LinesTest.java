package dev.auditworkbench.importers.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The lines are readLine's, whatever the endings, characters and buffer size. */
class Utf8LinesTest {
  private static final byte[][] PIECES = {
    "a".getBytes(StandardCharsets.UTF_8),
    "SELECT 1".getBytes(StandardCharsets.UTF_8),
    "\n".getBytes(StandardCharsets.UTF_8),
    "\r".getBytes(StandardCharsets.UTF_8),
    "\r\n".getBytes(StandardCharsets.UTF_8),
    "\t".getBytes(StandardCharsets.UTF_8),
    "Grüße".getBytes(StandardCharsets.UTF_8),
    "€".getBytes(StandardCharsets.UTF_8),
    "😀".getBytes(StandardCharsets.UTF_8),
    {(byte) 0xE2, (byte) 0x82}, // a truncated euro sign
    {(byte) 0xFF},
    {(byte) 0xC3}
  };

  @Test
  void linesAreWhatBufferedReaderReads() throws Exception {
    Random random = new Random(11);
    for (int round = 0; round < 2_000; round++) {
      var bytes = new java.io.ByteArrayOutputStream();
      int pieces = random.nextInt(40);
      for (int i = 0; i < pieces; i++) {
        bytes.write(PIECES[random.nextInt(PIECES.length)]);
      }
      byte[] input = bytes.toByteArray();
      List<String> expected = new ArrayList<>();
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8))) {
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          expected.add(l);
        }
      }
      int size = 1 + random.nextInt(16);
      List<String> actual = new ArrayList<>();
      try (Utf8Lines lines = new Utf8Lines(new ByteArrayInputStream(input), size)) {
        for (String l = lines.next(); l != null; l = lines.next()) {
          actual.add(l);
        }
      }
      assertEquals(expected, actual, "buffer " + size + ": " + java.util.Arrays.toString(input));
    }
  }
}
