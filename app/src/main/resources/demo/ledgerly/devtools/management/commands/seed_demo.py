"""Fills the database with deterministic demo data: two tenants, customers, invoices, payments.

Old invoices are paid or void, as in real books; only the last quarter has open ones.
"""
import datetime
import decimal
import random

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from customers.models import Customer
from invoices.models import Invoice, InvoiceLine
from payments.models import Payment
from tenants.models import Tenant

COUNTRIES = ["GB", "GB", "GB", "IE", "FR", "DE", "NL", "US", "ES"]
PRODUCTS = ["Bookkeeping (monthly)", "Payroll run", "VAT return", "Annual accounts", "Advisory hour", "Software licence"]
RECENT_STATUSES = ["paid", "sent", "overdue", "partial", "void", "draft"]
RECENT_WEIGHTS = [55, 20, 12, 6, 4, 3]
START = datetime.date.today() - datetime.timedelta(days=680)  # data ends today: "recent" stays recent
DAYS = 680
CENT = decimal.Decimal("0.01")


class Command(BaseCommand):
    help = "Create deterministic demo data (does nothing if tenants exist)"

    def add_arguments(self, parser):
        parser.add_argument("--invoices", type=int, default=100000)
        parser.add_argument("--customers", type=int, default=300)

    @transaction.atomic
    def handle(self, *args, **options):
        if Tenant.objects.exists():
            self.stdout.write("demo data already present")
            return
        rnd = random.Random(42)
        tenants = [
            Tenant.objects.create(name="Harbour Accountants", slug="harbour", plan="growth"),
            Tenant.objects.create(name="Northwind Finance", slug="northwind", plan="enterprise"),
        ]
        Customer.objects.bulk_create([
            Customer(tenant=tenants[i % 2], name="Customer %03d Ltd" % i, email="ap%03d@example.com" % i,
                     country=rnd.choice(COUNTRIES), vat_number=("VAT%06d" % i) if rnd.random() < 0.4 else "",
                     notes="<b>key account</b>" if i % 50 == 0 else "")
            for i in range(options["customers"])
        ])
        customers = list(Customer.all_tenants.order_by("id"))
        invoices, lines_per_invoice = [], []
        for n in range(options["invoices"]):
            customer = rnd.choice(customers)
            age = rnd.randrange(0, DAYS)
            issued = START + datetime.timedelta(days=DAYS - age)
            lines = [InvoiceLine(description=rnd.choice(PRODUCTS), position=pos,
                                 quantity=decimal.Decimal(rnd.randint(1, 5)),
                                 unit_price=decimal.Decimal(rnd.randint(50, 2000)))
                     for pos in range(rnd.randint(1, 4))]
            subtotal = sum(line.quantity * line.unit_price for line in lines)
            tax = (subtotal * decimal.Decimal("0.2")).quantize(CENT)
            if age > 90:
                status = "void" if rnd.random() < 0.02 else "paid"
            else:
                status = rnd.choices(RECENT_STATUSES, weights=RECENT_WEIGHTS)[0]
            total = subtotal + tax
            paid = total if status == "paid" else (total / 2).quantize(CENT) if status == "partial" else 0
            invoices.append(Invoice(
                tenant_id=customer.tenant_id, customer=customer, number="INV-%06d" % (n + 1), status=status,
                issued_at=issued, due_at=issued + datetime.timedelta(days=30),
                currency="EUR" if customer.country in ("FR", "DE", "NL", "ES", "IE") else "GBP",
                subtotal=subtotal, tax_total=tax, total=total, amount_paid=paid,
                external_ref="BANK-%08d" % rnd.randrange(10 ** 8)))
            lines_per_invoice.append(lines)
        Invoice.all_tenants.bulk_create(invoices, batch_size=5000)  # PostgreSQL returns the ids
        all_lines = []
        for invoice, lines in zip(invoices, lines_per_invoice):
            for line in lines:
                line.invoice_id = invoice.id
                all_lines.append(line)
        InvoiceLine.objects.bulk_create(all_lines, batch_size=10000)
        payments = [
            Payment(tenant_id=i.tenant_id, invoice_id=i.id, amount=i.amount_paid,
                    method=rnd.choice(["card", "transfer"]), reference="PAY-%06d" % i.id,
                    received_at=timezone.make_aware(datetime.datetime.combine(i.issued_at, datetime.time(12))))
            for i in invoices if i.amount_paid
        ]
        Payment.all_tenants.bulk_create(payments, batch_size=5000)  # bulk_create sends no signals
        self.stdout.write("created %d customers, %d invoices, %d lines, %d payments" % (
            len(customers), len(invoices), len(all_lines), len(payments)))
