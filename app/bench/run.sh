#!/usr/bin/env bash
# Starts the app jar with the given JVM flags on a loopback port, drives it with wrk and the request mix in
# mix.lua, samples the app's RSS (VmRSS + VmSwap from /proc) every 100 ms, and prints the peak.
# Traffic goes to 127.0.0.1 only; the run stops by itself after DURATION.
#
#   JAVA_FLAGS="-Xmx96m ..." DURATION=60s CONNECTIONS=4 DELAY_MS=10 app/bench/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${JAR:-$here/../target/app.jar}"
java="${JAVA:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java}"
port="${BENCH_PORT:-5077}"
duration="${DURATION:-60s}"
connections="${CONNECTIONS:-4}"
export DELAY_MS="${DELAY_MS:-10}"
log="${LOG:-/tmp/app-bench.log}"

# shellcheck disable=SC2086
PORT="$port" "$java" ${JAVA_FLAGS:-} -jar "$jar" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.1
done

used_kb() { awk '/^VmRSS:|^VmSwap:/ { s += $2 } END { print s }' "/proc/$pid/status"; }
echo "idle_used_mb=$(( $(used_kb) / 1024 ))"

peak_file="$(mktemp)"
( peak=0; while kill -0 "$pid" 2>/dev/null; do
    kb=$(used_kb 2>/dev/null || echo 0); (( kb > peak )) && peak=$kb && echo "$peak" >"$peak_file"
    sleep 0.1
  done ) &
sampler=$!

wrk -t1 -c"$connections" -d"$duration" -s "$here/mix.lua" "http://127.0.0.1:$port" | tail -1
sleep 0.5
echo "peak_used_mb=$(( $(cat "$peak_file") / 1024 ))"
echo "after_used_mb=$(( $(used_kb) / 1024 ))"
curl -s "http://127.0.0.1:$port/health"; echo
kill "$sampler" 2>/dev/null || true
rm -f "$peak_file"
