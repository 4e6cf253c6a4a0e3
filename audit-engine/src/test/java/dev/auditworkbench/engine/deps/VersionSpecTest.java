package dev.auditworkbench.engine.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.engine.model.VersionSpec;
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
}
