package dev.auditworkbench.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordsTest {
  @Test
  void millisecondsKeepWhatMattersAtEachSize() {
    assertEquals("1,204", Words.millis(1204.4));
    assertEquals("27.2", Words.millis(27.21));
    assertEquals("0.19", Words.millis(0.194));
    assertEquals("0.04", Words.millis(0.043), "a fast statement is not '0.0'");
    assertEquals("-", Words.millis(Double.NaN));
  }

  @Test
  void countsAndArticles() {
    assertEquals("1 request", Words.count(1, "request"));
    assertEquals("8,145 calls", Words.count(8145, "call"));
    assertEquals("an AWS key", Words.article("AWS key") + " AWS key");
  }
}
