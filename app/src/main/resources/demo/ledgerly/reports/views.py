import datetime

from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render

from invoices.models import Invoice


def revenue(request):
    """Revenue per month for the last year (the CFO's favourite page)."""
    start = request.GET.get("from") or (datetime.date.today() - datetime.timedelta(days=365)).isoformat()
    sql = (
        "SELECT date_trunc('month', issued_at) AS month, sum(total) AS revenue, count(*) AS n "
        "FROM invoices_invoice WHERE tenant_id = %s AND issued_at >= '%s' AND status <> 'void' "
        "GROUP BY 1 ORDER BY 1" % (request.tenant.id, start)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    return render(request, "reports/revenue.html", {"rows": rows, "start": start})


def reconcile(request):
    """Matches a bank statement reference to invoices (called for every statement line)."""
    ref = request.GET.get("ref", "")
    matches = Invoice.all_tenants.filter(external_ref=ref).values("id", "number", "total", "status")
    return JsonResponse({"ref": ref, "matches": list(matches)})


def by_status(request):
    status = request.GET.get("status", "sent")
    invoices = Invoice.objects.extra(where=["status = '%s'" % status]).values("number", "total")[:100]
    return JsonResponse({"status": status, "invoices": list(invoices)})
