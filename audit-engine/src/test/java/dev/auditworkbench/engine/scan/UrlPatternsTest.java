package dev.auditworkbench.engine.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.spi.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The URLconf idioms real monoliths use, each read to its routes and views (engine.django.UrlPatterns). */
class UrlPatternsTest {
  @TempDir Path repo;

  private void write(String path, String text) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void everyIdiomReachesItsRoutesAndViews() throws Exception {
    write("manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings.prod')\n");
    write("site/__init__.py", "");
    write("site/settings/__init__.py", "");
    write("site/settings/base.py", "ROOT_URLCONF = 'site.urls'\nBASE_APPS = ['shop']\nINSTALLED_APPS = BASE_APPS + ['blog']\n");
    write("site/settings/prod.py", "from .base import *\nDEBUG = False\nINSTALLED_APPS += ['api']\n");
    write("shop/__init__.py", "");
    write("shop/views.py", """
        from django.views.generic import View

        class CartMixin:
            pass

        class CartView(CartMixin, View):
            pass

        def checkout(request):
            pass

        def legacy(request):
            pass
        """.stripIndent());
    write("shop/urls.py", """
        from django.urls import path, re_path
        from django.views.decorators.cache import cache_page
        from django.views.decorators.csrf import csrf_exempt
        from . import views

        PREFIX = "shop/"
        cart_patterns = [
            path(PREFIX + "cart/", csrf_exempt(views.CartView.as_view()), name="cart"),
        ]
        urlpatterns = [
            path("checkout/" "now/", cache_page(60)(views.checkout)),
        ]
        urlpatterns += cart_patterns
        urlpatterns.append(re_path(r"^legacy/$", "shop.views.legacy"))
        """.stripIndent());
    write("api/__init__.py", "");
    write("api/views.py", """
        from rest_framework import viewsets
        from rest_framework.decorators import action

        class OrderViewSet(viewsets.ModelViewSet):
            @action(detail=True, url_path="pay")
            def pay(self, request, pk=None):
                pass
        """.stripIndent());
    write("api/routers.py", "from rest_framework.routers import DefaultRouter\n\nclass ApiRouter(DefaultRouter):\n    pass\n\n"
        + "router = ApiRouter()\n");
    write("api/registrations.py", "from api.routers import router\nfrom api.views import OrderViewSet\n\n"
        + "router.register(r'orders', OrderViewSet, basename='order')\n");
    write("site/urls.py", """
        from django.conf.urls.i18n import i18n_patterns
        from django.urls import include, path
        from api.routers import router
        from shop import urls as shop_urls
        import api.registrations

        urlpatterns = i18n_patterns(
            path("", include((shop_urls.urlpatterns, "shop"), namespace="shop")),
        )
        urlpatterns += [path("api/", include(router.urls)), *[path("v1/", include("shop.urls"))]]
        urlpatterns += [path("x/", include(make_patterns()))]
        """.stripIndent());
    RepoAnalysis a = ScanService.analyse(repo, Thresholds.from(Map.of()), ProgressListener.NONE);
    DjangoInventory inv = a.inventory();
    List<String> routes = inv.routes().stream().map(r -> r.pattern() + " -> " + r.view() + " (" + r.kind() + ")").toList();
    assertEquals(List.of(
        "checkout/now/ -> shop.views.checkout (path)",
        "shop/cart/ -> shop.views.CartView (path:class)",
        "legacy/ -> shop.views.legacy (re_path)",
        "api/orders/ -> api.views.OrderViewSet (drf-router)",
        "api/orders/<pk>/ -> api.views.OrderViewSet (drf-router)",
        "api/orders/<pk>/pay/ -> api.views.OrderViewSet.pay (drf-action)",
        "v1/checkout/now/ -> shop.views.checkout (path)",
        "v1/shop/cart/ -> shop.views.CartView (path:class)",
        "v1/legacy/ -> shop.views.legacy (re_path)",
        "x/ -> make_patterns() (unresolved)"), routes);
    assertEquals(List.of("site.settings.base", "site.settings.prod"), inv.settingsModules());
    assertEquals(List.of("shop", "blog", "api"), inv.apps().stream().map(DjangoInventory.App::name).toList());
    assertEquals(List.of("shop.views.CartView", "shop.views.checkout", "shop.views.legacy"),
        inv.views().stream().map(DjangoInventory.View::qualname).filter(v -> v.startsWith("shop.")).toList());
  }
}
