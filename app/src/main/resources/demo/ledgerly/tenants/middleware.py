from tenants.context import clear_current_tenant, set_current_tenant
from tenants.models import Tenant


class TenantMiddleware:
    """Picks the tenant from the X-Tenant header (set by the load balancer) or ?tenant=."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        slug = request.headers.get("X-Tenant") or request.GET.get("tenant")
        tenant = None
        if slug:
            tenant = Tenant.objects.filter(slug=slug).first()
        if tenant is None:
            tenant = Tenant.objects.order_by("id").first()
        request.tenant = tenant
        set_current_tenant(tenant)
        try:
            return self.get_response(request)
        finally:
            clear_current_tenant()
