from django.urls import path

from api import views

urlpatterns = [
    path("invoices/", views.invoice_list, name="api-invoices"),
    path("invoices/fast/", views.invoice_list_optimised, name="api-invoices-fast"),
    path("customers/<int:pk>/balance/", views.customer_balance, name="api-customer-balance"),
]
