#!/bin/sh
# Writes pgbouncer.ini and userlist.txt from the environment, as the upstream image does.
set -eu
: "${DATABASE_URL:?DATABASE_URL must be set}"
# postgresql://user:password@host:port/dbname
rest="${DATABASE_URL#*://}"
creds="${rest%%@*}"; where="${rest#*@}"
DB_USER="${creds%%:*}"; DB_PASSWORD="${creds#*:}"
hostport="${where%%/*}"; DB_NAME="${where#*/}"; DB_NAME="${DB_NAME%%\?*}"
DB_HOST="${hostport%%:*}"; DB_PORT="${hostport#*:}"; [ "$DB_PORT" = "$hostport" ] && DB_PORT=5432
printf '"%s" "%s"\n' "$DB_USER" "$DB_PASSWORD" > /etc/pgbouncer/userlist.txt
cat > /etc/pgbouncer/pgbouncer.ini <<INI
[databases]
* = host=${DB_HOST} port=${DB_PORT} user=${DB_USER}
[pgbouncer]
listen_addr = 0.0.0.0
listen_port = ${LISTEN_PORT:-5432}
unix_socket_dir =
auth_type = ${AUTH_TYPE:-md5}
auth_file = /etc/pgbouncer/userlist.txt
pool_mode = ${POOL_MODE:-session}
max_client_conn = ${MAX_CLIENT_CONN:-100}
default_pool_size = ${DEFAULT_POOL_SIZE:-20}
min_pool_size = ${MIN_POOL_SIZE:-0}
reserve_pool_size = ${RESERVE_POOL_SIZE:-0}
ignore_startup_parameters = ${IGNORE_STARTUP_PARAMETERS:-extra_float_digits}
INI
exec "$@"
