from django.db import models

from tenants.models import TenantScopedModel


class Account(TenantScopedModel):
    code = models.CharField(max_length=20)
    name = models.CharField(max_length=100)

    class Meta:
        unique_together = [("tenant", "code")]


class LedgerEntry(TenantScopedModel):
    DEBIT = "D"
    CREDIT = "C"

    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="entries")
    direction = models.CharField(max_length=1, choices=[(DEBIT, "Debit"), (CREDIT, "Credit")])
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    payment = models.ForeignKey("payments.Payment", null=True, blank=True, on_delete=models.SET_NULL)
    memo = models.CharField(max_length=255, blank=True)
    booked_at = models.DateTimeField(auto_now_add=True)


class LedgerExport(TenantScopedModel):
    """A month of entries exported for the accountants (2018)."""

    period = models.CharField(max_length=7)
    created_at = models.DateTimeField(auto_now_add=True)
    file = models.FileField(upload_to="exports/")

    class Meta:
        index_together = [("tenant", "period")]
