#!/usr/bin/env bash
# Benchmarks the portal against nginx serving the same pages as static files, in one run on 127.0.0.1.
#
#   bash bench/run.sh [ITEMS] [DURATION] [ROUNDS]   defaults: 100000 items, 10s per wrk run, 3 rounds
#
# Builds Release, imports ITEMS generated items (bench/generate.py: synthetic text, never real news) into a fresh
# data folder, starts the portal twice (output cache on, and off), saves the HTML of each page for nginx, then runs
# `wrk -t2 -c32 -d$DURATION --latency` against every page on each server, ROUNDS times in turn, and prints one table of
# medians (ratios are taken within each round, then the median). Also measures the time
# to the first response after start, RSS after the load, sequential search latency on the uncached portal, and the
# import of 10,000 items (median of 3). Installs wrk and nginx (Debian packages) if missing. Touches only 127.0.0.1.
set -euo pipefail

items="${1:-100000}"
duration="${2:-10s}"
rounds="${3:-3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/newsportal-bench.XXXXXX)"
chmod 755 "$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx
need curl curl
need bc bc
need python3 python3

# As the container is built: self-contained, the frameworks precompiled as one composite image (minutes the first time).
echo "bench: publishing Release build (self-contained)" >&2
dotnet publish "$root/src/NewsPortal" -c Release --use-current-runtime --self-contained -o "$work/app" -v quiet -nologo >/dev/null

# Log level Warning: no line per request, as nginx runs here with its access log off (the portal's default writes
# one JSON line per request; bench/README.md gives its cost).
export ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning Security__RequireHttps=false
# The runtime settings the container runs with (the DOTNET_ variables of its environment: GC mode and budget).
container_env=$(bash "$root/deploy/container-env.sh")
while read -r setting; do export "$setting"; echo "bench: $setting (from the Dockerfile)" >&2; done < <(grep '^DOTNET_' <<<"$container_env")
portal() { (cd "$work/app" && Storage__DataFolder="$1" ./NewsPortal "${@:2}"); }
# An import's output is long (a progress bar); it is shown only when the import fails.
import_into() { portal "$1" import "$2" >"$work/import.log" 2>&1 || { tail -c 4000 "$work/import.log" >&2; return 1; }; }

echo "bench: generating and importing $items items" >&2
python3 "$root/bench/generate.py" "$items" "$work/items.json"
import_start=$(date +%s.%N)
import_into "$work/data" "$work/items.json"
import_all=$(echo "$(date +%s.%N) - $import_start" | bc)

# 10,000 items into a fresh folder, three times; the median counts.
python3 "$root/bench/generate.py" 10000 "$work/items-10k.json"
import_runs=()
for run in 1 2 3; do
    start=$(date +%s.%N)
    import_into "$work/import-$run" "$work/items-10k.json"
    import_runs+=("$(echo "$(date +%s.%N) - $start" | bc)")
done
import_10k=$(printf '%s\n' "${import_runs[@]}" | sort -n | sed -n 2p)

start_portal() { # PORT CACHE -> sets started_pid, first_ms
    local port=$1 cache=$2 begin now
    begin=$(date +%s%N)
    (cd "$work/app" && Storage__DataFolder="$work/data-$port" ASPNETCORE_URLS="http://127.0.0.1:$port" Site__CachePublicPages="$cache" \
        exec ./NewsPortal >"$work/portal-$port.log" 2>&1) &
    started_pid=$!
    pids+=("$started_pid")
    until curl -s -o /dev/null -f "http://127.0.0.1:$port/"; do
        sleep 0.02
        kill -0 "$started_pid" 2>/dev/null || { cat "$work/portal-$port.log" >&2; exit 1; }
    done
    now=$(date +%s%N)
    first_ms=$(( (now - begin) / 1000000 ))
}
# Each portal gets its own copy of the database (one SQLite file serves one portal).
for port in 5080 5082; do mkdir -p "$work/data-$port"; cp "$work/data/newsportal.db" "$work/data-$port/"; done
# The copies are written out before any start is timed; an operator's start does not follow a 1 GB copy.
sync

# Time to the first response: three starts of the cached portal, stopped after its first answer; the median counts.
starts=()
for run in 1 2 3; do
    start_portal 5080 true; starts+=("$first_ms")
    kill "$started_pid"; wait "$started_pid" 2>/dev/null || true
done
first_cached=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)

start_portal 5080 true;  cached_pid=$started_pid
start_portal 5082 false; uncached_pid=$started_pid

