#!/usr/bin/env bash
# Runs every test of Jianfu: unit, integration on SQLite and PostgreSQL, and the browser journeys in Chromium.
# Installs what the tests need when it is missing (PostgreSQL, Chromium, CJK fonts; via apt when run as root),
# starts a throwaway PostgreSQL server for this run only, and ends with the totals line "N passed, N failed".
# With CI=true nothing is skipped: a missing server or browser is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS="$ROOT/artifacts/test-results"
export JIANFU_SCREENSHOTS="$ROOT/artifacts/screenshots"
rm -rf "$RESULTS"; mkdir -p "$RESULTS" "$JIANFU_SCREENSHOTS"

say() { printf '\n== %s\n' "$*"; }

source scripts/lib/postgres.sh
have_fonts() { command -v fc-list >/dev/null && fc-list :lang=zh 2>/dev/null | grep -q .; }

install_missing() {
  local wanted=()
  [ -n "$(pg_bin)" ] || wanted+=(postgresql)
  command -v chromium >/dev/null || wanted+=(chromium)
  have_fonts || wanted+=(fonts-noto-cjk fontconfig)
  [ ${#wanted[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "installing ${wanted[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
  else
    echo "missing: ${wanted[*]} (run as root to install them with apt-get)" >&2
  fi
}

trap stop_postgres EXIT

install_missing
say "starting a throwaway PostgreSQL"
if ! start_postgres; then
  if [ "${CI:-}" = "true" ]; then echo "CI=true: PostgreSQL is required" >&2; exit 1; fi
  echo "PostgreSQL unavailable: its tests will fail with a message saying so" >&2
fi
if ! command -v chromium >/dev/null && [ "${CI:-}" = "true" ]; then
  echo "CI=true: Chromium is required for the browser tests" >&2; exit 1
fi
export JIANFU_CHROMIUM=${JIANFU_CHROMIUM:-$(command -v chromium || true)}

say "building"
dotnet build Jianfu.slnx -c Release -nologo -v quiet -warnaserror

say "running tests"
status=0
for project in tests/Jianfu.Tests tests/Jianfu.BrowserTests; do
  name=$(basename "$project")
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" || status=$?
done

# Totals over every test assembly, from the TRX files: the one line CI reads.
passed=0; failed=0; skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1)
  attr() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(attr passed)))
  failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
  skipped=$((skipped + $(attr total) - $(attr executed)))
done
if [ "${CI:-}" = "true" ] && [ "$skipped" -gt 0 ]; then
  echo "CI=true: $skipped tests were skipped" >&2; status=1
fi
if [ "$passed" -eq 0 ]; then status=1; fi
echo "screenshots: $JIANFU_SCREENSHOTS"
echo "$passed passed, $failed failed, $skipped skipped"
exit $(( status != 0 || failed > 0 ))
