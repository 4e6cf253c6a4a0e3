"""Invoices: numbering, lines, taxes, discounts, dunning, credit notes, exports.

Most of the business lives here; see also invoices/views.py and payments/signals.py.
"""
import datetime
import decimal
import logging

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from customers.models import Customer
from tenants.models import TenantScopedModel

log = logging.getLogger(__name__)

TWOPLACES = decimal.Decimal("0.01")

# VAT rates by country, as of the 2017 rewrite. Reduced rates are in REDUCED_RATES.
VAT_RATES = {
    "GB": decimal.Decimal("0.20"),
    "IE": decimal.Decimal("0.23"),
    "FR": decimal.Decimal("0.20"),
    "DE": decimal.Decimal("0.19"),
    "NL": decimal.Decimal("0.21"),
    "ES": decimal.Decimal("0.21"),
    "IT": decimal.Decimal("0.22"),
    "BE": decimal.Decimal("0.21"),
    "SE": decimal.Decimal("0.25"),
    "DK": decimal.Decimal("0.25"),
}
REDUCED_RATES = {
    "GB": decimal.Decimal("0.05"),
    "FR": decimal.Decimal("0.055"),
    "DE": decimal.Decimal("0.07"),
}
EU_COUNTRIES = {"IE", "FR", "DE", "NL", "ES", "IT", "BE", "SE", "DK"}


class InvoiceNumberSequence(TenantScopedModel):
    prefix = models.CharField(max_length=10, default="INV")
    next_value = models.IntegerField(default=1)

    @classmethod
    def next_number(cls, tenant):
        with transaction.atomic():
            seq, _ = cls.all_tenants.select_for_update().get_or_create(tenant=tenant)
            number = "%s-%06d" % (seq.prefix, seq.next_value)
            seq.next_value += 1
            seq.save(update_fields=["next_value"])
            return number


class Invoice(TenantScopedModel):
    STATUS_DRAFT = "draft"
    STATUS_SENT = "sent"
    STATUS_PAID = "paid"
    STATUS_PARTIAL = "partial"
    STATUS_OVERDUE = "overdue"
    STATUS_VOID = "void"
    STATUS_CHOICES = [
        (STATUS_DRAFT, "Draft"),
        (STATUS_SENT, "Sent"),
        (STATUS_PAID, "Paid"),
        (STATUS_PARTIAL, "Partially paid"),
        (STATUS_OVERDUE, "Overdue"),
        (STATUS_VOID, "Void"),
    ]

    number = models.CharField(max_length=32)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT)
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=STATUS_DRAFT)
    issued_at = models.DateField(null=True, blank=True)
    due_at = models.DateField(null=True, blank=True)
    currency = models.CharField(max_length=3, default="GBP")
    subtotal = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    tax_total = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    total = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    amount_paid = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    discount_percent = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    notes = models.TextField(blank=True)
    external_ref = models.CharField(max_length=64, blank=True)
    reminder_count = models.IntegerField(default=0)
    last_reminder_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["currency"], name="invoice_currency_idx"),
        ]

    def __str__(self):
        return self.number

    # -- totals -------------------------------------------------------------

    def tax_rate_for(self, line):
        country = self.customer.country
        if line.reduced_rate and country in REDUCED_RATES:
            return REDUCED_RATES[country]
        if country in EU_COUNTRIES and self.customer.vat_number:
            # reverse charge for EU businesses
            return decimal.Decimal("0")
        if country in VAT_RATES:
            return VAT_RATES[country]
        return decimal.Decimal("0")

    def compute_totals(self, save=True):
        subtotal = decimal.Decimal("0")
        tax = decimal.Decimal("0")
        for line in self.lines.all():
            amount = line.amount()
            subtotal += amount
            rate = self.tax_rate_for(line)
            tax += (amount * rate).quantize(TWOPLACES)
        if self.discount_percent:
            discount = (subtotal * self.discount_percent / 100).quantize(TWOPLACES)
            if discount > subtotal:
                discount = subtotal
            subtotal -= discount
            tax = (tax * (1 - self.discount_percent / 100)).quantize(TWOPLACES)
        self.subtotal = subtotal.quantize(TWOPLACES)
        self.tax_total = tax.quantize(TWOPLACES)
        self.total = (self.subtotal + self.tax_total).quantize(TWOPLACES)
        if save:
            self.save(update_fields=["subtotal", "tax_total", "total", "updated_at"])
        return self.total

    def balance(self):
        return (self.total - self.amount_paid).quantize(TWOPLACES)

    # -- life cycle ---------------------------------------------------------

    def issue(self, when=None):
        if self.status != self.STATUS_DRAFT:
            raise ValueError("only drafts can be issued")
        if not self.lines.exists():
            raise ValueError("an invoice needs at least one line")
        when = when or timezone.now().date()
        self.number = self.number or InvoiceNumberSequence.next_number(self.tenant)
        self.issued_at = when
        terms = self.payment_terms_days()
        self.due_at = when + datetime.timedelta(days=terms)
        self.status = self.STATUS_SENT
        self.compute_totals(save=False)
        self.save()
        log.info("issued invoice %s for %s", self.number, self.customer_id)

    def payment_terms_days(self):
        plan = self.tenant.plan
        if plan == "enterprise":
            if self.customer.country in EU_COUNTRIES:
                return 45
            return 60
        if plan == "growth":
            if self.total and self.total > 10000:
                return 45
            return 30
        if self.customer.country == "GB":
            return 30
        if self.customer.country in EU_COUNTRIES:
            return 30
        return 14

    def void(self, reason=""):
        if self.status == self.STATUS_PAID:
            raise ValueError("paid invoices cannot be voided; issue a credit note")
        if self.amount_paid and self.amount_paid > 0:
            raise ValueError("refund the payments first")
        self.status = self.STATUS_VOID
        if reason:
            self.notes = (self.notes + "\nVoided: " + reason).strip()
        self.save()

    def register_payment(self, amount):
        self.amount_paid = (self.amount_paid + amount).quantize(TWOPLACES)
        if self.amount_paid >= self.total:
            self.status = self.STATUS_PAID
        elif self.amount_paid > 0:
            self.status = self.STATUS_PARTIAL
        self.save(update_fields=["amount_paid", "status", "updated_at"])

    def is_overdue(self, today=None):
        today = today or timezone.now().date()
        if self.status in (self.STATUS_PAID, self.STATUS_VOID, self.STATUS_DRAFT):
            return False
        if self.due_at is None:
            return False
        return self.due_at < today

    def mark_overdue_if_needed(self, today=None):
        if self.is_overdue(today) and self.status != self.STATUS_OVERDUE:
            self.status = self.STATUS_OVERDUE
            self.save(update_fields=["status", "updated_at"])
            return True
        return False

    # -- dunning ------------------------------------------------------------

    def next_reminder_due(self, today=None):
        today = today or timezone.now().date()
        if not self.is_overdue(today):
            return None
        days_over = (today - self.due_at).days
        schedule = getattr(settings, "LEDGERLY_DUNNING_DAYS", (7, 14, 30))
        if self.reminder_count >= len(schedule):
            return None
        threshold = schedule[self.reminder_count]
        if days_over >= threshold:
            return today
        return self.due_at + datetime.timedelta(days=threshold)

    def reminder_tone(self):
        if self.reminder_count == 0:
            return "friendly"
        if self.reminder_count == 1:
            if self.customer.country == "GB":
                return "firm"
            return "firm-international"
        if self.total > 5000:
            return "final-legal"
        return "final"

    def record_reminder(self):
        self.reminder_count += 1
        self.last_reminder_at = timezone.now()
        self.save(update_fields=["reminder_count", "last_reminder_at", "updated_at"])

    # -- exports --------------------------------------------------------------

    def as_row(self):
        return [
            self.number,
            self.customer.name,
            self.customer.country,
            self.issued_at.isoformat() if self.issued_at else "",
            self.due_at.isoformat() if self.due_at else "",
            self.currency,
            str(self.subtotal),
            str(self.tax_total),
            str(self.total),
            str(self.amount_paid),
            self.status,
        ]

    def accounting_code(self):
        country = self.customer.country
        if country == "GB":
            if self.tax_total == 0:
                return "4000-ZR"
            return "4000"
        if country in EU_COUNTRIES:
            if self.customer.vat_number:
                return "4100-RC"
            return "4100"
        if self.currency != "GBP":
            return "4200-FX"
        return "4200"

    def credit(self, amount, reason):
        """Creates a credit note against this invoice."""
        if amount <= 0:
            raise ValueError("credit must be positive")
        if amount > self.total:
            raise ValueError("credit cannot exceed the invoice total")
        note = CreditNote.objects.create(
            tenant=self.tenant, invoice=self, amount=amount, reason=reason
        )
        self.total = (self.total - amount).quantize(TWOPLACES)
        if self.amount_paid >= self.total:
            self.status = self.STATUS_PAID
        self.save()
        return note


