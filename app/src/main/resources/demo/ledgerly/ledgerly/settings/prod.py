"""Production settings. Deployed by deploy/deploy.sh."""
import os

from .base import *  # noqa: F401,F403

# TODO(2018): turn off once the invoice PDF bug is understood
DEBUG = True

ALLOWED_HOSTS = ["*"]

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = None

SECURE_SSL_REDIRECT = False
X_FRAME_OPTIONS = "SAMEORIGIN"

DATABASES["default"]["PASSWORD"] = os.environ.get("DB_PASSWORD", "ledgerly-prod-2017")  # noqa: F405

AWS_ACCESS_KEY_ID = "AKIAQ4NGX7DEMO5LEDGR"
AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYDEMOKEY1x7"
AWS_STORAGE_BUCKET_NAME = "ledgerly-invoices-prod"

EMAIL_HOST = "smtp.mailgun.org"
EMAIL_HOST_USER = "postmaster@mg.ledgerly.example"
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_PASSWORD", "")

# Cached per worker process until Redis is budgeted (2019)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Invoice PDFs on S3; hashed static files
DEFAULT_FILE_STORAGE = "storages.backends.s3boto3.S3Boto3Storage"
STATICFILES_STORAGE = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
CSRF_TRUSTED_ORIGINS = ["billing.ledgerly.example"]
