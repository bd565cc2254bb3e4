#!/usr/bin/env bash
# Runs all the tests (after installing what they need): ruff, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/ruff check src tests bench
.venv/bin/python -m pytest "$@"
