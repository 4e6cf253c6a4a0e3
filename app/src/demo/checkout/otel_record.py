"""Capture-only (never part of the demo app): records what OpenTelemetry's Django, requests and
database instrumentations would trace, one JSON line per request, with the times measured in this
process: the request (method, route, path, status), each statement it ran and each outside HTTP call
made through requests. app/src/demo/capture.sh (VARIANT=checkout) loads it through
capture_settings.py; importers/src/test/otel-capture/replay-recorded.mjs turns the lines into OTLP
with OpenTelemetry JS's own exporter, as the other trace captures are written.
"""
import json
import os
import threading
import time

import requests
from django.db import connection

_local = threading.local()
_out = os.environ["LEDGERLY_OTEL_RECORD"]
_lock = threading.Lock()


def _now_ms():
    return time.time() * 1000.0


_send = requests.Session.send


def _recording_send(self, request, **kwargs):
    spans = getattr(_local, "calls", None)
    start = _now_ms()
    response = _send(self, request, **kwargs)
    if spans is not None:
        spans.append({"method": request.method, "url": request.url, "start": start,
                      "end": _now_ms(), "status": response.status_code,
                      "timeout": kwargs.get("timeout")})
    return response


requests.Session.send = _recording_send


class RecordMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._dont_enforce_csrf_checks = True  # the driver is curl, as Django's test client
        _local.calls = []
        statements = []

        def record(execute, sql, params, many, context):
            start = _now_ms()
            try:
                return execute(sql, params, many, context)
            finally:
                statements.append({"sql": sql, "start": start, "end": _now_ms()})

        start = _now_ms()
        with connection.execute_wrapper(record):
            response = self.get_response(request)
        end = _now_ms()
        match = getattr(request, "resolver_match", None)
        line = {"method": request.method, "route": match.route if match else None,
                "path": request.path, "status": response.status_code, "start": start, "end": end,
                "statements": statements, "calls": _local.calls}
        _local.calls = None
        with _lock, open(_out, "a") as f:
            f.write(json.dumps(line) + "\n")
        return response
