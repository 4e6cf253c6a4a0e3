from django.urls import path

from invoices import views

urlpatterns = [
    path("", views.invoice_list, name="invoice-list"),
    path("overdue/", views.overdue_invoices, name="invoice-overdue"),
    path("<int:pk>/", views.invoice_detail, name="invoice-detail"),
    path("<int:pk>/remind/", views.send_reminder, name="invoice-remind"),
    path("<int:pk>/void/", views.void_invoice, name="invoice-void"),
    path("export.csv", views.export_csv, name="invoice-export"),
    path("search/", views.search, name="invoice-search"),
    path("bulk/", views.bulk_action, name="invoice-bulk"),
    path("aging/", views.aging_summary, name="invoice-aging"),
    path("<int:pk>/credit/", views.issue_credit_note, name="invoice-credit"),
    path("statement/<int:customer_id>/", views.statement, name="invoice-statement"),
]
