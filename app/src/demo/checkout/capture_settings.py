"""Capture-only settings: the demo's development settings with the recorder first and the payment
provider's host name resolved to the local stub (payment_stub.py), as an /etc/hosts line would."""
import os
import socket

from ledgerly.settings.dev import *  # noqa: F401,F403
from ledgerly.settings.dev import MIDDLEWARE

MIDDLEWARE = ["otel_record.RecordMiddleware"] + MIDDLEWARE
PAYMENT_GATEWAY_URL = os.environ["PAYMENT_GATEWAY_URL"]
PAYMENT_GATEWAY_KEY = "sk_capture_only"

_getaddrinfo = socket.getaddrinfo


def _to_stub(host, *args, **kwargs):
    return _getaddrinfo("127.0.0.1" if host == "api.paylane.example" else host, *args, **kwargs)


socket.getaddrinfo = _to_stub
