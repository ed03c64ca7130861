#!/usr/bin/env bash
# Install everything the tests need (Debian packages and Python packages) and run every test:
# lint, engine unit tests, storage tests on SQLite and on a real PostgreSQL server started here on
# loopback, letters converted by LibreOffice, AppTests for every page, and end-to-end tests in
# headless Chromium. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Chromium (E2E), LibreOffice + fonts + poppler (Word compatibility), PostgreSQL.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
[ -e /usr/share/fonts/truetype/liberation2 ] || missing+=(fonts-liberation2)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

scripts/setup-venv.sh requirements-dev.txt

# A throwaway PostgreSQL server on loopback for the storage tests.
pg_env="$(mktemp)"
scripts/postgres-test.sh start > "$pg_env"
# shellcheck disable=SC1090
source "$pg_env"
trap 'scripts/postgres-test.sh stop >/dev/null 2>&1 || true; rm -f "$pg_env"' EXIT

.venv/bin/ruff check .
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
fi
exit "$status"
