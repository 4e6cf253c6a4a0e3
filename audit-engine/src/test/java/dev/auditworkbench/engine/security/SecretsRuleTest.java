package dev.auditworkbench.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.spi.RawFinding;
import dev.auditworkbench.engine.testing.PythonStdlib;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SecretsRuleTest {
  private static final String AWS_KEY = "AKIA" + "Q3EXAMPLE7KZ2M4P";
  private static final String GITHUB = "ghp_" + "x7Kq2mZp9Lw4Rt8Yv3Nb6Hc1Jd5Fg0Se2Ua4";

  private static List<String> shown(List<RawFinding> found) {
    return found.stream().map(f -> f.ruleKey() + " @" + f.startLine() + " " + f.title()).toList();
  }

  @Test
  void findsEachKindOnItsLineWithWindowsLineEnds() {
    String text =
        "import os\r\n\r\nAWS_KEY = '"
            + AWS_KEY
            + "'\r\nTOKEN = '"
            + GITHUB
            + "'\r\n"
            + "DB_PASSWORD = 'q8#Lm2$vXz9!'\r\nDEBUG = False\r\n";
    List<RawFinding> found = SecretsRule.secretsIn("app/settings.py", true, text, false);
    assertEquals(
        List.of(
            "secret.aws-access-key-id @3 Secret (AWS access key id) committed in app/settings.py",
            "secret.github-token @4 Secret (GitHub token) committed in app/settings.py",
            "secret.password-literal @5 Secret (password literal) committed in app/settings.py"),
        shown(found));
    assertEquals(shown(SecretsRule.secretsIn("app/settings.py", true, text, true)), shown(found));
  }

  @Test
  void aCharacterThatLowerCasesToTwoDoesNotShiftLines() {
    // "İ".toLowerCase() is two chars: offsets in the lower-cased text no longer match the file's.
    String text =
        "# İİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİİ\n\n\nSECRET = 'Zq8#Lm2$vXz9!pR'\n";
    List<RawFinding> found = SecretsRule.secretsIn("app/conf.py", true, text, false);
    assertEquals(
        List.of("secret.password-literal @4 Secret (password literal) committed in app/conf.py"),
        shown(found));
  }

  @Test
  void envFilesAreReadLineByLineAndNamedOnce() {
    String text = "DEBUG=1\nSECRET_KEY=Zq8Lm2vXz9pRw4\nAPI_TOKEN=Hc1Jd5Fg0Se2Ua4x\nNAME=demo\n";
    List<RawFinding> found = SecretsRule.secretsIn(".env", false, text, false);
    assertEquals(
        List.of(
            "secret.env-assignment @2 Secret (secret in a .env file) committed in .env (a committed .env file)",
            "secret.env-assignment @3 Secret (secret in a .env file) committed in .env"),
        shown(found));
  }

  /**
   * Matching only the lines that hold a kind's hint finds exactly what matching every line finds,
   * on the demo (its planted secrets) and on the standard library of this machine's python3.
   */
  @Test
  void hintedLinesFindWhatEveryLineFinds() throws Exception {
    List<Path> roots =
        new ArrayList<>(
            List.of(Path.of("..", "app", "src", "main", "resources", "demo", "ledgerly")));
    roots.add(PythonStdlib.folder());
    int files = 0;
    int findings = 0;
    for (Path root : roots) {
      for (Path file : textFiles(root)) {
        String path = root.relativize(file).toString().replace('\\', '/');
        if (path.startsWith("site-packages/") || path.startsWith("test/")) {
          continue; // the standard library itself is enough, and quicker
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        boolean python = path.endsWith(".py");
        List<String> fast = shown(SecretsRule.secretsIn(path, python, text, false));
        assertEquals(shown(SecretsRule.secretsIn(path, python, text, true)), fast, path);
        files++;
        findings += fast.size();
      }
    }
    assertTrue(files > 500, files + " files");
    assertTrue(findings >= 6, "the demo's planted secrets at least: " + findings);
  }

  private static List<Path> textFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(
              p -> {
                String name = p.getFileName().toString();
                return !name.endsWith(".pyc") && !name.endsWith(".so") && !name.endsWith(".png");
              })
          .filter(
              p -> {
                try {
                  return Files.size(p) < 1024 * 1024;
                } catch (IOException e) {
                  return false;
                }
              })
          .sorted()
          .toList();
    }
  }
}
