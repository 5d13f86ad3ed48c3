#!/usr/bin/env bash
# Adds an EF Core migration NAME for both providers (SQLite and PostgreSQL), side by side:
#   ./scripts/add-migration.sh AddBurdenReports
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/../src/Jianfu"
command -v dotnet-ef >/dev/null || dotnet tool install --global dotnet-ef --version 10.0.14
export PATH="$PATH:$HOME/.dotnet/tools"
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --context "${provider}JianfuDbContext" \
    --output-dir "Platform/Database/Migrations/$provider" --namespace "Jianfu.Platform.Database.Migrations.$provider"
done
# dotnet-ef writes the model snapshot under a folder named after the root namespace; put it beside its migrations.
if [ -d Jianfu/Platform/Database/Migrations ]; then
  for provider in Sqlite Postgres; do
    [ -d "Jianfu/Platform/Database/Migrations/$provider" ] && mv Jianfu/Platform/Database/Migrations/$provider/*.cs "Platform/Database/Migrations/$provider/"
  done
  rm -rf Jianfu
fi
