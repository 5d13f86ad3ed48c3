#!/usr/bin/env bash
# The dispatch benchmark of docs/performance.md on SQLite and on a throwaway PostgreSQL, from a Release build:
#   ./scripts/bench.sh            (same as: dotnet run -c Release --project src/Jianfu -- bench dispatch --postgres "…")
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh
trap stop_postgres EXIT
start_postgres
dotnet build src/Jianfu -c Release -nologo -v quiet
dotnet src/Jianfu/bin/Release/net10.0/jianfu.dll bench dispatch --postgres "$JIANFU_TEST_POSTGRES" "$@"
