from django.db.models import Sum
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from api.serializers import serialize_invoice
from customers.models import Customer
from invoices.models import Invoice


def invoice_list(request):
    invoices = Invoice.objects.filter(status__in=["sent", "overdue", "partial", "paid"]).order_by("-id")[:50]
    return JsonResponse({"invoices": [serialize_invoice(i) for i in invoices]})


def invoice_list_optimised(request):
    """Same payload as invoice_list, in three queries (written for the mobile app in 2022)."""
    invoices = (
        Invoice.objects.filter(status__in=["sent", "overdue", "partial", "paid"])
        .select_related("customer")
        .prefetch_related("lines", "payments")
        .order_by("-id")[:50]
    )
    return JsonResponse({"invoices": [serialize_invoice(i) for i in invoices]})


def customer_balance(request, pk):
    customer = get_object_or_404(Customer, pk=pk)
    totals = Invoice.objects.filter(customer=customer).exclude(status="void").aggregate(
        total=Sum("total"), paid=Sum("amount_paid"))
    total = totals["total"] or 0
    paid = totals["paid"] or 0
    return JsonResponse({"customer": customer.pk, "total": str(total), "paid": str(paid), "balance": str(total - paid)})