slug=$(curl -s "http://127.0.0.1:5080/news?page=$(( items / 20 ))" | grep -o 'href="/news/[a-z0-9-]*"' | grep -v '/news/[0-9]' | head -1 | sed 's/href="\/news\///; s/"//')
declare -A pages=(
    [home]="/"
    [list]="/news?page=37"
    [item]="/news/$slug"
    [search]="/search?q=schengen+border"
    [feed]="/feed.xml"
)
order=(home list item search feed)

# nginx serves the portal's own HTML of the same pages, as static files.
mkdir -p "$work/static"
for name in "${order[@]}"; do curl -s -o "$work/static/$name.html" "http://127.0.0.1:5080${pages[$name]}"; done
cat >"$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    include /etc/nginx/mime.types;
    default_type text/html;
    sendfile on;
    keepalive_requests 100000;
    server { listen 127.0.0.1:5081; root $work/static; }
}
NGINX
nginx -c "$work/nginx.conf"
pids+=("$(cat "$work/nginx.pid" 2>/dev/null || echo 0)")

wrk_run() { # URL -> "rps p50 p99"
    wrk -t2 -c32 -d"$duration" --latency "$1" | awk '
        /Requests\/sec/ { rps = $2 }
        $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
        END { print rps, p50, p99 }'
}
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[^m]s$/) n *= 1000; printf "%.2f", n }'; }

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# Warm-up, not measured: a ReadyToRun build starts on precompiled code and the runtime recompiles the hot methods
# in the background over the first seconds of load (measured: uncached item 1,200 req/s in the first 10 s, 3,000+
# from the third). Measuring from a cold start would time the JIT, not the portal.
echo "bench: warming up (5 s per page and portal)" >&2
for name in "${order[@]}"; do
    for port in 5080 5082; do wrk -t2 -c32 -d5s "http://127.0.0.1:$port${pages[$name]}" >/dev/null; done
done

declare -A results
for round in $(seq 1 "$rounds"); do
    echo "bench: round $round of $rounds" >&2
    for name in "${order[@]}"; do
        read -r n_rps _ _ < <(wrk_run "http://127.0.0.1:5081/$name.html")
        read -r c_rps c_p50 c_p99 < <(wrk_run "http://127.0.0.1:5080${pages[$name]}")
        read -r u_rps _ u_p99 < <(wrk_run "http://127.0.0.1:5082${pages[$name]}")
        results[$name,n_rps]+="$n_rps "; results[$name,c_rps]+="$c_rps "; results[$name,u_rps]+="$u_rps "
        results[$name,c_ratio]+="$(echo "100 * $c_rps / $n_rps" | bc -l) "
        results[$name,u_ratio]+="$(echo "100 * $u_rps / $n_rps" | bc -l) "
        results[$name,c_p50]+="$(to_ms "$c_p50") "; results[$name,c_p99]+="$(to_ms "$c_p99") "; results[$name,u_p99]+="$(to_ms "$u_p99") "
    done
done
m() { printf '%s\n' ${results[$1,$2]} | median; }

printf '\n%s items, wrk -t2 -c32 -d%s, median of %s rounds, %s cores\n\n' "$items" "$duration" "$rounds" "$(nproc)"
printf '| Page | nginx req/s | portal req/s | ratio | portal p50 | portal p99 | uncached req/s | uncached ratio | uncached p99 |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for name in "${order[@]}"; do
    printf '| %s | %.0f | %.0f | %.1f%% | %.2f ms | %.2f ms | %.0f | %.1f%% | %.2f ms |\n' "$name" "$(m "$name" n_rps)" "$(m "$name" c_rps)" \
        "$(m "$name" c_ratio)" "$(m "$name" c_p50)" "$(m "$name" c_p99)" "$(m "$name" u_rps)" "$(m "$name" u_ratio)" "$(m "$name" u_p99)"
done

rss() { awk '/VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$1/status"; }
printf '\nRSS after the load: cached portal %s, uncached portal %s\n' "$(rss "$cached_pid")" "$(rss "$uncached_pid")"
printf 'First response after start (cached portal, %s items, median of 3): %s ms (%s)\n' "$items" "$first_cached" "${starts[*]}"

# Search, one request at a time on the uncached portal: different queries, the median of 30.
queries=(schengen border+police asylum cyber+crime visa justice trafficking security)
times=()
for i in $(seq 1 30); do
    q=${queries[$(( i % ${#queries[@]} ))]}
    times+=("$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:5082/search?q=$q&page=$(( 1 + i % 3 ))")")
done
printf 'Search (uncached, sequential, median of 30): %.1f ms\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 15p | awk '{ print $1 * 1000 }')"
printf 'Import: %s items in %.1f s; 10,000 items in %.1f s (median of 3: %s)\n' "$items" "$import_all" "$import_10k" "${import_runs[*]}"
