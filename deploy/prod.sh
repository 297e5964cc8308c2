#!/usr/bin/env bash
# `make prod`: what production runs, on this machine's loopback.
# gunicorn (several workers, production settings) + PostgreSQL + Redis + the task worker, static
# files served by whitenoise from what collectstatic wrote. docs/deploy.md explains each step;
# a real server differs only in its environment file, TLS in front, and systemd units.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PORT=${PROD_PORT:-8080}
WORKERS=${PROD_WORKERS:-4}
DB=${PROD_DB:-kia_prod}
ENV_FILE=var/prod.env

mkdir -p var
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
        --dir /tmp --logfile /tmp/redis-kia.log
fi
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" postgres \
    | grep -q 1 || createdb -h 127.0.0.1 -U postgres "$DB"

# Secrets are made once and kept in var/ (not in git), as an operator keeps them in /etc.
if [ ! -f "$ENV_FILE" ]; then
    {
        echo "DJANGO_SECRET_KEY=$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(64))')"
        echo "KIA_FIELD_ENCRYPTION_KEYS=$($BIN/python -c \
            'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')"
    } > "$ENV_FILE"
    chmod 600 "$ENV_FILE"
fi
set -a
# shellcheck disable=SC1090
. "$ENV_FILE"
DJANGO_SETTINGS_MODULE=config.settings.production
DATABASE_URL=postgres://postgres@127.0.0.1:5432/$DB
REDIS_URL=redis://127.0.0.1:6379/1
DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
DJANGO_CSRF_TRUSTED_ORIGINS=http://127.0.0.1:$PORT,http://localhost:$PORT
WAGTAILADMIN_BASE_URL=http://127.0.0.1:$PORT
# Loopback has no TLS; a real server keeps all three on (docs/deploy.md).
DJANGO_SECURE_SSL_REDIRECT=false
DJANGO_SECURE_COOKIES=false
DJANGO_SECURE_HSTS_SECONDS=0
set +a

$BIN/python manage.py migrate --noinput -v0
$BIN/python manage.py compilemessages --ignore=.venv -v0
$BIN/python manage.py collectstatic --noinput -v0
if [ "${DEMO:-1}" = 1 ]; then $BIN/python manage.py load_demo; fi

$BIN/python manage.py db_worker &
worker=$!
trap 'kill $worker 2>/dev/null; wait $worker 2>/dev/null' EXIT INT TERM
echo ""
echo "  Production stack on http://127.0.0.1:$PORT/ ($WORKERS gunicorn workers, PostgreSQL $DB,"
echo "  Redis db 1, task worker pid $worker). Health: http://127.0.0.1:$PORT/healthz"
echo ""
$BIN/gunicorn config.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" --timeout 60 \
    --access-logfile - --forwarded-allow-ips 127.0.0.1
