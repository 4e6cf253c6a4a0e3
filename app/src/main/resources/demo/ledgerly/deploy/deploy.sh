#!/bin/sh
# Deploys the current checkout to the app servers. Uses the shared deploy key.
set -e
for host in app1.ledgerly.internal app2.ledgerly.internal; do
  rsync -az --delete -e "ssh -i deploy/ssh/id_rsa_deploy" ./ deploy@$host:/srv/ledgerly/
  ssh -i deploy/ssh/id_rsa_deploy deploy@$host "cd /srv/ledgerly && python3 manage.py migrate --settings=ledgerly.settings.prod && sudo systemctl restart ledgerly"
done
