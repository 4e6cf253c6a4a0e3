from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_POST

from invoices.models import Invoice
from payments import gateway
from payments.models import Payment


@require_POST
def checkout(request, pk):
    """Pays an invoice by card: charges the provider while the customer waits, then records it."""
    invoice = get_object_or_404(Invoice.objects.filter(tenant=request.tenant), pk=pk)
    charge = gateway.charge(invoice, request.POST.get("card_token", ""))
    Payment.objects.create(
        tenant=invoice.tenant,
        invoice=invoice,
        amount=invoice.balance(),
        method="card",
        reference=charge["id"],
        received_at=timezone.now(),
    )
    return JsonResponse({"ok": True, "charge": charge["id"]})
