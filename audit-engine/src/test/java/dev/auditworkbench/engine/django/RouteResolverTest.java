package dev.auditworkbench.engine.django;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Request paths and route templates (a trace's http.route) find the route and the view behind it.
 */
class RouteResolverTest {
  private static final RouteResolver RESOLVER =
      new RouteResolver(
          Inventories.of(
              List.of(),
              List.of(),
              List.of(
                  new DjangoInventory.View("shop.views.detail", "shop/views.py", 12, "function"),
                  new DjangoInventory.View("shop.views.pay", "shop/views.py", 30, "function")),
              List.of(
                  new DjangoInventory.Route(
                      "orders/<int:pk>/", "shop.views.detail", null, "shop/urls.py", 5, "path"),
                  new DjangoInventory.Route(
                      "orders/<str:ref>/pay/", "shop.views.pay", null, "shop/urls.py", 6, "path"),
                  new DjangoInventory.Route(
                      "legacy/(?P<pk>[0-9]+)/",
                      "shop.views.detail",
                      null,
                      "shop/urls.py",
                      7,
                      "re_path"))));

  private static String view(String path) {
    return RESOLVER
        .resolve(path)
        .map(m -> m.route().view() + " " + m.viewPath() + ":" + m.viewLine())
        .orElse("none");
  }

  @Test
  void aRequestPathMatchesItsRoute() {
    assertEquals("shop.views.detail shop/views.py:12", view("/orders/42/"));
    assertEquals("shop.views.pay shop/views.py:30", view("orders/A-7/pay/"));
    assertEquals("shop.views.detail shop/views.py:12", view("/legacy/9/"));
  }

  @Test
  void aRouteTemplateFromATraceIsItsOwnRoute() {
    // OpenTelemetry's Django instrumentation sets http.route to the resolver's route:
    // "orders/<int:pk>/", which no request path with a number in it looks like.
    assertEquals("shop.views.detail shop/views.py:12", view("/orders/<int:pk>/"));
    assertEquals("shop.views.pay shop/views.py:30", view("orders/<str:ref>/pay/"));
  }

  @Test
  void aPathNoRouteServesIsNotMatched() {
    assertEquals("none", view("/orders/x/"));
    assertTrue(RESOLVER.resolve("/orders/<int:pk>/refund/").isEmpty());
  }
}
