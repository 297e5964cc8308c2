#!/usr/bin/env bash
# Back up the production database to one file: deploy/backup.sh FILE [DATABASE_URL]
# pg_dump's custom format is compressed and lets pg_restore recreate every object, constraints
# and exclusion indexes included. Run it from cron or a systemd timer; see docs/deploy.md.
set -euo pipefail
file=${1:?usage: deploy/backup.sh FILE [DATABASE_URL]}
url=${2:-${DATABASE_URL:?set DATABASE_URL or pass it}}
pg_dump --format=custom --no-owner --no-privileges --file="$file" "$url"
echo "backed up to $file ($(du -h "$file" | cut -f1))"
