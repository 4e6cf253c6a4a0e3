"""Celery wiring. Workers run with: celery -A ledgerly worker."""
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ledgerly.settings.prod")

try:
    from celery import Celery
except ImportError:  # the web tier does not install celery
    Celery = None

app = Celery("ledgerly") if Celery else None
if app is not None:
    app.config_from_object("django.conf:settings", namespace="CELERY")
    app.autodiscover_tasks()
