"""The tenant of the current request, kept per thread by TenantMiddleware."""
import threading

_state = threading.local()


def set_current_tenant(tenant):
    _state.tenant = tenant


def get_current_tenant():
    return getattr(_state, "tenant", None)


def clear_current_tenant():
    _state.tenant = None
