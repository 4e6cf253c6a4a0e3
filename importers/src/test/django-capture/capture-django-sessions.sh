#!/usr/bin/env bash
# Regenerates importers/src/test/resources/samples/django/sessions-sql.log: Django's development
# server (Debian 12's python3-django, 3.2) with database-backed sessions (SESSION_ENGINE left at its
# default, django.contrib.sessions.backends.db) logging django.db.backends and django.server to one
# file, as capture-django-server.sh does. /dashboard/ reads the session, /cart/add/ changes it (a
# read and a write of django_session per request), /health/ does not touch it; curl keeps the
# session cookie and makes 50 requests: 30 to the dashboard, 10 cart additions, 10 health checks.
#
# Runs on Debian 12 with python3-django and curl installed; the server listens on loopback only and
# is stopped on exit. Takes about 15 seconds.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../resources/samples/django"
work=/tmp/django-sessions-capture
PORT=8792
PY=/usr/bin/python3   # Debian's Python, which has Debian's Django
mkdir -p "$out"
rm -rf "$work"
mkdir -p "$work/shop"
cd "$work"

cat > settings.py <<'PY'
SECRET_KEY = "capture-only"
DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1"]
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.sessions", "shop"]
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]
ROOT_URLCONF = "urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "/tmp/django-sessions-capture/db.sqlite3"}}
USE_TZ = True
LOGGING = {
    "version": 1,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"file": {"class": "logging.FileHandler", "filename": "/tmp/django-sessions-capture/sql.log",
                          "formatter": "plain"}},
    "loggers": {
        "django.db.backends": {"handlers": ["file"], "level": "DEBUG", "propagate": False},
        "django.server": {"handlers": ["file"], "level": "INFO", "propagate": False},
    },
}
PY
touch shop/__init__.py
cat > shop/models.py <<'PY'
from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)


class Book(models.Model):
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="books")
    title = models.CharField(max_length=100)
PY
cat > urls.py <<'PY'
from django.http import HttpResponse, JsonResponse
from django.urls import path

from shop.models import Author


def dashboard(request):
    cart = request.session.get("cart", [])
    return JsonResponse({"authors": Author.objects.count(), "cart": len(cart)})


def cart_add(request):
    cart = request.session.get("cart", [])
    cart.append(len(cart) + 1)
    request.session["cart"] = cart
    return JsonResponse({"cart": len(cart)})


def health(request):
    return HttpResponse("ok")


urlpatterns = [
    path("dashboard/", dashboard),
    path("cart/add/", cart_add),
    path("health/", health),
]
PY
cat > manage.py <<'PY'
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
from django.core.management import execute_from_command_line

execute_from_command_line(sys.argv)
PY
"$PY" manage.py makemigrations shop >/dev/null 2>&1
"$PY" manage.py migrate >/dev/null 2>&1
"$PY" manage.py shell -c "
from shop.models import Author, Book
for i in range(1, 7):
    a = Author.objects.create(name=f'author {i}')
    for j in range(3):
        Book.objects.create(author=a, title=f'book {i}.{j}')
" >/dev/null 2>&1
"$PY" manage.py runserver --noreload "127.0.0.1:$PORT" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/health/" && break; sleep 0.2; done
: > sql.log   # only the requests below (the file handler appends, so truncating is safe)
jar="$work/cookies.txt"
get() { curl -s -o /dev/null -b "$jar" -c "$jar" "http://127.0.0.1:$PORT$1"; }
get /cart/add/
for i in $(seq 1 30); do
  get /dashboard/
  if [ $((i % 3)) -eq 0 ]; then get /cart/add/; get /health/; fi
done
get /health/
sleep 0.5
kill $server
cp sql.log "$out/sessions-sql.log"
echo "capture: $out/sessions-sql.log ($(wc -l < "$out/sessions-sql.log") lines)"
