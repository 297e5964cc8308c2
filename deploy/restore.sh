#!/usr/bin/env bash
# Restore a backup into a database, replacing it: deploy/restore.sh FILE DATABASE_URL
# The target database is dropped and created again, so stop the app servers and the task
# worker first (docs/deploy.md). The URL's database name is the one replaced; the connection
# for dropping and creating goes to the server's "postgres" database.
set -euo pipefail
file=${1:?usage: deploy/restore.sh FILE DATABASE_URL}
url=${2:?usage: deploy/restore.sh FILE DATABASE_URL}
name=${url##*/}
name=${name%%\?*}
server=${url%/*}/postgres
psql --quiet --no-psqlrc "$server" -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" -c "CREATE DATABASE \"$name\""
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$url" "$file"
echo "restored $file into $name"
