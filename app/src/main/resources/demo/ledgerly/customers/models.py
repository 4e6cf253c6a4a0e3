from django.db import models

from tenants.models import TenantScopedModel


class CustomerManager(models.Manager):
    """Added in 2019 for the CRM export; replaces the tenant-aware default manager."""

    def active(self):
        return self.get_queryset().filter(is_active=True)

    def by_country(self, country):
        return self.get_queryset().filter(country=country)


class Customer(TenantScopedModel):
    name = models.CharField(max_length=200)
    email = models.EmailField()
    country = models.CharField(max_length=2, default="GB")
    vat_number = models.CharField(max_length=32, blank=True)
    notes = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CustomerManager()

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return "%s (%s)" % (self.name, self.country)
