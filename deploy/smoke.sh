#!/usr/bin/env bash
# Smoke test of the container image without a container engine: it runs the published output exactly as the
# container would (no Docker engine runs on our machines):
#   - the app folder is the publish output, read-only and (as root) owned by root, like /app in the image;
#   - the environment is exactly the ENV lines of the Dockerfile's final stage, nothing inherited from this shell
#     but PATH and a HOME of its own;
#   - the commands are the image's ENTRYPOINT and HEALTHCHECK (the publish is self-contained, as the image's);
#   - the app runs as a non-root user (as root: the system user newsportal-smoke) from the app folder;
#   - a fresh data folder stands in for the /data volume, owned by that user, mode 700.
# It prints `PASS name` / `FAIL name: reason` per check and ends with `smoke: N passed, M failed` (exit 1 if M > 0).
#
#   bash deploy/smoke.sh                 # SMOKE_PORT=8081 to use another port; SMOKE_KEEP=1 keeps the work folder
#
# Only 127.0.0.1 is contacted. The app listens where the container's would (ASPNETCORE_HTTP_PORTS, all interfaces).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
dockerfile="$root/Dockerfile"
smoke_user=newsportal-smoke

passed=0
failed=0
fail_logs=()
pids=()

pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { # name reason [log file to show at the end]
    failed=$((failed + 1)); echo "FAIL $1: $2"
    if [[ -n ${3:-} ]]; then fail_logs+=("$3"); fi
}
now_ms() { date +%s%3N; }

