#!/usr/bin/env bash
# Regenerates the demo project's captures (app/src/main/resources/demo/captures/) with the real
# tools from Debian's packages: PostgreSQL 15 (stderr, csvlog and jsonlog logs, auto_explain plans,
# pg_stat_statements, EXPLAIN ANALYZE), Django's SQL debug log, an nginx access log with request
# times, bandit, radon, pylint, coverage.py and `manage.py check --deploy`.
#
# Runs as root on Debian 12 (it installs packages and starts servers as the postgres and www-data
# users, on loopback only). Every server it starts is stopped on exit. Takes a few minutes.
#
# VARIANT=after captures the demo's second round instead: the same traffic on a copy of the app with
# after-fixes.patch applied (the N+1 patterns of /invoices/ and /invoices/search/ fixed, the index
# on invoices.external_ref added), traffic only (Django's SQL log, the nginx log,
# pg_stat_statements, the reconciliation plan), into captures-after/.
#
# VARIANT=checkout adds to captures/ what the card checkout (payments/checkout.py) does at run time,
# leaving the traffic captures as they are: the same traffic, then 20 checkouts and a few pages served
# by a second development server whose capture-only settings (checkout/capture_settings.py) record
# each request, its statements and its outside calls (checkout/otel_record.py) while the payment
# provider's host name resolves to a local stub (checkout/payment_stub.py, 120-580 ms per charge),
# as an /etc/hosts line would make it; the recording becomes
# OTLP JSON through OpenTelemetry JS's exporter (importers/src/test/otel-capture/
# replay-recorded.mjs; needs node and npm) in captures/otel/checkout-traces.jsonl, and the index
# usage after all that traffic in captures/postgres/index-usage.csv; the scanners' reports
# (captures/scans/) are taken again on the code with the checkout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
src="$root/app/src/main/resources/demo/ledgerly"
VARIANT="${VARIANT:-before}"
out="$root/app/src/main/resources/demo/captures"
[ "$VARIANT" = after ] && out="$root/app/src/main/resources/demo/captures-after"
work=/tmp/ledgerly-capture          # fixed, so paths inside the captures are the same every run
PY=/usr/bin/python3                 # Debian's Python, which has Debian's Django
PGBIN=/usr/lib/postgresql/15/bin
PGPORT=55432
APPPORT=8765
WEBPORT=8780
ROUNDS="${ROUNDS:-5}"               # light routes: requests per route and tenant
HEAVY_ROUNDS="${HEAVY_ROUNDS:-1}"   # routes that issue hundreds of queries per request

echo "capture: installing tools"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq python3-django python3-psycopg2 postgresql-15 postgresql-contrib \
  bandit radon pylint python3-coverage python3-pytest python3-pytest-django mypy nginx-light curl \
  python3-pip python3-pipdeptree python3-django-nose python3-django-debug-toolbar python3-django-filters \
  python3-djangorestframework python3-django-polymorphic python3-django-taggit >/dev/null

