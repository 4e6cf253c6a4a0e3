package dev.auditworkbench.engine.django.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.auditworkbench.engine.django.DjangoInventory;
import dev.auditworkbench.engine.rules.RepoAnalysis;
import dev.auditworkbench.engine.rules.Thresholds;
import dev.auditworkbench.engine.scan.ScanService;
import dev.auditworkbench.engine.spi.ProgressListener;
import dev.auditworkbench.engine.spi.RawFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Django REST framework: router routes resolved to their viewsets, and serializers with their model
 * and nesting.
 */
class DrfInventoryTest {
  @TempDir static Path repo;
  static DjangoInventory inventory;
  static RepoAnalysis analysis;

  private static void write(String path, String text) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @BeforeAll
  static void scan() throws Exception {
    write("mysite/__init__.py", "");
    write(
        "mysite/settings.py",
        "ROOT_URLCONF = 'mysite.urls'\nINSTALLED_APPS = ['rest_framework', 'shop']\n");
    write(
        "mysite/urls.py",
        """
        from django.urls import include, path
        from shop.api import router
        from shop import views

        urlpatterns = [
            path("api/v1/", include(router.urls)),
            path("legacy/", include("shop.urls")),
            path("health/", views.health),
        ]
        """);
    write("shop/__init__.py", "");
    write(
        "shop/api.py",
        """
        from rest_framework import routers
        from shop.viewsets import OrderViewSet, CustomerViewSet

        router = routers.DefaultRouter()
        router.register(r"orders", OrderViewSet)
        router.register("customers", CustomerViewSet, basename="client")
        """);
    write(
        "shop/urls.py",
        """
        from django.urls import path
        from rest_framework.routers import SimpleRouter
        from shop.viewsets import ItemViewSet
        from shop import views

        items = SimpleRouter()
        items.register(r"items", ItemViewSet)
        urlpatterns = [path("", views.index)]
        urlpatterns += items.urls
        """);
    write(
        "shop/views.py",
        "def health(request):\n    return None\n\n\ndef index(request):\n    return None\n");
    write(
        "shop/viewsets.py",
        """
        from rest_framework import viewsets
        from shop.models import Customer, Order
        from shop.serializers import CustomerSerializer, OrderSerializer


        class OrderViewSet(viewsets.ModelViewSet):
            queryset = Order.objects.all()
            serializer_class = OrderSerializer


        class OptimisedOrderViewSet(viewsets.ReadOnlyModelViewSet):
            queryset = Order.objects.select_related("customer").prefetch_related("lines", "tags")
            serializer_class = OrderSerializer


        class CustomerViewSet(viewsets.ReadOnlyModelViewSet):
            queryset = Customer.objects.all()
            serializer_class = CustomerSerializer


        class ItemViewSet(viewsets.ViewSet):
            pass
        """);
    write(
        "shop/models.py",
        """
        from django.db import models


        class Customer(models.Model):
            name = models.CharField(max_length=100)


        class Tag(models.Model):
            name = models.CharField(max_length=30)


        class Order(models.Model):
            customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
            tags = models.ManyToManyField(Tag)


        class Line(models.Model):
            order = models.ForeignKey(Order, related_name="lines", on_delete=models.CASCADE)
            sku = models.CharField(max_length=20)
        """);
    write(
        "shop/serializers.py",
        """
        from rest_framework import serializers
        from shop.models import Customer, Line, Order, Tag


        class CustomerSerializer(serializers.ModelSerializer):
            class Meta:
                model = Customer
                fields = "__all__"


        class LineSerializer(serializers.ModelSerializer):
            class Meta:
                model = Line
                fields = ["sku"]


        class AuditedSerializer(serializers.ModelSerializer):
            pass


        class OrderSerializer(AuditedSerializer):
            buyer = CustomerSerializer(source="customer")
            lines = LineSerializer(many=True)
            tags = serializers.StringRelatedField(many=True)

            class Meta:
                model = Order
                fields = ["id", "buyer", "lines", "tags"]


        class NotASerializer:
            pass
        """);
    analysis = ScanService.analyse(repo, Thresholds.DEFAULTS, ProgressListener.NONE);
    inventory = analysis.inventory();
  }

  @Test
  void routerRegistrationsBecomeListAndDetailRoutesOfTheirViewsets() {
    List<String> routes =
        inventory.routes().stream()
            .map(
                r ->
                    "/"
                        + r.pattern()
                        + " "
                        + r.view()
                        + " "
                        + r.name()
                        + " "
                        + r.kind()
                        + " "
                        + r.path()
                        + ":"
                        + r.line())
            .toList();
    assertEquals(
        List.of(
            "/api/v1/orders/ shop.viewsets.OrderViewSet orders-list drf-router shop/api.py:5",
            "/api/v1/orders/<pk>/ shop.viewsets.OrderViewSet orders-detail drf-router shop/api.py:5",
            "/api/v1/customers/ shop.viewsets.CustomerViewSet client-list drf-router shop/api.py:6",
            "/api/v1/customers/<pk>/ shop.viewsets.CustomerViewSet client-detail drf-router shop/api.py:6",
            "/legacy/ shop.views.index null path shop/urls.py:8",
            "/legacy/items/ shop.viewsets.ItemViewSet items-list drf-router shop/urls.py:7",
            "/legacy/items/<pk>/ shop.viewsets.ItemViewSet items-detail drf-router shop/urls.py:7",
            "/health/ shop.views.health null path mysite/urls.py:8"),
        routes);
  }

  @Test
  void serializersAreListedWithTheirModelAndNestedSerializers() {
    assertEquals(
        List.of(
            "shop.serializers.AuditedSerializer  shop/serializers.py:17",
            "shop.serializers.CustomerSerializer model shop.models.Customer shop/serializers.py:5",
            "shop.serializers.LineSerializer model shop.models.Line shop/serializers.py:11",
            "shop.serializers.OrderSerializer model shop.models.Order; buyer: CustomerSerializer; lines: LineSerializer (many)"
                + " shop/serializers.py:21"),
        inventory.serializers().stream()
            .map(s -> s.name() + " " + s.detail() + " " + s.path() + ":" + s.line())
            .toList());
    assertEquals(
        List.of(
            "shop.viewsets.CustomerViewSet",
            "shop.viewsets.ItemViewSet",
            "shop.viewsets.OptimisedOrderViewSet",
            "shop.viewsets.OrderViewSet"),
        inventory.views().stream()
            .map(DjangoInventory.View::qualname)
            .filter(v -> v.contains("ViewSet"))
            .toList());
  }

  @Test
  void nestedSerializersWithoutSelectOrPrefetchOnTheQuerysetAreNPlusOneHints() {
    List<RawFinding> found = new ArrayList<>();
    new DrfNestedSerializerRule().check(analysis, found::add);
    assertEquals(
        1, found.size(), "only OrderViewSet: the optimised one and CustomerViewSet are clean");
    var f = found.get(0);
    assertEquals("nplusone.serializer", f.ruleKey());
    assertEquals("shop/viewsets.py", f.rawPath());
    assertEquals(7, f.startLine(), "the queryset line");
    assertEquals(
        "N+1 in OrderViewSet: OrderSerializer nests customer, lines without select_related/prefetch_related",
        f.title());
    Assertions.assertTrue(
        f.description()
            .contains(
                "Add .select_related(\"customer\") and .prefetch_related(\"lines\") to the queryset."),
        f.description());
    Assertions.assertTrue(
        f.description().contains("buyer (CustomerSerializer) through Order.customer"),
        f.description());
  }
}
