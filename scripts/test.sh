#!/usr/bin/env bash
# Runs all the tests (after installing what they need): ruff, then pytest (core and web on
# SQLite), then the web tests again on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/ruff check src tests bench
.venv/bin/python -m pytest "$@"

# The web suite on PostgreSQL (started here when it is installed but not running).
PG_URL=${JIXIAO_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && command -v pg_ctlcluster >/dev/null 2>&1; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
fi
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  DATABASE_URL="$PG_URL" .venv/bin/python -m pytest tests/web -m "not browser" -q
else
  echo "PostgreSQL is not available on 127.0.0.1:5432: web tests on PostgreSQL skipped" >&2
fi
