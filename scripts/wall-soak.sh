#!/bin/bash
# The wall's night, compressed (docs/WALL.md): an H2 server on a copy of a demo data directory, the demo simulator at
# high speed in a process of its own, the wall under Xvfb reading through the server; every minute a full GC and the
# wall's heap after it, in $OUT/heap.txt; the wall's log (WALL-HEALTH lines) in $OUT/wall.log.
#
# usage: scripts/wall-soak.sh <demo data dir> [minutes=20] [seconds between calls=1]
#   (make the demo data dir with org.commandroom.app.tools.WallDemoData, the class path as in docs/WALL.md:
#    mvn -B -o -q -pl console-core,console-app package -DskipTests dependency:build-classpath \
#        -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test)
set -e
DEMO=$1; MIN=${2:-20}; EVERY=${3:-1}
OUT=${OUT:-/tmp/wall-soak-out}
cd "$(dirname "$0")/.."
CP="console-app/target/test-classes:console-app/target/classes:$(cat /tmp/cp.txt)"
H2=$(tr ':' '\n' < /tmp/cp.txt | grep "/h2-" | head -1)
rm -rf "$OUT" && mkdir -p "$OUT/db" "$OUT/data"
cp "$DEMO/console.mv.db" "$OUT/db/"
printf 'user=sa\npassword=\n' > "$OUT/data/db.properties"
java -cp "$H2" org.h2.tools.Server -tcp -tcpPort 9124 -baseDir "$OUT/db" -ifExists > "$OUT/h2.log" 2>&1 &
H2PID=$!
sleep 3
URL=jdbc:h2:tcp://localhost:9124/console
java -Xmx512m -cp "$CP" org.commandroom.app.tools.WallSoakSimulator $URL "$MIN" "$EVERY" > "$OUT/simulator.log" 2>&1 &
SIMPID=$!
xvfb-run -a -s "-screen 0 1920x1080x24" java -Xmx1g -Dprism.order=sw -Dwall-health-log-seconds=60 -cp "$CP" \
    org.commandroom.app.Launcher --wall --data-dir "$OUT/data" --db $URL > "$OUT/wall.log" 2>&1 &
sleep 5
PID=$(pgrep -f "Launcher --wall --data-dir $OUT/data" | head -1)
: > "$OUT/heap.txt"
for i in $(seq 1 "$MIN"); do
  sleep 60
  jcmd "$PID" GC.run > /dev/null 2>&1 || true
  sleep 2
  echo "$(date +%H:%M:%S) $(jcmd "$PID" GC.heap_info | head -3 | tr '\n' ' ')" >> "$OUT/heap.txt"
done
kill "$PID" "$SIMPID" 2>/dev/null || true
sleep 3
kill "$H2PID" 2>/dev/null || true
grep WALL-HEALTH "$OUT/wall.log" || true
awk '{print $1, $8}' "$OUT/heap.txt"
