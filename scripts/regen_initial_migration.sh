#!/usr/bin/env bash
# Until the first release, the schema is one initial migration regenerated from the models.
# After the first production deployment, never run this: add migrations with `flask db migrate`.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/digiweb-migration.lock
flock 9
tmp=$(mktemp -d)
rm -f migrations/versions/*.py
DATABASE_URL="sqlite:///$tmp/empty.db" .venv/bin/flask --app wsgi db migrate -m "initial schema" >/dev/null 2>&1
rm -rf "$tmp"
ls migrations/versions/*.py
