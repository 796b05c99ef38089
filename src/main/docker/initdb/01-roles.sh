#!/bin/sh
# Run by the postgres image on its first start (an empty data volume), as the superuser: makes
# Pastoral Flow's owner and application roles (roles.psql, next to this file). docker-compose.yml
# passes the names and passwords; see docs/operations.md, "Database roles".
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v db="$POSTGRES_DB" \
    -v owner_role="${PASTORAL_DB_OWNER:-pastoralflow_owner}" -v owner_password="$PASTORAL_DB_OWNER_PASSWORD" \
    -v app_role="${PASTORAL_DB_APP:-pastoralflow_app}" -v app_password="$PASTORAL_DB_APP_PASSWORD" \
    -f /docker-entrypoint-initdb.d/roles.psql
