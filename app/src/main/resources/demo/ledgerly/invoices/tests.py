import datetime
import decimal
import os
import unittest

from django.test import TestCase

from customers.models import Customer
from invoices.models import Invoice, InvoiceLine
from tenants.models import Tenant


class InvoiceTotalsTest(TestCase):
    def setUp(self):
        self.tenant = Tenant.objects.create(name="T", slug="t")
        self.customer = Customer.objects.create(tenant=self.tenant, name="C", email="c@example.com", country="GB")

    def make_invoice(self, *amounts):
        invoice = Invoice.all_tenants.create(tenant=self.tenant, customer=self.customer, number="X-1")
        for a in amounts:
            InvoiceLine.objects.create(invoice=invoice, description="x", unit_price=decimal.Decimal(a))
        return invoice

    def test_gb_vat_is_added(self):
        invoice = self.make_invoice("100.00", "50.00")
        self.assertEqual(invoice.compute_totals(), decimal.Decimal("180.00"))

    def test_discount_reduces_subtotal_and_tax(self):
        invoice = self.make_invoice("100.00")
        invoice.discount_percent = decimal.Decimal("10")
        self.assertEqual(invoice.compute_totals(), decimal.Decimal("108.00"))

    def test_overdue_after_due_date(self):
        invoice = self.make_invoice("10.00")
        invoice.status = Invoice.STATUS_SENT
        invoice.due_at = datetime.date(2020, 1, 1)
        self.assertTrue(invoice.is_overdue(datetime.date(2020, 1, 2)))

    @unittest.skip("flaky since the 2019 timezone change")
    def test_reminder_schedule(self):
        invoice = self.make_invoice("10.00")
        self.assertIsNone(invoice.next_reminder_due())

    @unittest.skipIf(os.environ.get("CI") == "true", "needs the PDF renderer")
    def test_pdf_export(self):
        self.fail("PDF export not implemented in tests")

    @unittest.skipUnless(os.environ.get("LEDGERLY_SLOW_TESTS"), "slow")
    def test_recurring_generation_for_a_year(self):
        pass
