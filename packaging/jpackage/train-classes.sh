#!/usr/bin/env bash
# Lists the classes the app loads on its way to a first window, for a class-data archive (AppCDS):
# two short training starts, the start screen and a small project of its own, each quitting after
# its first layout (-Dworkbench.startupReport) and listing what it loaded (-XX:DumpLoadedClassList);
# then the command line's one-shot commands on a tiny repository and captures of its own.
# The list names classes, not paths: the development launcher (./workbench) and the installer's
# postinst dump their archives from it against their own class paths (java -Xshare:dump).
# Usage: train-classes.sh JAVA CLASSPATH OUT.classes   (needs a display: DISPLAY or xvfb-run)
set -uo pipefail
java="$1"
cp="$2"
out="$3"
trained="$(mktemp -d)"
trap 'rm -rf "$trained"' EXIT
display=()
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "train-classes: no display and no xvfb-run" >&2; exit 1; }
  display=(xvfb-run -a -s "-screen 0 1366x768x24")
fi
mkdir -p "$trained/repo"
"$java" -cp "$cp" dev.auditworkbench.app.Main new "$trained/warm.audit" --repo="$trained/repo" \
  --no-scan > "$trained/new.log" 2>&1
for start in start project; do
  project=()
  [ "$start" = project ] && [ -f "$trained/warm.audit" ] && project=("$trained/warm.audit")
  timeout 60 "${display[@]}" "$java" -XX:DumpLoadedClassList="$trained/$start.classes" \
    -Dworkbench.startupReport="$trained/$start.txt" -cp "$cp" dev.auditworkbench.app.Main open \
    "${project[@]}" > "$trained/$start.log" 2>&1
done
# The command line's one-shot work too (a scan, a PostgreSQL log and a SARIF report imported, a
# listing): about 2,000 classes (Jackson, the rules, SQLite's driver) that every 'workbench new',
# 'import' and 'findings' otherwise loads and verifies from the jars.
mkdir -p "$trained/cli/shop"
cat > "$trained/cli/shop/models.py" <<'PY'
from django.db import models


class Order(models.Model):
    customer = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    total = models.DecimalField(max_digits=9, decimal_places=2)
PY
cat > "$trained/cli/shop/views.py" <<'PY'
from django.http import JsonResponse
from .models import Order


def orders(request):
    return JsonResponse({"orders": [o.customer.username for o in Order.objects.all()]})
PY
printf 'from django.urls import path\nfrom shop import views\n\nurlpatterns = [path("orders/", views.orders)]\n' \
  > "$trained/cli/urls.py"
cat > "$trained/postgresql.log" <<'LOG'
2026-11-24 11:41:06.277 UTC [21842] shop@shop app=[unknown] LOG:  duration: 0.199 ms  statement: SELECT "shop_order"."id" FROM "shop_order"
2026-11-24 11:41:06.279 UTC [21842] shop@shop app=[unknown] LOG:  duration: 1.477 ms  plan:
	{"Query Text": "SELECT 1", "Plan": {"Node Type": "Result", "Total Cost": 0.01}}
2026-11-24 11:41:06.280 UTC [21842] shop@shop app=[unknown] LOG:  disconnection: session time: 0:00:00.010
LOG
cat > "$trained/report.sarif" <<'SARIF'
{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "semgrep", "rules": [{"id": "r1"}]}},
 "results": [{"ruleId": "r1", "level": "warning", "message": {"text": "a place to look at"},
 "locations": [{"physicalLocation": {"artifactLocation": {"uri": "shop/views.py"},
 "region": {"startLine": 6}}}]}]}]}
SARIF
cli=0
for run in "new $trained/cli.audit --repo=$trained/cli" "import $trained/cli.audit $trained/postgresql.log" \
  "import $trained/cli.audit $trained/report.sarif" "findings $trained/cli.audit" "info $trained/cli.audit"; do
  cli=$((cli + 1))
  # shellcheck disable=SC2086 # the words of the command
  timeout 120 "$java" -XX:DumpLoadedClassList="$trained/cli-$cli.classes" -cp "$cp" \
    dev.auditworkbench.app.Main $run > "$trained/cli-$cli.log" 2>&1 || true
done
cat "$trained"/*.classes 2>/dev/null | awk '!seen[$0]++' > "$trained/all.classes"
[ -s "$trained/all.classes" ] || { echo "train-classes: no class listed" >&2; exit 1; }
mv -f "$trained/all.classes" "$out"
