#!/usr/bin/env bash
# Runs CI (.ci/run) several times in a row on a fresh clone of HEAD while two CPU-bound
# processes (`yes > /dev/null`, one per core of a 2-core machine) run beside it: the check that
# the suite passes on a busy machine, not only on an idle one (docs/testing.md).
#
#   scripts/ci-under-load.sh [RUNS] [LOG_DIR]     defaults: 3 runs, a new temporary folder
#
# Each run starts from a clean clone (git clean -xfd, so npm ci installs again, as CI does).
# One line per run: exit code, wall time and the closing "N passed, N failed" line. Exits
# non-zero when any run failed.
set -uo pipefail
runs=${1:-3}
logs=${2:-$(mktemp -d)}
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel) || exit 2
mkdir -p "$logs"
clone="$logs/clone"
rm -rf "$clone"
git clone -q "$repo" "$clone" || exit 2
echo "commit $(git -C "$clone" rev-parse --short HEAD), $(nproc) cores, logs in $logs"

yes >/dev/null &
load1=$!
yes >/dev/null &
load2=$!
trap 'kill "$load1" "$load2" 2>/dev/null' EXIT

failures=0
for i in $(seq 1 "$runs"); do
  git -C "$clone" clean -xfdq
  t0=$SECONDS
  (cd "$clone" && .ci/run) >"$logs/run$i.log" 2>&1
  rc=$?
  [ "$rc" -eq 0 ] || failures=$((failures + 1))
  echo "run $i: exit $rc, $((SECONDS - t0)) s, $(tail -n 1 "$logs/run$i.log")"
done
[ "$failures" -eq 0 ]
