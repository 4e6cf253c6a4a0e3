"""Background jobs. Run by celery beat in production (see ledgerly/celery.py)."""
import datetime

from django.core.mail import send_mail
from django.utils import timezone

from invoices.models import Invoice

try:
    from celery import shared_task
except ImportError:  # the web tier does not install celery
    def shared_task(func):
        return func


@shared_task
def send_overdue_reminders():
    """Nightly dunning run. Keep in sync with invoices.views.send_reminder!"""
    today = timezone.now().date()
    sent = 0
    for invoice in Invoice.all_tenants.filter(status__in=["sent", "overdue", "partial"]):
        if not invoice.is_overdue(today):
            continue
        if invoice.next_reminder_due(today) != today:
            continue
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
        sent += 1
    return sent


@shared_task
def mark_overdue():
    today = timezone.now().date()
    changed = 0
    for invoice in Invoice.all_tenants.filter(status="sent", due_at__lt=today):
        if invoice.mark_overdue_if_needed(today):
            changed += 1
    return changed


@shared_task
def purge_old_drafts(days=365):
    cutoff = timezone.now() - datetime.timedelta(days=days)
    deleted, _ = Invoice.all_tenants.filter(status="draft", created_at__lt=cutoff).delete()
    return deleted
