package dev.auditworkbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.auditworkbench.engine.report.Markdown;
import dev.auditworkbench.views.common.LockedWebView;
import dev.auditworkbench.views.common.Offline;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app opens no network connection, even for a page that asks for one: a listener on this
 * machine's loopback address stands in for the network and must receive nothing while the app's web
 * views show a note with a remote image and HTML that loads an image, a style sheet and a frame.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineWebViewTest {
  private ServerSocket listener;
  private final AtomicInteger connections = new AtomicInteger();
  private Thread acceptor;
  private LockedWebView view;

  @Start
  void start(Stage stage) {
    Offline.install();
    view = new LockedWebView("test-view");
    stage.setScene(new Scene(view.node(), 400, 300));
    stage.show();
  }

  @BeforeEach
  void listen() throws Exception {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    listener.setSoTimeout(200);
    acceptor =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                  connections.incrementAndGet();
                } catch (SocketTimeoutException e) {
                  // look again
                } catch (IOException e) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void close() throws Exception {
    listener.close();
    acceptor.join(2000);
  }

  private String base() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  private void showAndWait(FxRobot robot, String html) throws Exception {
    robot.interact(() -> view.show(html));
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> {
          Worker.State s =
              WaitForAsyncUtils.asyncFx(() -> view.node().getEngine().getLoadWorker().getState())
                  .get();
          return s == Worker.State.SUCCEEDED
              || s == Worker.State.FAILED
              || s == Worker.State.CANCELLED;
        });
    Thread.sleep(1500); // sub-resources load after the page: give them time to try
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aNoteWithARemoteImageLoadsNothing(FxRobot robot) throws Exception {
    String note =
        "See the screenshot: ![login page]("
            + base()
            + "/shot.png) and [the ticket]("
            + base()
            + "/t/1)"
            + " and [data](data:text/html;base64,PHNjcmlwdD4=)";
    String html = Markdown.html(note);
    assertFalse(html.contains("<img"), html);
    assertTrue(html.contains("[image: login page] " + base() + "/shot.png"), html);
    assertFalse(html.contains("data:"), html);
    showAndWait(robot, "<html><body>" + html + "</body></html>");
    assertEquals(0, connections.get(), "connections to the network stand-in");
  }

  @Test
  void htmlThatAsksForRemoteResourcesLoadsNoneOfThem(FxRobot robot) throws Exception {
    showAndWait(
        robot,
        "<html><head><link rel=\"stylesheet\" href=\""
            + base()
            + "/s.css\"></head><body>"
            + "<img src=\""
            + base()
            + "/a.png\"><iframe src=\""
            + base()
            + "/frame\"></iframe>"
            + "<div style=\"background:url("
            + base()
            + "/b.png)\">x</div></body></html>");
    assertEquals(0, connections.get(), "connections to the network stand-in");
  }
}
