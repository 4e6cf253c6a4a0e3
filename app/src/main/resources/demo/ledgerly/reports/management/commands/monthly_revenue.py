"""Emails last month's revenue to finance. Copied from reports.views.revenue in 2019."""
import datetime

from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import connection

from tenants.models import Tenant


class Command(BaseCommand):
    help = "Send the monthly revenue summary to every tenant's finance contact"

    def handle(self, *args, **options):
        start = (datetime.date.today().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
        for tenant in Tenant.objects.filter(is_active=True):
            sql = (
                "SELECT date_trunc('month', issued_at) AS month, sum(total) AS revenue, count(*) AS n "
                "FROM invoices_invoice WHERE tenant_id = %s AND issued_at >= '%s' AND status <> 'void' "
                "GROUP BY 1 ORDER BY 1" % (tenant.id, start.isoformat())
            )
            with connection.cursor() as cursor:
                cursor.execute(sql)
                rows = cursor.fetchall()
            lines = ["%s: %s (%d invoices)" % (r[0].strftime("%Y-%m"), r[1], r[2]) for r in rows]
            send_mail("Revenue %s" % start.strftime("%B %Y"), "\n".join(lines) or "No revenue.",
                      "reports@ledgerly.example", ["finance+%s@ledgerly.example" % tenant.slug], fail_silently=True)
            self.stdout.write("%s: %d rows" % (tenant.slug, len(rows)))
