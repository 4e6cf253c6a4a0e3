package dev.auditworkbench.engine.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Thresholds;
import dev.auditworkbench.engine.spi.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The URLconf idioms real monoliths use, each read to its routes and views
 * (engine.django.UrlPatterns).
 */
class UrlPatternsTest {
  @TempDir Path repo;

  private void write(String path, String text) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void everyIdiomReachesItsRoutesAndViews() throws Exception {
    write(
        "manage.py",
        "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site.settings.prod')\n");
    write("site/__init__.py", "");
    write("site/settings/__init__.py", "");
    write(
        "site/settings/base.py",
        "ROOT_URLCONF = 'site.urls'\nBASE_APPS = ['shop']\nINSTALLED_APPS = BASE_APPS + ['blog']\n");
    write(
        "site/settings/prod.py", "from .base import *\nDEBUG = False\nINSTALLED_APPS += ['api']\n");
    write("shop/__init__.py", "");
    write(
        "shop/views.py",
        """
        from django.views.generic import View

        class CartMixin:
            pass

        class CartView(CartMixin, View):
            pass

        def checkout(request):
            pass

        def legacy(request):
            pass
        """
            .stripIndent());
    write(
        "shop/urls.py",
        """
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
        """
            .stripIndent());
    write("api/__init__.py", "");
    write(
        "api/views.py",
        """
        from rest_framework import viewsets
        from rest_framework.decorators import action

        class OrderViewSet(viewsets.ModelViewSet):
            @action(detail=True, url_path="pay")
            def pay(self, request, pk=None):
                pass
        """
            .stripIndent());
    write(
        "api/routers.py",
        "from rest_framework.routers import DefaultRouter\n\nclass ApiRouter(DefaultRouter):\n    pass\n\n"
            + "router = ApiRouter()\n");
    write(
        "api/registrations.py",
        "from api.routers import router\nfrom api.views import OrderViewSet\n\n"
            + "router.register(r'orders', OrderViewSet, basename='order')\n");
    write(
        "site/urls.py",
        """
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
        """
            .stripIndent());
    RepoAnalysis a = ScanService.analyse(repo, Thresholds.from(Map.of()), ProgressListener.NONE);
    DjangoInventory inv = a.inventory();
    List<String> routes =
        inv.routes().stream()
            .map(r -> r.pattern() + " -> " + r.view() + " (" + r.kind() + ")")
            .toList();
    assertEquals(
        List.of(
            "checkout/now/ -> shop.views.checkout (path)",
            "shop/cart/ -> shop.views.CartView (path:class)",
            "legacy/ -> shop.views.legacy (re_path)",
            "api/orders/ -> api.views.OrderViewSet (drf-router)",
            "api/orders/<pk>/ -> api.views.OrderViewSet (drf-router)",
            "api/orders/<pk>/pay/ -> api.views.OrderViewSet.pay (drf-action)",
            "v1/checkout/now/ -> shop.views.checkout (path)",
            "v1/shop/cart/ -> shop.views.CartView (path:class)",
            "v1/legacy/ -> shop.views.legacy (re_path)",
            "x/ -> make_patterns() (unresolved)"),
        routes);
    assertEquals(List.of("site.settings.base", "site.settings.prod"), inv.settingsModules());
    assertEquals(
        List.of("shop", "blog", "api"),
        inv.apps().stream().map(DjangoInventory.App::name).toList());
    assertEquals(
        List.of("shop.views.CartView", "shop.views.checkout", "shop.views.legacy"),
        inv.views().stream()
            .map(DjangoInventory.View::qualname)
            .filter(v -> v.startsWith("shop."))
            .toList());
  }

