package dev.auditworkbench.importers.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditworkbench.engine.model.OwaspTop10;
import dev.auditworkbench.engine.spi.RawFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CWE and OWASP Top 10 2021 ids from the many ways scanners write them. */
public final class Taxonomy {
  private static final Pattern CWE = Pattern.compile("(?i)cwe[-_/ ]?(\\d{1,4})");
  private static final Pattern OWASP_2021 = Pattern.compile("A(\\d{2}):2021");

  /** OWASP Top 10 2017 as tools write it: "A1:2017-Injection", "A03:2017", or a bare "A3". */
  private static final Pattern OWASP_2017 =
      Pattern.compile("^\\s*A0?(\\d{1,2})(?::2017\\b.*|\\s*[-:].*|)$");

  /** The 2021 category each 2017 one went into (owasp.org's mapping of 2017 to 2021). */
  private static final String[] FROM_2017 = {
    null, "A03", "A07", "A02", "A05", "A01", "A05", "A03", "A08", "A06", "A09"
  };

  private Taxonomy() {}

  /** CWE ids in "CWE-79: ...", "external/cwe/cwe-703", "CWE-346", or arrays of those. */
  public static List<Integer> cwes(JsonNode node) {
    List<Integer> out = new ArrayList<>();
    if (node == null || node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(n -> cwes(n).forEach(c -> addOnce(out, c)));
      return out;
    }
    if (node.isInt()) {
      addOnce(out, node.asInt());
      return out;
    }
    Matcher m = CWE.matcher(node.asText());
    while (m.find()) {
      addOnce(out, Integer.parseInt(m.group(1)));
    }
    return out;
  }

  /** OWASP Top 10 2021 ids written by the tool ("A01:2021 - Broken Access Control"). */
  public static List<String> owasp2021(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isMissingNode() || node.isNull()) {
      return out;
    }
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else {
      items.add(node);
    }
    for (JsonNode n : items) {
      Matcher m = OWASP_2021.matcher(n.asText());
      boolean any = false;
      while (m.find()) {
        any = true;
        String id = "A" + m.group(1) + ":2021";
        if (!out.contains(id)) {
          out.add(id);
        }
      }
      Matcher old = OWASP_2017.matcher(n.asText());
      if (!any && old.matches()) {
        int k = Integer.parseInt(old.group(1));
        if (k >= 1 && k <= 10) {
          String id = FROM_2017[k] + ":2021";
          if (!out.contains(id)) {
            out.add(id);
          }
        }
      }
    }
    return out;
  }

  /** Adds CWE ids and the OWASP categories written by the tool or implied by the CWEs. */
  public static void apply(RawFinding.Builder b, List<Integer> cwes, List<String> owaspWritten) {
    cwes.forEach(b::cwe);
    owaspWritten.forEach(b::owasp);
    OwaspTop10.idsFor(cwes).forEach(b::owasp);
  }

  private static void addOnce(List<Integer> out, int cwe) {
    if (cwe > 0 && !out.contains(cwe)) {
      out.add(cwe);
    }
  }
}
