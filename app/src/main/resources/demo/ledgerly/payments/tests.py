import datetime
import decimal
import unittest

from django.test import TestCase
from django.utils import timezone

from customers.models import Customer
from invoices.models import Invoice
from ledger.models import LedgerEntry
from payments.models import Payment
from tenants.models import Tenant


class PaymentSignalTest(TestCase):
    def setUp(self):
        self.tenant = Tenant.objects.create(name="T", slug="t")
        customer = Customer.objects.create(tenant=self.tenant, name="C", email="c@example.com")
        self.invoice = Invoice.all_tenants.create(tenant=self.tenant, customer=customer, number="X-1",
                                                  total=decimal.Decimal("100.00"), status="sent",
                                                  due_at=datetime.date(2030, 1, 1))

    def test_full_payment_marks_invoice_paid_and_posts_ledger(self):
        Payment.objects.create(tenant=self.tenant, invoice=self.invoice, amount=decimal.Decimal("100.00"),
                               received_at=timezone.now())
        self.invoice.refresh_from_db()
        self.assertEqual(self.invoice.status, Invoice.STATUS_PAID)
        self.assertEqual(LedgerEntry.all_tenants.count(), 2)

    @unittest.skip("refunds moved to the new provider; rewrite")
    def test_refund_reverses_ledger(self):
        pass
