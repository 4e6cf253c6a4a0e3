from django.urls import path

from reports import views

urlpatterns = [
    path("revenue/", views.revenue, name="report-revenue"),
    path("reconcile/", views.reconcile, name="report-reconcile"),
    path("by-status/", views.by_status, name="report-by-status"),
]
