package dev.auditworkbench.engine.repo;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a repo path is test code: a file in a tests/ folder (not test/: DefectDojo's test/ is the
 * app of its Test model), test_*.py, *_test.py, *_tests.py, tests.py, conftest.py, test settings
 * (settings/test.py, test_settings.py, settings/ci.py), or test fixtures and factories folders.
 * Findings there are not production findings: a hard-coded password in test settings or a long test
 * method is not what an auditor reports to a CTO.
 */
public final class TestCode {
  private static final Pattern TEST_DIR =
      Pattern.compile(
          "(^|/)(tests|testing|test_utils|fixtures|factories|testdata|"
              + "test_data|unittests|functional_tests|integration_tests|e2e)/");
  private static final Pattern TEST_FILE =
      Pattern.compile(
          "(^|/)(test_[^/]*|[^/]*_tests?|tests|conftest|test_settings|testsettings|settings_test|test_utils|testutils"
              + "|factories)\\.py$");
  private static final Pattern TEST_SETTINGS =
      Pattern.compile("(^|/)settings/(test|tests|testing|ci|unittests?)[^/]*\\.py$");

  private TestCode() {}

  public static boolean isTest(String path) {
    if (path == null) {
      return false;
    }
    String p = path.replace('\\', '/').toLowerCase(Locale.ROOT);
    return TEST_DIR.matcher(p).find()
        || TEST_FILE.matcher(p).find()
        || TEST_SETTINGS.matcher(p).find();
  }
}
