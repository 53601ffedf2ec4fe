#!/usr/bin/env bash
# Measures how long after launch the console is ready: since log-in (docs/ACCESS.md) that is the log-in screen with
# the database open (LOGIN-READY); before, the incident queue's first rows on screen (FIRST-DATA). Embedded demo
# county, under Xvfb.
#
#   scripts/measure-startup.sh [runs] [--image]     (default 5 runs; needs xvfb, libgtk-3-0, fonts-wqy-microhei)
#
# Without --image the console runs from the build's class path (as `mvn -Prun` does); with --image it runs
# through the installed launcher of the app image (`mvn -B -Pinstaller -DskipTests package` first), with its
# trimmed runtime and class-data archive, as a workstation starts it. The first run on an empty data directory
# includes generating the demo county; the later runs start on the existing database, as a console does every
# day, and close themselves a second after their first data (--exit-after-first-data). Each run prints the
# console's own FIRST-DATA log line (milliseconds since its JVM started) and the script prints the median of the
# warm runs. A throwaway data directory is used; your own is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
mode=classpath
for a in "$@"; do
  case "$a" in
    --image) mode=image ;;
    *) runs="$a" ;;
  esac
done

cp_file=$(mktemp)
if [ "$mode" = image ]; then
  launcher="installer/target/image/commandroom-console/bin/commandroom-console"
  [ -x "$launcher" ] || { echo "no app image: run mvn -B -Pinstaller -DskipTests package first"; exit 1; }
  console=("$launcher")
else
  # package, not install: other builds on this machine share ~/.m2. Within the reactor, core resolves to
  # its own jar under console-core/target.
  mvn -B -q -DskipTests package dependency:build-classpath -pl console-core,console-app \
      -Dmdep.outputFile="$cp_file" >/dev/null
  console=(java -Xmx1g -cp "console-app/target/classes:$(cat "$cp_file")" org.commandroom.app.Launcher)
fi

data=$(mktemp -d)
export CONSOLE_LOG_DIR="$data/logs"
display=":$(( 90 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 1600x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true; rm -rf "$data" "$cp_file"' EXIT
sleep 1

warm=()
for i in $(seq 0 "$runs"); do
  log="$data/run$i.log"
  if [ "$i" -eq 0 ]; then
    DISPLAY="$display" HOME="$data" "${console[@]}" --data-dir "$data/db" --no-simulator >"$log" 2>&1 &
  else
    DISPLAY="$display" HOME="$data" "${console[@]}" --data-dir "$data/db" --no-simulator \
        --exit-after-first-data 1 >"$log" 2>&1 &
  fi
  pid=$!
  for _ in $(seq 1 240); do
    grep -qE 'FIRST-DATA|LOGIN-READY' "$log" && break
    sleep 0.25
  done
  # Since log-in (docs/ACCESS.md) the console stops at the log-in screen with the database open: LOGIN-READY.
  ms=$(grep -aoE '(FIRST-DATA|LOGIN-READY) [0-9]* ms' "$log" | awk '{print $2}' || true)
  if [ "$i" -eq 0 ]; then
    # Let the first run finish writing the year of history, so later runs start on the full county.
    for _ in $(seq 1 240); do
      grep -aq 'Demo county generated' "$log" && break
      sleep 0.5
    done
    kill "$pid" 2>/dev/null || true
  fi
  # A warm run closes itself; give it 30 s, as a console that closes cleanly leaves its database ready.
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -z "$ms" ]; then echo "run $i: no data within 60 s:"; tail -20 "$log"; exit 1; fi
  if [ "$i" -eq 0 ]; then
    echo "first start (generates the demo county's live state): ${ms} ms"
  else
    echo "start $i on the existing database: ${ms} ms"
    warm+=("$ms")
  fi
done
median=$(printf '%s\n' "${warm[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
echo "median of ${#warm[@]} starts on the existing database ($mode): ${median} ms to first data on screen (target 3000 ms)"
