package dev.auditworkbench.engine.model;

import java.util.Locale;

/** Small English for texts the client reads: "an AWS key", "1 request", "20 requests". */
public final class Words {
  private Words() {}

  /**
   * "a" or "an" before {@code phrase}, by its sound: "an AWS key", "an SSH key", "a Stripe key".
   */
  public static String article(String phrase) {
    String first = phrase.strip().split("[\\s(]", 2)[0];
    if (first.isEmpty()) {
      return "a";
    }
    char c = Character.toLowerCase(first.charAt(0));
    boolean acronym =
        first.length() > 1
            && first.chars().allMatch(ch -> Character.isUpperCase(ch) || Character.isDigit(ch));
    if (acronym) {
      return "aefhilmnorsx".indexOf(c) >= 0 ? "an" : "a";
    }
    return "aeio".indexOf(c) >= 0 || (c == 'u' && !first.toLowerCase(Locale.ROOT).startsWith("us"))
        ? "an"
        : "a";
  }

  /** "a"/"an" and the phrase, capitalised for the start of a sentence. */
  public static String anyOne(String phrase) {
    String a = article(phrase);
    return Character.toUpperCase(a.charAt(0)) + a.substring(1) + " " + phrase;
  }

  /**
   * A duration in milliseconds as the report and the app write it: whole numbers from 100 ms
   * ("1,204"), one decimal from 10 ms ("27.2"), two below ("0.19", "0.04"); "-" when unknown.
   */
  public static String millis(double v) {
    if (Double.isNaN(v) || v < 0) {
      return "-";
    }
    if (v >= 100) {
      return String.format(Locale.ENGLISH, "%,.0f", v);
    }
    return String.format(Locale.ENGLISH, v >= 10 ? "%.1f" : "%.2f", v);
  }

  /** {@code n} and the noun, plural when n is not 1 ("requests", "sessions"). */
  public static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : noun + "s");
  }
}
