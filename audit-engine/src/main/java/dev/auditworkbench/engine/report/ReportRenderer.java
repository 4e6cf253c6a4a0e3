package dev.auditworkbench.engine.report;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Lays a {@link ReportModel} out as HTML with a Pebble template (Django-like syntax, every value
 * escaped unless the template says {@code raw}), and turns that HTML into a PDF with openhtmltopdf:
 * bundled fonts embedded, SVG charts drawn as vectors by Batik in secure mode, and every http,
 * https or ftp address refused, so rendering never reaches the network.
 */
public final class ReportRenderer {
  /** Where the default template lives on the class path (module report-templates). */
  public static final String DEFAULT = "dev/auditworkbench/report/default/";

  private static final String[][] FONTS = {
    {"LiberationSans-Regular.ttf", "Liberation Sans", "400", "NORMAL"},
    {"LiberationSans-Bold.ttf", "Liberation Sans", "700", "NORMAL"},
    {"LiberationSans-Italic.ttf", "Liberation Sans", "400", "ITALIC"},
    {"LiberationSans-BoldItalic.ttf", "Liberation Sans", "700", "ITALIC"},
    {"LiberationMono-Regular.ttf", "Liberation Mono", "400", "NORMAL"}
  };

  private final PebbleEngine engine;

  static {
    // openhtmltopdf logs every font it loads through java.util.logging; the CLI and app report
    // themselves.
    XRLog.setLoggingEnabled(false);
  }

  /**
   * @param templateDir a folder with report.html (and what it includes), or null for the default
   */
  public ReportRenderer(Path templateDir) {
    Loader<String> loader;
    if (templateDir == null) {
      ClasspathLoader cp = new ClasspathLoader(ReportRenderer.class.getClassLoader());
      cp.setPrefix(DEFAULT);
      loader = cp;
    } else {
      if (!Files.isRegularFile(templateDir.resolve("report.html"))) {
        throw new IllegalArgumentException(templateDir + " has no report.html");
      }
      FileLoader files = new FileLoader();
      files.setPrefix(templateDir.toAbsolutePath().toString());
      loader = files;
    }
    engine =
        new PebbleEngine.Builder()
            .loader(loader)
            .strictVariables(true)
            .autoEscaping(true)
            .cacheActive(false)
            .defaultLocale(Locale.ENGLISH)
            .extension(new ReportFilters())
            .build();
  }

  /**
   * The project setting naming a template folder ({@code workbench config F report.template=DIR}).
   */
  public static final String TEMPLATE_SETTING = "report.template";

  /** The project's own template folder, or null for the default. */
  public static Path projectTemplate(Map<String, String> settings) {
    String dir = settings.get(TEMPLATE_SETTING);
    return dir == null || dir.isBlank() ? null : Path.of(dir);
  }

  /** The report as XHTML. */
  public String html(ReportModel model) {
    try {
      PebbleTemplate template = engine.getTemplate("report.html");
      StringWriter out = new StringWriter();
      template.evaluate(out, Map.of("model", model, "contentSha256", ReportJson.sha256(model)));
      return out.toString();
    } catch (PebbleException e) {
      throw new IllegalArgumentException("the report template failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the HTML as PDF. */
  public static void pdf(String html, OutputStream out) throws IOException {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    for (String[] f : FONTS) {
      String resource = DEFAULT + "fonts/" + f[0];
      builder.useFont(
          () -> open(resource),
          f[1],
          Integer.parseInt(f[2]),
          BaseRendererBuilder.FontStyle.valueOf(f[3]),
          true);
    }
    builder.useSVGDrawer(
        new BatikSVGDrawer(
            BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE));
    builder.useProtocolsStreamImplementation(url -> new Refused(), "http", "https", "ftp");
    builder.useHttpStreamImplementation(url -> new Refused());
    builder.withHtmlContent(html, null);
    builder.toStream(out);
    builder.run();
  }

  private static InputStream open(String resource) {
    InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("bundled font missing: " + resource);
    }
    return in;
  }

  /** What a network address gets: nothing. */
  private static final class Refused implements FSStream {
    @Override
    public InputStream getStream() {
      return null;
    }

    @Override
    public Reader getReader() {
      return null;
    }
  }
}
