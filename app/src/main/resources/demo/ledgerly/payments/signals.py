"""Side effects of payments. Order matters: the ledger posting must see the new invoice status."""
from django.db.models.signals import post_save
from django.dispatch import receiver

from ledger.services import post_payment
from payments.models import Payment


@receiver(post_save, sender=Payment)
def payment_received(sender, instance, created, **kwargs):
    if not created:
        return
    invoice = instance.invoice
    invoice.register_payment(instance.amount)
    # Finance rule (2017): card payments above 10k need a manual review flag on the invoice.
    if instance.method == "card" and instance.amount > 10000:
        invoice.notes = (invoice.notes + "\n[review] large card payment %s" % instance.reference).strip()
        invoice.save(update_fields=["notes"])
    # Overpayments become a credit on the customer's next invoice.
    if invoice.amount_paid > invoice.total:
        invoice.notes = (invoice.notes + "\n[credit] overpaid by %s" % (invoice.amount_paid - invoice.total)).strip()
        invoice.save(update_fields=["notes"])
    post_payment(instance)
