#!/usr/bin/env bash
# Run the end-to-end suite several times in a row while CPU hogs keep every core busy: a test
# that waits on time rather than on the app's state shows itself here. Run after scripts/test.sh
# has installed everything. Usage: scripts/e2e-under-load.sh [ROUNDS] [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
shift || true
hogs=()
for _ in $(seq "$(nproc)"); do
  python3 -c 'while True: pass' &
  hogs+=("$!")
done
trap 'kill "${hogs[@]}" 2>/dev/null || true' EXIT
for round in $(seq "$rounds"); do
  echo "E2E round $round of $rounds, with $(nproc) CPU hogs running"
  .venv/bin/python -m pytest -q -p no:cacheprovider tests/e2e "$@"
done
echo "E2E suite green $rounds times in a row under load"
