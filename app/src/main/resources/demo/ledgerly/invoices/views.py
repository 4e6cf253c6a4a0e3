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


def statement(request, customer_id):
    """Customer statement: every invoice and payment of the last 12 months with a running balance."""
    customer = get_object_or_404(Customer, pk=customer_id)
    since = timezone.now().date() - datetime.timedelta(days=365)
    entries = []
    for invoice in Invoice.objects.filter(customer=customer, issued_at__gte=since).order_by("issued_at"):
        if invoice.status == Invoice.STATUS_VOID:
            continue
        entries.append({"date": invoice.issued_at, "ref": invoice.number, "debit": invoice.total, "credit": 0})
        for payment in invoice.payments.all():
            entries.append({"date": payment.received_at.date(), "ref": payment.reference or invoice.number,
                            "debit": 0, "credit": payment.amount})
        for note in invoice.credit_notes.all():
            entries.append({"date": note.created_at.date(), "ref": "CN %s" % invoice.number, "debit": 0,
                            "credit": note.amount})
    entries.sort(key=lambda e: (e["date"], e["ref"]))
    balance = decimal.Decimal("0")
    for e in entries:
        balance += decimal.Decimal(e["debit"]) - decimal.Decimal(e["credit"])
        e["balance"] = balance
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv")
        writer = csv.writer(response)
        writer.writerow(["date", "reference", "debit", "credit", "balance"])
        for e in entries:
            writer.writerow([e["date"], e["ref"], e["debit"], e["credit"], e["balance"]])
        return response
    return render(request, "invoices/statement.html", {"customer": customer, "entries": entries, "balance": balance})


def bulk_action(request):
    """Bulk actions from the invoice list: issue drafts, mark overdue, send reminders, void."""
    if request.method != "POST":
        return HttpResponseBadRequest("POST only")
    action = request.POST.get("action")
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
    done, failed = 0, []
    for invoice in Invoice.objects.filter(pk__in=ids):
        try:
            if action == "issue":
                if invoice.status != Invoice.STATUS_DRAFT:
                    failed.append("%s is not a draft" % invoice.number)
                    continue
                invoice.issue()
            elif action == "overdue":
                if not invoice.mark_overdue_if_needed():
                    failed.append("%s is not overdue" % invoice.number)
                    continue
            elif action == "remind":
                if not invoice.is_overdue():
                    failed.append("%s is not overdue" % invoice.number)
                    continue
                send_mail("Reminder: invoice %s" % invoice.number,
                          "Invoice %s for %s %s is overdue." % (invoice.number, invoice.balance(), invoice.currency),
                          "billing@ledgerly.example", [invoice.customer.email], fail_silently=True)
                invoice.record_reminder()
            elif action == "void":
                invoice.void("bulk action")
            else:
                return HttpResponseBadRequest("unknown action")
            done += 1
        except ValueError as e:
            failed.append("%s: %s" % (invoice.number, e))
    if done:
        messages.success(request, "%d invoices updated" % done)
    for f in failed[:10]:
        messages.warning(request, f)
    if len(failed) > 10:
        messages.warning(request, "... and %d more" % (len(failed) - 10))
    return redirect("invoice-list")


def issue_credit_note(request, pk):
    invoice = get_object_or_404(Invoice, pk=pk)
    if request.method != "POST":
        return render(request, "invoices/credit.html", {"invoice": invoice})
    try:
        amount = decimal.Decimal(request.POST.get("amount", "0"))
    except decimal.InvalidOperation:
        messages.error(request, "Amount must be a number")
        return redirect("invoice-detail", pk=pk)
    reason = request.POST.get("reason", "").strip()
    if not reason:
        messages.error(request, "A reason is required")
        return redirect("invoice-detail", pk=pk)
    # Credits above 20% of the invoice need an owner (2018 audit finding).
    membership = request.user.membership_set.filter(tenant=invoice.tenant).first() if request.user.is_authenticated else None
    if amount > invoice.total * decimal.Decimal("0.2") and (membership is None or membership.role != "owner"):
        messages.error(request, "Credits above 20% need the account owner")
        return redirect("invoice-detail", pk=pk)
    try:
        invoice.credit(amount, reason)
    except ValueError as e:
        messages.error(request, str(e))
        return redirect("invoice-detail", pk=pk)
    if invoice.customer.country in EU_COUNTRIES and invoice.customer.vat_number:
        messages.info(request, "Reverse-charge credit: remember the EC sales list correction")
    messages.success(request, "Credit note issued")
    return redirect("invoice-detail", pk=pk)


def aging_summary(request):
    """Totals per aging bucket and currency, for the finance dashboard."""
    today = timezone.now().date()
    buckets = {}
    for invoice in Invoice.objects.exclude(status__in=[Invoice.STATUS_PAID, Invoice.STATUS_VOID, Invoice.STATUS_DRAFT]):
        if invoice.due_at is None:
            key = "no due date"
        else:
            days = (today - invoice.due_at).days
            if days <= 0:
                key = "current"
            elif days <= 30:
                key = "1-30"
            elif days <= 60:
                key = "31-60"
            elif days <= 90:
                key = "61-90"
            else:
                key = "90+"
        per_currency = buckets.setdefault(key, {})
        per_currency[invoice.currency] = per_currency.get(invoice.currency, decimal.Decimal("0")) + invoice.balance()
    rows = []
    for key in ["current", "1-30", "31-60", "61-90", "90+", "no due date"]:
        for currency, amount in sorted(buckets.get(key, {}).items()):
            rows.append({"bucket": key, "currency": currency, "amount": amount})
    return render(request, "invoices/aging.html", {"rows": rows, "today": today})
