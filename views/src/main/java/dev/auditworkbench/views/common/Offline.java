package dev.auditworkbench.views.common;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Set;

/**
 * Offline by construction, for the whole process: every http, https and ftp URL refuses to open a
 * connection, and JavaFX's WebView is told to load through those URLs (its HTTP/2 loader would use
 * java.net.http, which URL handlers do not govern). A page shown in the app (the report preview, a
 * note's preview) can then load nothing from the network, whatever its HTML says; the architecture
 * test keeps shipped code from opening sockets itself. Installed first thing by the app's main, and
 * by {@link LockedWebView} before any web view exists (WebKit chooses its loader once, when the
 * first one is made).
 */
public final class Offline {
  private static final Set<String> NETWORK = Set.of("http", "https", "ftp");
  private static boolean installed;

  private Offline() {}

  /** Installs the refusal once per process; later calls do nothing. */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    System.setProperty("com.sun.webkit.useHTTP2Loader", "false");
    URL.setURLStreamHandlerFactory(protocol -> NETWORK.contains(protocol) ? new Refusing() : null);
    installed = true;
  }

  private static final class Refusing extends URLStreamHandler {
    @Override
    protected URLConnection openConnection(URL u) throws IOException {
      throw new IOException("Audit Workbench works offline: " + u + " was not loaded");
    }
  }
}
