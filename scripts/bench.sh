#!/usr/bin/env bash
# Every benchmark of docs/performance.md in one go, from a Release build, and one table at the end:
#   ./scripts/bench.sh              all of them (about 10 minutes on a 2-core machine)
#   ./scripts/bench.sh dispatch     only the named ones: dispatch intake bulletin duplicates cases suggest
# The dispatch benchmark runs on SQLite and on a throwaway PostgreSQL (started here, removed at exit); the others run
# on SQLite, where their targets are set. Each benchmark is also a command of its own (`jianfu bench <name>`, see
# docs/performance.md). Exits non-zero when any target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh
trap stop_postgres EXIT

all=(dispatch intake bulletin duplicates cases suggest)
if [ $# -gt 0 ]; then chosen=("$@"); else chosen=("${all[@]}"); fi
dotnet build src/Jianfu -c Release -nologo -v quiet
jianfu=(dotnet src/Jianfu/bin/Release/net10.0/jianfu.dll)
results=$(mktemp)
failed=0

for name in "${chosen[@]}"; do
  args=()
  case "$name" in
    dispatch) start_postgres; args=(--postgres "$JIANFU_TEST_POSTGRES") ;;
    suggest) args=(--file tests/Jianfu.Tests/Data/task-texts.csv) ;;
    intake|bulletin|duplicates|cases) ;;
    *) echo "unknown benchmark: $name (one of: ${all[*]})" >&2; exit 2 ;;
  esac
  echo "== bench $name"
  if ! "${jianfu[@]}" bench "$name" "${args[@]}" | tee -a "$results"; then
    failed=1
  fi
done

echo
echo "## Benchmarks, $(date -u +%Y-%m-%d), $(nproc) cores"
echo
echo "| what | database | figure | target | |"
echo "|---|---|---|---|---|"
grep '^BENCH|' "$results" | awk -F'|' '{ printf "| %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6 }'
rm -f "$results"
exit $failed
