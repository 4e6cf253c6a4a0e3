package dev.auditworkbench.engine.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.model.DjangoReleases;
import dev.auditworkbench.engine.model.VersionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionSpecTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      >=3.2.4        | 5.2   | true
      >=2.2,<4.0     | 5.2   | false
      >=2.2,<4.0     | 3.2   | true
      <5             | 5.2   | false
      ~=4.2          | 4.2.7 | true
      ~=4.2          | 5.2   | false
      ~=4.2.0        | 4.3   | false
      ==4.*          | 4.2   | true
      ==4.*          | 5.2   | false
      !=5.2          | 5.2   | false
      ===5.2         | 5.2   | true
      ''             | 1.0   | true
      >=3.0,!=3.1.*  | 3.1.4 | false
      """)
  void specifierAllowsVersion(String spec, String version, boolean allowed) {
    assertEquals(allowed, VersionSpec.allows(spec, version));
  }

  @Test
  void versionsCompareNumberByNumber() {
    assertTrue(VersionSpec.compare("1.10", "1.9") > 0);
    assertTrue(VersionSpec.compare("5.2", "5.10") < 0);
    assertEquals(0, VersionSpec.compare("4.2", "4.2.0"));
    assertTrue(VersionSpec.compare("6.0rc1", "5.2") > 0);
    assertEquals("3.2", VersionSpec.series("3.2.25"));
  }

  @Test
  void theLtsPathComparesSeriesAsVersionsNotDecimals() {
    // "1.11" read as a decimal is before "1.9": the path from 1.9 must still pass through 1.11
    assertEquals(
        List.of("1.11", "2.2", "3.2", "4.2"),
        DjangoReleases.ltsPath("1.9", DjangoReleases.of("4.2").orElseThrow()).stream()
            .map(DjangoReleases.Series::version)
            .toList());
  }
}
