package dev.auditworkbench.importers.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxonomyTest {
  /**
   * OWASP 2017 ids (with the year, or bare as older tools write them) map to the 2021 categories
   * they went into.
   */
  @Test
  void owasp2017TagsMapTo2021() throws Exception {
    var tags =
        new ObjectMapper()
            .readTree(
                "[\"A1:2017-Injection\", \"A3\", \"A05:2021 - Security Misconfiguration\", \"A10:2017-Insufficient Logging\","
                    + " \"A7:2017-Cross-Site Scripting (XSS)\", \"A4:2017-XML External Entities (XXE)\", \"security\"]");
    assertEquals(List.of("A03:2021", "A02:2021", "A05:2021", "A09:2021"), Taxonomy.owasp2021(tags));
  }
}
