package dev.auditworkbench.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoredInstantsTest {
  @Test
  void readsBackWhatInstantToStringWritesAsInstantParseDoes() {
    Random random = new Random(7);
    List<Instant> samples =
        new java.util.ArrayList<>(
            List.of(
                Instant.EPOCH,
                Instant.parse("2026-12-06T20:59:01Z"),
                Instant.parse("2026-12-06T20:59:01.100Z"),
                Instant.parse("2026-12-06T20:59:01.798461Z"),
                Instant.parse("2026-12-06T20:59:01.798461270Z"),
                Instant.parse("2024-02-29T23:59:59.000000001Z"),
                Instant.parse("1969-12-31T23:59:59.5Z")));
    for (int i = 0; i < 10_000; i++) {
      samples.add(
          Instant.ofEpochSecond(
              random.nextLong(4_000_000_000L) - 1_000_000_000L,
              random.nextBoolean() ? 0 : random.nextInt(1_000_000_000)));
    }
    StoredInstants instants = new StoredInstants();
    for (Instant i : samples) {
      String text = i.toString();
      assertEquals(Instant.parse(text), StoredInstants.parseCanonical(text), text);
      assertEquals(i, instants.parse(text), text);
    }
  }

  @Test
  void theSameTextGivesTheSameInstantWithoutParsingAgain() {
    StoredInstants instants = new StoredInstants();
    Instant first = instants.parse("2026-12-06T20:59:01.798461270Z");
    assertSame(first, instants.parse(new String("2026-12-06T20:59:01.798461270Z")));
  }

  @Test
  void otherFormsAreReadOrRefusedExactlyAsInstantParseDoes() {
    for (String odd :
        List.of(
            "2026-12-06T20:59:01+01:00",
            "+12026-12-06T20:59:01Z",
            "2026-12-06T24:00:00Z",
            "2026-12-06T23:59:60Z",
            "2026-12-06T20:59:01.Z",
            "2026-13-06T20:59:01Z",
            "2026-02-30T20:59:01Z",
            "2026-12-06T20:5x:01Z",
            "2026-12-06T20:59:01.1234567890Z",
            "2026-12-06 20:59:01Z",
            "")) {
      Object expected;
      try {
        expected = Instant.parse(odd);
      } catch (DateTimeParseException e) {
        expected = DateTimeParseException.class;
      }
      Object actual;
      try {
        actual = StoredInstants.parseCanonical(odd);
      } catch (DateTimeParseException e) {
        actual = DateTimeParseException.class;
      }
      assertEquals(expected, actual, odd);
    }
  }
}
