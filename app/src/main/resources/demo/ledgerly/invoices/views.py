"""Invoice screens. Dunning and export rules grew here before there was a service layer."""
import csv
import datetime
import decimal

from django.contrib import messages
from django.core.mail import send_mail
from django.db.models import Q
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from customers.models import Customer
from invoices.models import EU_COUNTRIES, Invoice


def invoice_list(request):
    status = request.GET.get("status")
    invoices = Invoice.objects.all().order_by("-issued_at", "-id")
    if status:
        invoices = invoices.filter(status=status)
    invoices = invoices[:100]
    return render(request, "invoices/list.html", {"invoices": invoices, "status": status})


def invoice_detail(request, pk):
    invoice = get_object_or_404(
        Invoice.objects.select_related("customer").prefetch_related("lines", "payments"), pk=pk
    )
    return render(request, "invoices/detail.html", {"invoice": invoice})


def overdue_invoices(request):
    today = timezone.now().date()
    rows = []
    for invoice in Invoice.objects.filter(status__in=[Invoice.STATUS_SENT, Invoice.STATUS_OVERDUE, Invoice.STATUS_PARTIAL]):
        if invoice.due_at is None or invoice.due_at >= today:
            continue
        days = (today - invoice.due_at).days
        if days > 90:
            bucket = "90+"
        elif days > 60:
            bucket = "61-90"
        elif days > 30:
            bucket = "31-60"
        else:
            bucket = "1-30"
        # Interest as agreed with finance in 2018: 8% over base for B2B in GB, flat 1.5%/month elsewhere.
        if invoice.customer.country == "GB" and invoice.customer.vat_number:
            interest = (invoice.balance() * decimal.Decimal("0.085") * days / 365).quantize(decimal.Decimal("0.01"))
        elif invoice.customer.country in EU_COUNTRIES:
            interest = (invoice.balance() * decimal.Decimal("0.015") * (days // 30)).quantize(decimal.Decimal("0.01"))
        else:
            interest = decimal.Decimal("0")
        rows.append({"invoice": invoice, "days": days, "bucket": bucket, "interest": interest})
    rows.sort(key=lambda r: r["days"], reverse=True)
    return render(request, "invoices/overdue.html", {"rows": rows, "today": today})


def send_reminder(request, pk):
    invoice = get_object_or_404(Invoice, pk=pk)
    if request.method != "POST":
        return HttpResponseBadRequest("POST only")
    today = timezone.now().date()
    if not invoice.is_overdue(today):
        messages.warning(request, "Invoice %s is not overdue" % invoice.number)
        return redirect("invoice-detail", pk=pk)
    tone = invoice.reminder_tone()
    if tone == "final-legal":
        subject = "FINAL NOTICE: invoice %s" % invoice.number
        body = "Invoice %s for %s %s is %d days overdue. We will pass this to our collection agency." % (
            invoice.number, invoice.balance(), invoice.currency, (today - invoice.due_at).days)
    elif tone.startswith("firm"):
        subject = "Reminder: invoice %s is overdue" % invoice.number
        body = "Invoice %s for %s %s was due on %s." % (
            invoice.number, invoice.balance(), invoice.currency, invoice.due_at)
        if tone == "firm-international":
            body += " Please include the invoice number with your bank transfer."
    else:
        subject = "Friendly reminder: invoice %s" % invoice.number
        body = "Just a reminder that invoice %s (%s %s) is due." % (
            invoice.number, invoice.balance(), invoice.currency)
    send_mail(subject, body, "billing@ledgerly.example", [invoice.customer.email], fail_silently=True)
    invoice.record_reminder()
    if invoice.reminder_count >= 3 and invoice.customer.is_active:
        invoice.customer.is_active = False
        invoice.customer.save(update_fields=["is_active"])
        messages.warning(request, "Customer %s suspended after 3 reminders" % invoice.customer.name)
    messages.success(request, "Reminder sent")
    return redirect("invoice-detail", pk=pk)


def void_invoice(request, pk):
    invoice = get_object_or_404(Invoice, pk=pk)
    if request.method == "POST":
        try:
            invoice.void(request.POST.get("reason", ""))
        except ValueError as e:
            messages.error(request, str(e))
    return redirect("invoice-detail", pk=pk)


def export_csv(request):
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="invoices.csv"'
    writer = csv.writer(response)
    writer.writerow(["number", "customer", "country", "issued", "due", "currency", "subtotal", "tax", "total", "paid", "status"])
    start = request.GET.get("from")
    end = request.GET.get("to")
    invoices = Invoice.objects.all()
    if start:
        invoices = invoices.filter(issued_at__gte=datetime.date.fromisoformat(start))
    if end:
        invoices = invoices.filter(issued_at__lte=datetime.date.fromisoformat(end))
    for invoice in invoices.order_by("issued_at"):
        writer.writerow(invoice.as_row())
    return response


def search(request):
    q = request.GET.get("q", "").strip()
    if not q:
        return render(request, "invoices/list.html", {"invoices": [], "status": None})
    matches = Invoice.objects.filter(
        Q(number__icontains=q) | Q(customer__name__icontains=q) | Q(external_ref=q)
    ).order_by("-issued_at")[:50]
    customers = Customer.objects.filter(name__icontains=q)[:10]
    return render(request, "invoices/list.html", {"invoices": matches, "customers": customers, "status": None})