finish() {
    local status=$?
    set +e
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$pid" 2>/dev/null
    done
    if [[ $failed -gt 0 && ${#fail_logs[@]} -gt 0 ]]; then
        local shown=" "
        for log in "${fail_logs[@]}"; do
            [[ $shown == *" $log "* ]] && continue
            shown+="$log "
            echo "---- $(basename "$log"): last 50 lines ----"
            tail -n 50 "$log" 2>/dev/null
        done
        echo "----"
    fi
    if [[ -n ${work:-} && -d $work ]]; then
        if [[ $failed -gt 0 || ${SMOKE_KEEP:-} == 1 || $status -ne 0 ]]; then
            echo "smoke: work folder kept at $work"
        else
            chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"
        fi
    fi
    echo "smoke: $passed passed, $failed failed"
    if [[ $failed -gt 0 || $status -ne 0 ]]; then exit 1; fi
    exit 0
}
trap finish EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------------
# The container's environment: every `ENV KEY=VALUE` line of the final stage, exported as is. Only three are then
# overridden: Storage__DataFolder points at the fresh data folder (standing in for the /data volume), which is not a
# mount, so Storage__RequireMountedDataFolder is false (check g.unmounted keeps the container's value); and
# ASPNETCORE_HTTP_PORTS at SMOKE_PORT when that is set.
env_lines=$(bash "$here/container-env.sh" "$dockerfile") || { fail dockerfile "its ENV lines cannot be read (the reason is above)"; exit 1; }
mapfile -t container_env <<<"$env_lines"

# The image's ENTRYPOINT and HEALTHCHECK commands, in exec form (["./NewsPortal", "healthcheck"]), as words.
exec_form() { # pattern before the JSON array
    sed -n -E "s/^[[:space:]]*$1[[:space:]]*\[(.*)\][[:space:]]*$/\1/p" "$dockerfile" | tail -n 1 | tr -d '",'
}
read -r -a entrypoint <<<"$(exec_form ENTRYPOINT)"
read -r -a healthcheck <<<"$(exec_form 'HEALTHCHECK.*CMD')"
[[ ${#entrypoint[@]} -gt 0 ]] || { fail dockerfile "no ENTRYPOINT in exec form ([\"./NewsPortal\"])"; exit 1; }
[[ ${#healthcheck[@]} -gt 0 ]] || { fail dockerfile "no HEALTHCHECK CMD in exec form"; exit 1; }

image_port=8080
for kv in "${container_env[@]}"; do
    if [[ $kv == ASPNETCORE_HTTP_PORTS=* ]]; then image_port=${kv#*=}; fi
done
port=${SMOKE_PORT:-$image_port}
# Checks that expect the app to refuse to start use another port, as a second container would have its own.
other_port=$((port + 1))

# ---------------------------------------------------------------------------------------------------------------
work=$(mktemp -d -t newsportal-smoke.XXXXXX)
chmod 755 "$work"
app="$work/app"
data="$work/data"
logs="$work/logs"
mkdir -p "$logs"

# As the image's build stage does: self-contained, with the frameworks precompiled as one composite image (a few minutes
# the first time; later publishes reuse it unless a package or the SDK changed).
echo "smoke: publishing src/NewsPortal (Release, self-contained) to $app"
if ! (cd "$root" && dotnet publish src/NewsPortal -c Release --use-current-runtime --self-contained -o "$app" -nologo) >"$logs/publish.log" 2>&1; then
    fail publish "dotnet publish failed" "$logs/publish.log"; exit 1
fi
# Like /app in the image: nobody may write to it (owned by root when we are root).
if [[ $(id -u) -eq 0 ]]; then chown -R 0:0 "$app"; fi
chmod -R a-w "$app"

# The user the app runs as.
if [[ $(id -u) -eq 0 ]]; then
    if ! id -u "$smoke_user" >/dev/null 2>&1; then
        useradd --system --no-create-home --user-group --shell /usr/sbin/nologin "$smoke_user"
    fi
    run_uid=$(id -u "$smoke_user"); run_gid=$(id -g "$smoke_user")
    if command -v setpriv >/dev/null; then
        # setpriv execs: the pid we start is the app's own pid, so kill -TERM reaches it as `docker stop` would.
        as_user=(setpriv "--reuid=$run_uid" "--regid=$run_gid" --init-groups)
    else
        as_user=(runuser -u "$smoke_user" --)
    fi
else
    run_uid=$(id -u); run_gid=$(id -g)
    as_user=()
fi
new_private_folder() { mkdir -p "$1"; chown "$run_uid:$run_gid" "$1"; chmod 700 "$1"; }
new_private_folder "$data"
new_private_folder "$work/home"     # the app user's home (/home/app in the image)
new_private_folder "$work/backups"  # somewhere the app user may write a backup

base_env=("PATH=$PATH" "HOME=$work/home")
base_env+=("${container_env[@]}" "Storage__DataFolder=$data" "Storage__RequireMountedDataFolder=false")
if [[ -n ${SMOKE_PORT:-} ]]; then base_env+=("ASPNETCORE_HTTP_PORTS=$SMOKE_PORT"); fi

# in_container [KEY=VALUE...] -- command...: runs a command as the app user, from the app folder, with the
# container's environment (plus the given overrides). `exec` keeps the pid of a background call the app's.
in_container() {
    local overrides=()
    while [[ $# -gt 0 && $1 != -- ]]; do overrides+=("$1"); shift; done
    shift
    cd "$app" && exec "${as_user[@]}" env -i "${base_env[@]}" "${overrides[@]}" "$@"
}

http_status() { # path [body file] -> HTTP status, 000 when nothing answers
    curl -s -o "${2:-/dev/null}" -w '%{http_code}' --max-time 10 "http://127.0.0.1:$port$1" || true
}

port_free() { [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/" || true) == 000 ]]; }

app_pid=""
app_log=""
start_app() { # log file; sets app_pid
    app_log=$1
    (in_container -- "${entrypoint[@]}") >"$app_log" 2>&1 &
    app_pid=$!
    pids+=("$app_pid")
}

ready_ms=""
why=""
wait_ready() { # start time (ms), seconds; sets ready_ms, or why it is not ready
    local started=$1 limit_ms=$(( $2 * 1000 )) status rc
    while :; do
        status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health/ready" || true)
        if [[ $status == 200 ]]; then ready_ms=$(( $(now_ms) - started )); return 0; fi
        if ! kill -0 "$app_pid" 2>/dev/null; then
            rc=0; wait "$app_pid" || rc=$?
            why="the app exited with code $rc before /health/ready answered 200"; return 1
        fi
        if (( $(now_ms) - started > limit_ms )); then
            why="/health/ready did not answer 200 within $2 s (last status $status)"; return 1
        fi
        sleep 0.2
    done
}

stop_app() { # seconds; sets stop_rc and stop_ms; 1 if it did not exit in time
    local started limit_ms=$(( $1 * 1000 ))
    started=$(now_ms)
    kill -TERM "$app_pid"
    while kill -0 "$app_pid" 2>/dev/null; do
        if (( $(now_ms) - started > limit_ms )); then stop_ms=$(( $(now_ms) - started )); stop_rc=""; return 1; fi
        sleep 0.1
    done
    stop_ms=$(( $(now_ms) - started ))
    stop_rc=0; wait "$app_pid" || stop_rc=$?
    return 0
}

app_folder_listing() { # every file and folder of the app folder with its mode, owner, size, time and checksum
    (cd "$app" && find . -printf '%p %M %u:%g %s %T@\n' | sort && find . -type f -print0 | sort -z | xargs -0 sha256sum)
}

# expect_refusal name seconds text [KEY=VALUE...]: the app must exit non-zero within the time, output containing text.
expect_refusal() {
    local name=$1 seconds=$2 text=$3; shift 3
    local log="$logs/$name.log" rc=0 started elapsed
    started=$(now_ms)
    (in_container "ASPNETCORE_HTTP_PORTS=$other_port" "$@" -- timeout -k 5 "$seconds" "${entrypoint[@]}") >"$log" 2>&1 || rc=$?
    elapsed=$(( $(now_ms) - started ))
    if [[ $rc -eq 124 || $rc -eq 137 ]]; then
        fail "$name" "still running after $seconds s (stopped by the smoke test)" "$log"
    elif [[ $rc -eq 0 ]]; then
        fail "$name" "exited with code 0 after $elapsed ms; expected a non-zero exit" "$log"
    elif ! grep -q -F -- "$text" "$log"; then
        fail "$name" "exited with code $rc after $elapsed ms but its output does not contain '$text'" "$log"
    else
        pass "$name (exit code $rc after $elapsed ms, output names '$text')"
    fi
}

if ! port_free "$port"; then fail port "something already answers on 127.0.0.1:$port (set SMOKE_PORT)"; exit 1; fi
if ! port_free "$other_port"; then fail port "something already answers on 127.0.0.1:$other_port (set SMOKE_PORT)"; exit 1; fi

echo "smoke: running as uid $run_uid from $app, data folder $data, port $port"
app_folder_listing >"$logs/app-before.txt"

# a. starts --------------------------------------------------------------------------------------------------------
started=$(now_ms)
start_app "$logs/app-1.log"
if wait_ready "$started" 30; then
    pass "a.starts (ready in $ready_ms ms)"
    running=1
else
    fail a.starts "$why" "$app_log"
    running=0
fi

# b. pages ---------------------------------------------------------------------------------------------------------
check_page() { # name path [text]
    local body="$logs/page.html" status
    status=$(http_status "$2" "$body")
    if [[ $status != 200 ]]; then fail "$1" "GET $2 answered $status" "$app_log"
    elif [[ -n ${3:-} ]] && ! grep -q -F -- "$3" "$body"; then fail "$1" "GET $2 answered 200 without '$3'" "$app_log"
    else pass "$1"; fi
}
check_page b.health-live /health/live
check_page b.home / "This site has been archived"
check_page b.news /news
check_page b.css /css/site.css

# b. the scale-out nginx configuration (deploy/nginx.conf), in front of this portal on 127.0.0.1 ----------------------
# Its upstreams, certificate folder and ports are rewritten to local ones; a throw-away self-signed pair stands in for
# the operator's certificate. Public pages pass on both ports, /admin on plain HTTP is sent to HTTPS.
check_nginx() {
    local conf="$work/nginx" http_port=$((port + 2)) tls_port=$((port + 3)) body="$logs/nginx-page.html" status location
    mkdir -p "$conf/conf.d" "$conf/tls" "$conf/temp"
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout "$conf/tls/key.pem" -out "$conf/tls/cert.pem" \
        >"$logs/openssl.log" 2>&1 || { fail b.nginx "openssl could not make a test certificate" "$logs/openssl.log"; return; }
    sed -e "s#portal-[ab]:8080#127.0.0.1:$port#" -e "s#/etc/nginx/tls#$conf/tls#" \
        -e "s#listen 8080#listen 127.0.0.1:$http_port#" -e "s#listen 8443#listen 127.0.0.1:$tls_port#" -e "s#:8443#:$tls_port#" \
        "$root/deploy/nginx.conf" >"$conf/conf.d/newsportal.conf"
    cat >"$conf/nginx.conf" <<NGINX
pid $conf/nginx.pid;
error_log $logs/nginx-error.log;
events {}
http {
    access_log off;
    client_body_temp_path $conf/temp; proxy_temp_path $conf/temp; fastcgi_temp_path $conf/temp;
    uwsgi_temp_path $conf/temp; scgi_temp_path $conf/temp;
    include $conf/conf.d/*.conf;
}
NGINX
    if ! nginx -t -c "$conf/nginx.conf" >"$logs/nginx-test.log" 2>&1; then fail b.nginx "nginx -t refuses it" "$logs/nginx-test.log"; return; fi
    if ! port_free "$http_port" || ! port_free "$tls_port"; then fail b.nginx "ports $http_port and $tls_port are not both free"; return; fi
    # In the foreground of a background job, so the exit trap stops it with the app whatever happens here.
    nginx -c "$conf/nginx.conf" -g 'daemon off;' 2>>"$logs/nginx-error.log" &
    pids+=("$!")
    for _ in $(seq 50); do port_free "$http_port" || break; sleep 0.1; done
    status=$(curl -s -o "$body" -w '%{http_code}' --max-time 10 "http://127.0.0.1:$http_port/" || true)
    if [[ $status != 200 ]] || ! grep -q -F "This site has been archived" "$body"; then fail b.nginx "GET / on the HTTP port answered $status" "$logs/nginx-error.log"
    else
        read -r status location < <(curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' --max-time 10 "http://127.0.0.1:$http_port/admin/items?page=2" || true) || true
        if [[ $status != 308 || $location != "https://127.0.0.1:$tls_port/admin/items?page=2" ]]; then fail b.nginx "GET /admin on the HTTP port answered $status $location, not 308 to HTTPS"
        else
            status=$(curl -s -k -o "$body" -w '%{http_code}' --max-time 10 "https://127.0.0.1:$tls_port/news" || true)
            if [[ $status != 200 ]] || ! grep -q -F "This site has been archived" "$body"; then fail b.nginx "GET /news over HTTPS answered $status" "$logs/nginx-error.log"
            else pass "b.nginx (deploy/nginx.conf: pages over HTTP and HTTPS, /admin sent to HTTPS)"; fi
        fi
    fi
}
if command -v nginx >/dev/null && command -v openssl >/dev/null; then check_nginx
elif [[ ${CI:-} == true ]]; then fail b.nginx "nginx or openssl is missing (.ci/run installs them)"
else echo "SKIP b.nginx: nginx or openssl is not installed"; fi

# c. healthcheck command --------------------------------------------------------------------------------------------
rc=0
(in_container -- timeout -k 5 20 "${healthcheck[@]}") >"$logs/healthcheck.log" 2>&1 || rc=$?
if [[ $rc -eq 0 ]]; then pass "c.healthcheck-command ($(head -n 1 "$logs/healthcheck.log"))"
else fail c.healthcheck-command "exited with code $rc: $(head -n 1 "$logs/healthcheck.log")" "$logs/healthcheck.log"; fi

# d. state only in the data folder -----------------------------------------------------------------------------------
app_folder_listing >"$logs/app-after.txt"
if diff -q "$logs/app-before.txt" "$logs/app-after.txt" >/dev/null; then pass d.app-folder-unchanged
else fail d.app-folder-unchanged "$(diff "$logs/app-before.txt" "$logs/app-after.txt" | grep '^[<>]' | head -n 5 | tr '\n' ' ')"; fi
if [[ ! -f $data/newsportal.db ]]; then
    fail d.state-in-data-folder "no newsportal.db in the data folder (it holds: $(ls -A "$data" | tr '\n' ' '))" "$app_log"
elif [[ -n $(ls -A "$work/home") ]]; then
    fail d.state-in-data-folder "the app wrote to its home folder: $(cd "$work/home" && find . -mindepth 1 | head -n 5 | tr '\n' ' ')"
else
    pass "d.state-in-data-folder ($(ls -A "$data" | tr '\n' ' '| sed 's/ $//'))"
fi

# e. SIGTERM, then a restart on the same data --------------------------------------------------------------------------
if [[ $running -eq 1 ]]; then
    if stop_app 35; then
        if [[ $stop_rc -eq 0 ]]; then pass "e.sigterm-exit (exit code 0 after $stop_ms ms)"
        else fail e.sigterm-exit "exited with code $stop_rc after $stop_ms ms" "$app_log"; fi
    else
        fail e.sigterm-exit "still running $stop_ms ms after SIGTERM" "$app_log"
        kill -KILL "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true
    fi
else
    fail e.sigterm-exit "the app was not running" "$app_log"
fi
started=$(now_ms)
start_app "$logs/app-2.log"
if wait_ready "$started" 30; then
    running=1
    status=$(http_status / "$logs/home-2.html")
    if [[ $status == 200 ]] && grep -q -F "This site has been archived" "$logs/home-2.html"; then
        pass "e.restart-same-data (ready in $ready_ms ms, home page served)"
    else
        fail e.restart-same-data "ready, but GET / answered $status" "$app_log"
    fi
else
    running=0
    fail e.restart-same-data "$why" "$app_log"
fi

# f. read-only data folder ---------------------------------------------------------------------------------------------
readonly_data="$work/data-readonly"
mkdir "$readonly_data"
chmod 555 "$readonly_data"   # owned by root when we are root: the app user cannot write there
expect_refusal f.readonly-data-folder 20 "$readonly_data" "Storage__DataFolder=$readonly_data"

# g. missing data folder -----------------------------------------------------------------------------------------------
missing_data="$work/no-such-data-folder"
expect_refusal g.missing-data-folder 20 "$missing_data" "Storage__DataFolder=$missing_data"

# g. a data folder that is not a mounted volume: `docker run` without -v (the image has a /data folder of its own) ----
unmounted_data="$work/data-unmounted"
new_private_folder "$unmounted_data"
unmounted_setting=$(grep '^Storage__RequireMountedDataFolder=' <<<"$env_lines" || true)
if [[ $unmounted_setting != "Storage__RequireMountedDataFolder=true" ]]; then
    fail g.unmounted-data-folder "the Dockerfile does not set Storage__RequireMountedDataFolder=true"
else
    expect_refusal g.unmounted-data-folder 20 "is not a mounted volume" "Storage__DataFolder=$unmounted_data" "$unmounted_setting"
fi

# h. a second instance on the same data folder -------------------------------------------------------------------------
if [[ $running -eq 1 ]]; then
    expect_refusal h.second-instance 20 "Another NewsPortal"
else
    fail h.second-instance "the first instance is not running"
fi

# i. backup while the site runs ----------------------------------------------------------------------------------------
backup="$work/backups/backup.zip"
if [[ $running -eq 1 ]]; then
    rc=0
    (in_container -- timeout -k 5 60 "${entrypoint[@]}" backup "$backup") >"$logs/backup.log" 2>&1 || rc=$?
    if [[ $rc -ne 0 ]]; then fail i.backup "exited with code $rc" "$logs/backup.log"
    elif [[ ! -f $backup ]]; then fail i.backup "exited 0 but wrote no $backup" "$logs/backup.log"
    else
        if command -v unzip >/dev/null; then entries=$(unzip -Z1 "$backup" 2>&1 || true)
        else entries=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$backup" 2>&1 || true); fi
        if grep -q -x -F newsportal.db <<<"$entries"; then pass "i.backup (entries: $(tr '\n' ' ' <<<"$entries" | sed 's/ $//'))"
        else fail i.backup "the zip holds no newsportal.db (entries: $(tr '\n' ' ' <<<"$entries"))" "$logs/backup.log"; fi
    fi
else
    fail i.backup "the site is not running"
fi

# The app folder once more, after every run above.
app_folder_listing >"$logs/app-end.txt"
if diff -q "$logs/app-before.txt" "$logs/app-end.txt" >/dev/null; then pass d.app-folder-unchanged-at-end
else fail d.app-folder-unchanged-at-end "$(diff "$logs/app-before.txt" "$logs/app-end.txt" | grep '^[<>]' | head -n 5 | tr '\n' ' ')"; fi

if [[ $running -eq 1 ]]; then
    stop_app 35 || true
fi
