#!/usr/bin/env bash
# Regenerates importers/src/test/resources/samples/django/runserver-sql.log: Django's development
# server (Debian 12's python3-django, 3.2) logging django.db.backends and django.server to one file
# through one formatter, as a developer's LOGGING setting does. A two-model app on SQLite serves
# /authors/ (one query per author for their books: an N+1), /authors/<id>/ and /health/; curl makes
# five requests.
#
# Runs on Debian 12 with python3-django and curl installed; the server listens on loopback only and
# is stopped on exit. Takes about 10 seconds.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../resources/samples/django"
work=/tmp/django-server-capture
PORT=8791
PY=/usr/bin/python3   # Debian's Python, which has Debian's Django
mkdir -p "$out"
rm -rf "$work"
mkdir -p "$work/shop"
cd "$work"

cat > settings.py <<'PY'
SECRET_KEY = "capture-only"
DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1"]
INSTALLED_APPS = ["django.contrib.contenttypes", "shop"]
ROOT_URLCONF = "urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "/tmp/django-server-capture/db.sqlite3"}}
USE_TZ = True
LOGGING = {
    "version": 1,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"file": {"class": "logging.FileHandler", "filename": "/tmp/django-server-capture/sql.log",
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


def authors(request):
    return JsonResponse({a.name: [b.title for b in a.books.all()] for a in Author.objects.all()})


def author(request, pk):
    a = Author.objects.get(pk=pk)
    return JsonResponse({"name": a.name, "books": a.books.count()})


def health(request):
    return HttpResponse("ok")


urlpatterns = [
    path("authors/", authors),
    path("authors/<int:pk>/", author),
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
curl -s -o /dev/null "http://127.0.0.1:$PORT/health/"
curl -s -o /dev/null "http://127.0.0.1:$PORT/authors/"
curl -s -o /dev/null "http://127.0.0.1:$PORT/authors/3/"
curl -s -o /dev/null "http://127.0.0.1:$PORT/authors/?page=2"
curl -s -o /dev/null "http://127.0.0.1:$PORT/authors/5/"
sleep 0.5
kill $server
cp sql.log "$out/runserver-sql.log"
echo "capture: $out/runserver-sql.log ($(wc -l < "$out/runserver-sql.log") lines)"