class InvoiceLine(models.Model):
    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines")
    description = models.CharField(max_length=255)
    quantity = models.DecimalField(max_digits=10, decimal_places=2, default=1)
    unit_price = models.DecimalField(max_digits=12, decimal_places=2)
    reduced_rate = models.BooleanField(default=False)
    position = models.IntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def amount(self):
        return (self.quantity * self.unit_price).quantize(TWOPLACES)


class CreditNote(TenantScopedModel):
    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="credit_notes")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    reason = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)


class RecurringInvoice(TenantScopedModel):
    FREQUENCIES = [("monthly", "Monthly"), ("quarterly", "Quarterly"), ("yearly", "Yearly")]

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    frequency = models.CharField(max_length=10, choices=FREQUENCIES, default="monthly")
    next_run = models.DateField()
    template_notes = models.TextField(blank=True)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    active = models.BooleanField(default=True)

    def advance(self):
        if self.frequency == "monthly":
            month = self.next_run.month + 1
            year = self.next_run.year + (1 if month > 12 else 0)
            month = 1 if month > 12 else month
            day = min(self.next_run.day, 28)
            self.next_run = datetime.date(year, month, day)
        elif self.frequency == "quarterly":
            month = self.next_run.month + 3
            year = self.next_run.year + (1 if month > 12 else 0)
            month = month - 12 if month > 12 else month
            day = min(self.next_run.day, 28)
            self.next_run = datetime.date(year, month, day)
        else:
            self.next_run = datetime.date(self.next_run.year + 1, self.next_run.month, min(self.next_run.day, 28))
        self.save(update_fields=["next_run"])

    def generate(self):
        invoice = Invoice.objects.create(
            tenant=self.tenant, customer=self.customer, notes=self.template_notes, number=""
        )
        InvoiceLine.objects.create(
            invoice=invoice, description="Subscription (%s)" % self.frequency, unit_price=self.amount
        )
        invoice.issue()
        self.advance()
        return invoice
