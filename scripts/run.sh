#!/usr/bin/env bash
# Runs the system: installs what it needs, then imports the bundled sample documents and
# shows them (the web system will take this place once it exists).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/jixiao demo
