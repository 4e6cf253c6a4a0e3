from django.db import models

from invoices.models import Invoice
from tenants.models import TenantScopedModel


class Payment(TenantScopedModel):
    METHODS = [("card", "Card"), ("transfer", "Bank transfer"), ("direct_debit", "Direct debit")]

    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="payments")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    method = models.CharField(max_length=20, choices=METHODS, default="transfer")
    reference = models.CharField(max_length=64, blank=True, db_index=True)
    received_at = models.DateTimeField()
    provider_payload = models.TextField(blank=True)

    class Meta:
        # 2019, "index the provider reference for reconciliation": the field was already indexed.
        indexes = [models.Index(fields=["reference"], name="payment_reference_idx")]

    def __str__(self):
        return "%s %s" % (self.invoice.number, self.amount)


class Refund(TenantScopedModel):
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    reason = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
