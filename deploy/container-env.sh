#!/usr/bin/env bash
# Prints the container's environment: every `ENV KEY=VALUE` line of the Dockerfile's final stage, as KEY=VALUE, one
# per line. The smoke test runs the portal with exactly these; the bench takes the runtime settings (DOTNET_*) from them.
#
#   bash deploy/container-env.sh [DOCKERFILE]      default: the repository's Dockerfile
#
# Exits 1, naming the line, when an ENV line is not of that form (one KEY=VALUE per line), or when there is none.
set -euo pipefail

dockerfile=${1:-"$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/Dockerfile"}
[[ -f $dockerfile ]] || { echo "no Dockerfile at $dockerfile" >&2; exit 1; }
last_from=$(grep -n -i -E '^[[:space:]]*FROM[[:space:]]' "$dockerfile" | tail -n 1 | cut -d: -f1)
found=0
while IFS= read -r line; do
    if [[ $line =~ ^[[:space:]]*[Ee][Nn][Vv][[:space:]]+([A-Za-z_][A-Za-z0-9_]*)=([^[:space:]]*)[[:space:]]*$ ]]; then
        value=${BASH_REMATCH[2]}
        value=${value#\"}; value=${value%\"}
        echo "${BASH_REMATCH[1]}=$value"
        found=1
    else
        echo "cannot read '$line' (write one ENV KEY=VALUE per line)" >&2; exit 1
    fi
done < <(tail -n "+${last_from:-1}" "$dockerfile" | grep -i -E '^[[:space:]]*ENV([[:space:]]|$)' || true)
[[ $found -eq 1 ]] || { echo "no ENV lines in the final stage of $dockerfile" >&2; exit 1; }
