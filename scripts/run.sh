#!/usr/bin/env bash
# Install the app's dependencies into .venv and start it on the embedded SQLite store
# (data/foi.db), loading the demo cases on first start. Set FOI_DATABASE_URL for another database.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-venv.sh requirements.txt
port="${FOI_PORT:-8501}"
echo "Starting the FOI Public Interest Test Assistant on http://localhost:${port}"
exec .venv/bin/streamlit run app.py --server.port "$port" --server.headless true "$@"
