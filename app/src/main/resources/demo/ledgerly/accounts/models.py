from django.conf import settings
from django.db import models

from tenants.models import Tenant


class Membership(models.Model):
    ROLE_CHOICES = [("owner", "Owner"), ("accountant", "Accountant"), ("viewer", "Viewer")]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=ROLE_CHOICES, default="viewer")

    class Meta:
        unique_together = [("user", "tenant")]

    def can_issue_invoices(self):
        return self.role in ("owner", "accountant")