  @Test
  void routesBuiltByTheProjectsOwnFunctionsAndClassMethodsAreEvaluated() throws Exception {
    write(
        "manage.py",
        "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'conf.settings')\n");
    write("conf/__init__.py", "");
    write("conf/settings.py", "ROOT_URLCONF = 'conf.urls'\n");
    write("crud/__init__.py", "");
    write(
        "crud/generic.py",
        """
        from django.urls import path
        from django.views.generic import View

        HANDLERS = {"list": {}, "detail": {}, "create": {}, "update": {}, "delete": {}}

        class CRUDView(View):
            lookup_field = "pk"
            path_converter = "int"
            detail_is_update = True

            @classmethod
            def get_url_pattern(cls, url_base, action):
                if action == "list":
                    return f"{url_base}/"
                if action == "create":
                    return f"{url_base}/new/"
                url_base = f"{url_base}/<{cls.path_converter}:{cls.lookup_field}>"
                if action == "detail" or (action == "update" and cls.detail_is_update):
                    return f"{url_base}/"
                if action == "update":
                    return f"{url_base}/edit/"
                if action == "delete":
                    return f"{url_base}/delete/"

            @classmethod
            def get_urls(cls, url_base, url_name, actions=None):
                actions = actions or HANDLERS.keys()
                if cls.detail_is_update:
                    actions = [action for action in actions if action != "detail"]
                return [
                    path(cls.get_url_pattern(url_base, action), cls.as_view(action=action), name=f"{url_name}.{action}")
                    for action in actions
                ]
        """
            .stripIndent());
    write(
        "crud/views.py",
        """
        from crud.generic import CRUDView

        class TagView(CRUDView):
            pass

        class UserView(CRUDView):
            lookup_field = "code"
            path_converter = "slug"
            detail_is_update = False

        def feed(request):
            pass

        def busy(n):
            while n:
                n -= 1
        """
            .stripIndent());
    write(
        "conf/urls.py",
        """
        from django.urls import path
        from crud import views

        def schedule_urls(prefix, name_prefix=""):
            prefix = prefix.rstrip("/")
            return [
                path(f"{prefix}{suffix}", view, name=f"{name_prefix}{name}")
                for suffix, view, name in [("/", views.feed, "feed"), (".xml", views.TagView.as_view(), "xml")]
            ]

        def loop_urls():
            out = []
            while True:
                out.append(path("x/", views.feed))
            return out

        urlpatterns = [
            *views.TagView.get_urls("tags", "tag"),
            *views.UserView.get_urls(url_base="users", url_name="user", actions=("list", "detail", "delete")),
            *schedule_urls("schedule/"),
            *schedule_urls("schedule/v/<version>", "v-"),
            *loop_urls(),
        ]
        """
            .stripIndent());
    RepoAnalysis a = ScanService.analyse(repo, Thresholds.from(Map.of()), ProgressListener.NONE);
    List<String> routes =
        a.inventory().routes().stream()
            .map(r -> r.pattern() + " -> " + r.view() + " " + r.name() + " (" + r.kind() + ")")
            .toList();
    assertEquals(
        List.of(
            "tags/ -> crud.views.TagView tag.list (path:class)",
            "tags/new/ -> crud.views.TagView tag.create (path:class)",
            "tags/<int:pk>/ -> crud.views.TagView tag.update (path:class)",
            "tags/<int:pk>/delete/ -> crud.views.TagView tag.delete (path:class)",
            "users/ -> crud.views.UserView user.list (path:class)",
            "users/<slug:code>/ -> crud.views.UserView user.detail (path:class)",
            "users/<slug:code>/delete/ -> crud.views.UserView user.delete (path:class)",
            "schedule/ -> crud.views.feed feed (path)",
            "schedule.xml -> crud.views.TagView xml (path:class)",
            "schedule/v/<version>/ -> crud.views.feed v-feed (path)",
            "schedule/v/<version>.xml -> crud.views.TagView v-xml (path:class)",
            " -> loop_urls() a list returned by loop_urls() (unresolved)"),
        routes);
  }

  @Test
  void appsOfASettingsClassPropertyAndANamespacePackageAreRead() throws Exception {
    write(
        "manage.py",
        "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'conf.settings.dev')\n");
    write("conf/__init__.py", "");
    write("conf/settings/__init__.py", "");
    write(
        "conf/settings/base.py",
        """
        class BaseSettings:
            ROOT_URLCONF = "conf.urls"
            DEBUG = False

            @property
            def INSTALLED_APPS(self):
                apps = ["django.contrib.auth", "shop", "notes"]
                if self.DEBUG:
                    apps.append("debug_toolbar")
                return apps
        """
            .stripIndent());
    write(
        "conf/settings/dev.py",
        "from .base import BaseSettings\n\nclass DevSettings(BaseSettings):\n    DEBUG = True\n\n"
            + "DevSettings.load_settings(__name__)\n");
    write("shop/__init__.py", "");
    write("shop/models.py", "");
    write("notes/models.py", ""); // a namespace package: no __init__.py
    write("conf/urls.py", "urlpatterns = []\n");
    RepoAnalysis a = ScanService.analyse(repo, Thresholds.from(Map.of()), ProgressListener.NONE);
    assertEquals(
        List.of(
            "django.contrib.auth false",
            "shop true shop/__init__.py",
            "notes true notes/",
            "debug_toolbar false"),
        a.inventory().apps().stream()
            .map(x -> x.name() + " " + x.local() + (x.path() == null ? "" : " " + x.path()))
            .toList());
  }
}
