#!/usr/bin/env bash
# Install the app's dependencies into .venv and start it on the embedded SQLite store
# (data/foi.db), loading the demo cases on first start. Set FOI_DATABASE_URL for another database.
#
# It listens on 127.0.0.1 (this computer only). Extra arguments go to `streamlit run`; to share
# the app with a team, configure sign-in first and serve it behind HTTPS (README.md, "Share it
# with a team"), e.g. `bash scripts/run.sh --server.address 0.0.0.0`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-venv.sh requirements.txt
port="${FOI_PORT:-8501}"
echo "Starting the FOI Public Interest Test Assistant on http://localhost:${port} (this computer only)"
# The loopback address first, so a --server.address given in "$@" (which comes later) wins.
exec .venv/bin/streamlit run app.py --server.address 127.0.0.1 --server.port "$port" \
  --server.headless true "$@"
