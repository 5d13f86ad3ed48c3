#!/usr/bin/env bash
# Every benchmark of docs/performance.md in one go, from a Release build, and one table at the end:
#   ./scripts/bench.sh              all of them (about 10 minutes on a 2-core machine)
#   ./scripts/bench.sh dispatch     only the named ones: dispatch intake bulletin duplicates cases suggest assessment ratings registry routing
# The dispatch, assessment and ratings benchmarks run on SQLite and on a throwaway PostgreSQL (started here, removed at
# exit); the others run on SQLite, where their targets are set. Each benchmark is also a command of its own (`jianfu bench <name>`, see
# docs/performance.md). Exits non-zero when any target is missed. `routing` needs the labelled 12345 messages, which are
# not in the repository: JIANFU_HOTLINE_DATA (default ../shared/data/hotline) holds train.csv, train_extra.csv,
# titles_train.csv and train_reconstructed.csv; without them it is reported as not run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh
trap stop_postgres EXIT

all=(dispatch intake bulletin duplicates cases suggest assessment ratings registry routing)
hotline=${JIANFU_HOTLINE_DATA:-../shared/data/hotline}
if [ $# -gt 0 ]; then chosen=("$@"); else chosen=("${all[@]}"); fi
dotnet build src/Jianfu -c Release -nologo -v quiet
jianfu=(dotnet src/Jianfu/bin/Release/net10.0/jianfu.dll)
results=$(mktemp)
failed=0

for name in "${chosen[@]}"; do
  args=()
  case "$name" in
    dispatch|assessment|ratings|registry) [ -n "${pg_started:-}" ] || { start_postgres; pg_started=1; }; args=(--postgres "$JIANFU_TEST_POSTGRES") ;;
    suggest) args=(--file tests/Jianfu.Tests/Data/task-texts.csv) ;;
    intake|bulletin|duplicates|cases) ;;
    routing)
      if [ ! -f "$hotline/train_extra.csv" ]; then
        echo "BENCH|12345 routing|—|not run: no labelled messages in $hotline (set JIANFU_HOTLINE_DATA)|see docs/text-intelligence.md|NOT RUN" | tee -a "$results"
        failed=1; continue
      fi
      echo "== routing evaluate"
      if ! "${jianfu[@]}" routing evaluate --data "$hotline/train.csv" --data "$hotline/train_extra.csv" \
          --extra "$hotline/titles_train.csv" --extra "$hotline/train_reconstructed.csv" | tee -a "$results"; then failed=1; fi
      grep -q '^BENCH|.*|NOT MET$' "$results" && failed=1
      continue ;;
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