pids=()
cleanup() {
  for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -d "$work/pg" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

rm -rf "$work"
mkdir -p "$work"
cp -r "$src" "$work/ledgerly"
if [ "$VARIANT" = after ]; then
  echo "capture: applying after-fixes.patch"
  patch -s -d "$work" -p1 < "$here/after-fixes.patch"
fi
find "$work/ledgerly" -name __pycache__ -prune -exec rm -rf {} +
chmod -R a+rwX "$work"

echo "capture: starting PostgreSQL 15 on 127.0.0.1:$PGPORT"
runuser -u postgres -- "$PGBIN/initdb" -D "$work/pg" -U postgres -A trust --locale=C.UTF-8 >/dev/null
cat >> "$work/pg/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$work'
shared_preload_libraries = 'pg_stat_statements,auto_explain'
logging_collector = on
log_destination = 'stderr,csvlog,jsonlog'
log_directory = '$work/pglog'
log_filename = 'postgresql'
log_rotation_age = 0
log_line_prefix = '%m [%p] %q%u@%d app=%a '
log_min_duration_statement = -1
auto_explain.log_min_duration = '5ms'
auto_explain.log_analyze = on
auto_explain.log_buffers = on
auto_explain.log_format = json
compute_query_id = on
pg_stat_statements.track = top
CONF
mkdir -p "$work/pglog" && chown postgres "$work/pglog"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -l "$work/pg-start.log" -w start >/dev/null
psql() { command psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql -c "CREATE ROLE ledgerly LOGIN CREATEDB PASSWORD 'ledgerly'"
psql -c "CREATE DATABASE ledgerly OWNER ledgerly"
psql -d ledgerly -c "CREATE EXTENSION pg_stat_statements"

export DB_HOST=127.0.0.1 DB_PORT=$PGPORT DB_NAME=ledgerly DB_USER=ledgerly DB_PASSWORD=ledgerly
export DJANGO_SETTINGS_MODULE=ledgerly.settings.dev PYTHONDONTWRITEBYTECODE=1
cd "$work/ledgerly"

echo "capture: migrating and seeding"
$PY manage.py migrate -v 0
$PY manage.py seed_demo
psql -d ledgerly -c "ANALYZE"

echo "capture: turning statement logging on"
psql -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
psql -d ledgerly -c "SELECT pg_stat_statements_reset()" >/dev/null
sleep 1
for f in postgresql postgresql.csv postgresql.json; do : > "$work/pglog/$f"; done

echo "capture: starting the demo app behind nginx"
LEDGERLY_SQL_LOG="$work/django-sql.log" $PY manage.py runserver --noreload "127.0.0.1:$APPPORT" \
  > "$work/runserver.log" 2>&1 &
pids+=($!)
cat > "$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events {}
http {
  log_format timed '\$remote_addr - \$remote_user [\$time_local] "\$request" \$status \$body_bytes_sent '
                   '"\$http_referer" "\$http_user_agent" \$request_time \$upstream_response_time';
  access_log $work/access.log timed;
  server {
    listen 127.0.0.1:$WEBPORT;
    location / { proxy_pass http://127.0.0.1:$APPPORT; proxy_set_header X-Tenant \$http_x_tenant; }
  }
}
CONF
nginx -c "$work/nginx.conf"
for i in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$APPPORT/" && break; sleep 0.3; done

echo "capture: driving routes ($ROUNDS rounds per tenant; $HEAVY_ROUNDS for the heavy ones, one tenant)"
routes=(/ /customers/ /customers/1/ /customers/2/ /invoices/ "/invoices/?status=overdue" /invoices/3/
        "/invoices/search/?q=Customer+007" /payments/recent/ "/payments/recent/?method=transfer" /reports/revenue/
        "/reports/reconcile/?ref=BANK-00000042" "/reports/by-status/?status=overdue" /invoices/aging/ /invoices/statement/7/ /api/v1/invoices/
        /api/v1/invoices/fast/ /api/v1/customers/1/balance/)
heavy=(/invoices/overdue/ "/invoices/export.csv?from=$(date -u -d '-50 days' +%F)&to=$(date -u -d '-44 days' +%F)")
drive() {
  local rounds=$1 tenants=$2; shift 2
  for round in $(seq 1 "$rounds"); do
    for tenant in $tenants; do
      for r in "$@"; do
        curl -s -o /dev/null -H "X-Tenant: $tenant" -A "capture/1.0" "http://127.0.0.1:$WEBPORT$r"
      done
    done
  done
}
drive "$ROUNDS" "harbour northwind" "${routes[@]}"
drive "$HEAVY_ROUNDS" "harbour" "${heavy[@]}"

if [ "$VARIANT" = checkout ]; then
  STUBPORT=8766
  CHECKPORT=8767
  echo "capture: the card checkout against a local payment stub, recorded"
  $PY "$here/checkout/payment_stub.py" "$STUBPORT" &
  pids+=($!)
  : > "$work/otel-record.jsonl"
  # capture-only modules beside the app, not in it: the scanners below see the app alone
  mkdir -p "$work/capture-only"
  cp "$here/checkout/otel_record.py" "$here/checkout/capture_settings.py" "$work/capture-only/"
  PYTHONPATH="$work/capture-only" LEDGERLY_OTEL_RECORD="$work/otel-record.jsonl" \
    PAYMENT_GATEWAY_URL="http://api.paylane.example:$STUBPORT" \
    DJANGO_SETTINGS_MODULE=capture_settings $PY manage.py runserver --noreload "127.0.0.1:$CHECKPORT" \
    > "$work/runserver-checkout.log" 2>&1 &
  pids+=($!)
  for i in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$CHECKPORT/payments/recent/" && break; sleep 0.3; done
  : > "$work/otel-record.jsonl"
  invoices=$(psql -d ledgerly -At -c "SELECT i.id FROM invoices_invoice i JOIN tenants_tenant t ON t.id = i.tenant_id WHERE t.slug = 'harbour' AND i.status IN ('sent', 'overdue') AND i.total > i.amount_paid ORDER BY i.id LIMIT 20")
  for pk in $invoices; do
    curl -s -o /dev/null -X POST -H "X-Tenant: harbour" -d card_token=tok_visa "http://127.0.0.1:$CHECKPORT/payments/checkout/$pk/"
    curl -s -o /dev/null -H "X-Tenant: harbour" "http://127.0.0.1:$CHECKPORT/payments/recent/"
  done
  sleep 0.5
  echo "capture: $(wc -l < "$work/otel-record.jsonl") requests recorded"
  (cd "$root/importers/src/test/otel-capture" && npm ci --no-audit --no-fund >/dev/null && \
    node replay-recorded.mjs "$work/otel-record.jsonl" "$work/checkout-traces.jsonl")
fi

echo "capture: the nightly dunning task (outside any request), then statement logging off"
LEDGERLY_SQL_LOG="$work/django-sql.log" $PY manage.py shell -c "
from django.conf import settings
settings.EMAIL_BACKEND = 'django.core.mail.backends.locmem.EmailBackend'
from notifications.tasks import send_overdue_reminders
send_overdue_reminders()" > "$work/task.log" 2>&1 || { cat "$work/task.log"; exit 1; }
psql -c "ALTER SYSTEM SET log_min_duration_statement = -1" -c "ALTER SYSTEM SET auto_explain.log_min_duration = -1" \
  -c "SELECT pg_reload_conf()" >/dev/null
sleep 1

echo "capture: statistics and plans"
psql -d ledgerly --csv -c "SELECT * FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'ledgerly') ORDER BY total_exec_time DESC" > "$work/pg_stat_statements.csv"
# Index usage, with the query docs/cli.md gives the auditor to send (as capture-index-usage.sh)
psql -d ledgerly -c "\\copy (SELECT s.schemaname, s.relname, s.indexrelname, s.idx_scan, s.idx_tup_read, s.idx_tup_fetch, pg_relation_size(s.indexrelid) AS index_bytes, i.indisunique AS is_unique, i.indisprimary AS is_primary, EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = s.indexrelid) AS backs_constraint, pg_get_indexdef(s.indexrelid) AS indexdef, t.seq_scan, t.seq_tup_read, t.n_live_tup, t.n_tup_ins, t.n_tup_upd, t.n_tup_del, (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()) AS stats_reset FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid JOIN pg_stat_user_tables t ON t.relid = s.relid ORDER BY s.relname, s.indexrelname) TO '$work/index-usage.csv' CSV HEADER"
explain() { psql -d ledgerly -At -c "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) $1" > "$2"; }
explain "SELECT id, number, total, status FROM invoices_invoice WHERE external_ref = 'BANK-00000042'" "$work/explain-reconcile.json"
explain "SELECT date_trunc('month', issued_at), sum(total), count(*) FROM invoices_invoice WHERE tenant_id = 1 AND issued_at >= '2025-01-01' AND status <> 'void' GROUP BY 1 ORDER BY 1" "$work/explain-revenue.json"
explain "SELECT * FROM invoices_invoiceline WHERE invoice_id = 20000" "$work/explain-lines-by-invoice.json"
explain "SELECT * FROM invoices_invoice WHERE tenant_id = 1 AND currency = 'EUR' LIMIT 10" "$work/explain-currency.json"

kill "${pids[@]}" 2>/dev/null || true
pids=()
kill "$(cat "$work/nginx.pid")" && rm -f "$work/nginx.pid"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -m fast stop >/dev/null

if [ "$VARIANT" = after ]; then
  echo "capture: copying the second round's traffic to $out"
  rm -rf "$out"
  mkdir -p "$out/postgres" "$out/django" "$out/web"
  # The server's own logs of this traffic are left out: Django's log holds the same statements
  # (the baseline keeps both formats; one is enough to compare with).
  cp "$work/pg_stat_statements.csv" "$out/postgres/pg_stat_statements.csv"
  cp "$work"/explain-reconcile.json "$out/postgres/"
  cp "$work/django-sql.log" "$out/django/django-sql.log"
  cp "$work/access.log" "$out/web/nginx-access.log"
  {
    echo "Captured $(date -u +%Y-%m-%dT%H:%M:%SZ) by app/src/demo/capture.sh with VARIANT=after ($ROUNDS rounds per route and tenant, $HEAVY_ROUNDS for the heavy routes) on the demo app with after-fixes.patch applied."
    echo "PostgreSQL: $($PGBIN/postgres --version)"
    echo "Django: $($PY -c 'import django; print(django.get_version())')"
    echo "nginx: $(nginx -v 2>&1)"
  } > "$out/VERSIONS.txt"
  ls -la "$out"/*
  echo "capture: done"
  exit 0
fi

echo "capture: scanners"
bandit -r . -f json -o "$work/bandit.json" -q || true          # exit 1 means "issues found"
radon cc -j -s . > "$work/radon-cc.json"
pylint --output-format=json --exit-zero --disable=import-error $(find . -name '*.py' -not -path './scripts/*' | sort) > "$work/pylint.json" 2>/dev/null || true
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -l "$work/pg-start2.log" -w start >/dev/null
CI=true python3-coverage run --branch --source=. manage.py test -v 1 > "$work/test-run.log" 2>&1 || true
python3-coverage json -o "$work/coverage.json" >/dev/null
CI=true $PY -m pytest -q -p no:cacheprovider --ds=ledgerly.settings.dev -o python_files=tests.py \
  --junitxml="$work/junit.xml" > "$work/pytest.log" 2>&1 || true
python3-coverage xml -o "$work/coverage.xml" >/dev/null
mypy --ignore-missing-imports --no-error-summary --show-error-codes --no-incremental --exclude scripts . > "$work/mypy.txt" 2>&1 || true
DJANGO_SETTINGS_MODULE=ledgerly.settings.prod $PY manage.py check --deploy > "$work/check-deploy.txt" 2>&1 || true
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -m fast stop >/dev/null

if [ "$VARIANT" = checkout ]; then
  # The checkout changed the code, so the scanners' reports are taken again with it.
  echo "capture: copying the checkout's traces, the index usage and the scanners' reports to $out"
  mkdir -p "$out/otel"
  cp "$work/checkout-traces.jsonl" "$out/otel/checkout-traces.jsonl"
  cp "$work/index-usage.csv" "$out/postgres/index-usage.csv"
  cp "$work/bandit.json" "$work/radon-cc.json" "$work/pylint.json" "$work/coverage.json" "$work/coverage.xml" \
     "$work/check-deploy.txt" "$work/test-run.log" "$work/junit.xml" "$work/mypy.txt" "$out/scans/"
  echo "Checkout traces, index usage and the scanners' reports (scans/): $(date -u +%Y-%m-%dT%H:%M:%SZ) by app/src/demo/capture.sh with VARIANT=checkout (node $(node --version), requests $($PY -c 'import requests; print(requests.__version__)'), the scanners' versions as above)." >> "$out/VERSIONS.txt"
  echo "capture: done"
  exit 0
fi

$PY -m pipdeptree --json > "$work/pipdeptree.json" 2>/dev/null   # the environment the demo ran in
# ...and which of its packages have newer releases, from the machine's package index (a local PyPI snapshot here)
$PY -m pip list --outdated --format=json --index-url "${INDEX_URL:-file:///opt/pypi/simple}" \
  --extra-index-url "${EXTRA_INDEX_URL:-file:///opt/pypi-more/simple}" > "$work/pip-list-outdated.json" 2>/dev/null

echo "capture: copying to $out"
rm -rf "$out"
mkdir -p "$out/postgres" "$out/django" "$out/web" "$out/scans" "$out/environment"
cp "$work/pipdeptree.json" "$work/pip-list-outdated.json" "$out/environment/"
cp "$work/pglog/postgresql" "$out/postgres/postgresql-stderr.log"
cp "$work/pglog/postgresql.csv" "$out/postgres/postgresql.csv"
cp "$work/pglog/postgresql.json" "$out/postgres/postgresql.json"
cp "$work/pg_stat_statements.csv" "$out/postgres/pg_stat_statements.csv"
cp "$work/index-usage.csv" "$out/postgres/index-usage.csv"
cp "$work"/explain-*.json "$out/postgres/"
cp "$work/django-sql.log" "$out/django/django-sql.log"
cp "$work/access.log" "$out/web/nginx-access.log"
cp "$work/bandit.json" "$work/radon-cc.json" "$work/pylint.json" "$work/coverage.json" "$work/coverage.xml" \
   "$work/check-deploy.txt" "$work/test-run.log" "$work/junit.xml" "$work/mypy.txt" "$out/scans/"
{
  echo "Captured $(date -u +%Y-%m-%dT%H:%M:%SZ) by app/src/demo/capture.sh ($ROUNDS rounds per route and tenant, $HEAVY_ROUNDS for the heavy routes)."
  echo "PostgreSQL: $($PGBIN/postgres --version)"
  echo "Django: $($PY -c 'import django; print(django.get_version())')"
  echo "bandit: $(bandit --version 2>&1 | head -1)"
  echo "radon: $(radon --version 2>&1)"
  echo "pylint: $(pylint --version 2>&1 | head -1)"
  echo "coverage: $(python3-coverage --version 2>&1 | head -1)"
  echo "nginx: $(nginx -v 2>&1)"
  echo "pytest: $($PY -m pytest --version 2>&1 | head -1)"
  echo "mypy: $(mypy --version 2>&1)"
  echo "pipdeptree: $($PY -m pipdeptree --version 2>&1)"
  echo "pip: $($PY -m pip --version 2>&1)"
} > "$out/VERSIONS.txt"
ls -la "$out"/*
echo "capture: done"
