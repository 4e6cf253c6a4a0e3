from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, render

from customers.models import Customer
from invoices.models import Invoice


def dashboard(request):
    invoices = Invoice.objects.all()
    context = {
        "open_count": invoices.filter(status=Invoice.STATUS_SENT).count(),
        "overdue_count": invoices.filter(status=Invoice.STATUS_OVERDUE).count(),
        "customer_count": Customer.objects.active().count(),
    }
    return render(request, "customers/dashboard.html", context)


def customer_list(request):
    customers = Customer.objects.active().annotate(invoice_count=Count("invoice")).order_by("name")[:200]
    return render(request, "customers/list.html", {"customers": customers})


def customer_detail(request, pk):
    customer = get_object_or_404(Customer.objects.filter(tenant=request.tenant), pk=pk)
    invoices = (
        Invoice.objects.filter(customer=customer)
        .select_related("customer")
        .prefetch_related("lines", "payments")
        .order_by("-issued_at")[:50]
    )
    totals = Invoice.objects.filter(customer=customer).aggregate(total=Sum("total"))
    return render(
        request,
        "customers/detail.html",
        {"customer": customer, "invoices": invoices, "totals": totals},
    )
