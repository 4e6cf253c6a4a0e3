import json

from django.db import connection
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from invoices.models import Invoice
from payments.models import Payment


@csrf_exempt
def provider_webhook(request):
    """Payment provider callback. The provider cannot send a CSRF token; no signature check yet."""
    if request.method != "POST":
        return HttpResponseBadRequest("POST only")
    try:
        payload = json.loads(request.body)
    except ValueError:
        return HttpResponseBadRequest("bad json")
    invoice = Invoice.all_tenants.filter(number=payload.get("invoice")).first()
    if invoice is None:
        return HttpResponse(status=404)
    Payment.objects.create(
        tenant=invoice.tenant,
        invoice=invoice,
        amount=payload["amount"],
        method=payload.get("method", "card"),
        reference=payload.get("reference", ""),
        received_at=timezone.now(),
        provider_payload=request.body.decode("utf-8", "replace"),
    )
    return JsonResponse({"ok": True})


def recent_payments(request):
    method = request.GET.get("method", "card")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p.id, p.amount, p.reference, i.number FROM payments_payment p "
            "JOIN invoices_invoice i ON i.id = p.invoice_id "
            "WHERE p.tenant_id = %d AND p.method = '%s' ORDER BY p.received_at DESC LIMIT 50"
            % (request.tenant.id, method)
        )
        rows = cursor.fetchall()
    return JsonResponse({"payments": [{"id": r[0], "amount": str(r[1]), "reference": r[2], "invoice": r[3]} for r in rows]})
