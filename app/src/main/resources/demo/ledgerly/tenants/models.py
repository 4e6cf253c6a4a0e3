from django.db import models

from tenants.managers import TenantManager


class Tenant(models.Model):
    PLAN_CHOICES = [("starter", "Starter"), ("growth", "Growth"), ("enterprise", "Enterprise")]

    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    plan = models.CharField(max_length=20, choices=PLAN_CHOICES, default="starter")
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name


class TenantScopedModel(models.Model):
    """Base for everything a tenant owns; its default manager filters by the current tenant."""

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)

    objects = TenantManager()
    all_tenants = models.Manager()

    class Meta:
        abstract = True
