from django.contrib import admin
from django.urls import include, path

from customers import views as customer_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", customer_views.dashboard, name="dashboard"),
    path("customers/", include("customers.urls")),
    path("invoices/", include("invoices.urls")),
    path("payments/", include("payments.urls")),
    path("reports/", include("reports.urls")),
    path("api/v1/", include("api.urls")),
]
