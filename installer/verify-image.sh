#!/usr/bin/env bash
# Checks the app image built by `mvn -B -Pinstaller -DskipTests package`:
#   1. its layout (launcher, trimmed runtime with the modules the app needs, jars, launcher config);
#   2. that the launcher starts the app and it is still running after a few seconds, under a
#      virtual X display (xvfb-run), i.e. it did not exit with an error.
# Usage: installer/verify-image.sh [seconds]          (default 8)
# Needs: xvfb, libgtk-3-0 (JavaFX's GTK glass), fonts-wqy-microhei (Chinese text):
#   apt-get install -y xvfb libgtk-3-0 fonts-wqy-microhei
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
name=commandroom-console
image="$here/target/image/$name"
seconds="${1:-8}"
fail() { echo "verify-image: FAIL: $*" >&2; exit 1; }

# -- 1. layout -------------------------------------------------------------------------------
[[ -x "$image/bin/$name" ]] || fail "no launcher at $image/bin/$name (build it first: mvn -B -Pinstaller -DskipTests package)"
cfg="$image/lib/app/$name.cfg"
[[ -f "$cfg" ]] || fail "no launcher config $cfg"
grep -q '^app.mainclass=org.commandroom.app.Launcher$' "$cfg" || fail "main class is not org.commandroom.app.Launcher in $cfg"
for jar in console-app console-core javafx-graphics-.*-linux javafx-controls-.*-linux h2 postgresql logback-classic; do
    ls "$image/lib/app" | grep -Eq "^${jar}.*\.jar$" || fail "no ${jar} jar in $image/lib/app"
    grep -Eq "^app.classpath=\\\$APPDIR/${jar}.*\.jar$" "$cfg" || fail "${jar} jar not on the class path in $cfg"
done
modules="$("$image/lib/runtime/bin/java" --list-modules)"
for m in java.base java.desktop java.sql java.naming java.management java.logging java.xml jdk.unsupported jdk.localedata jdk.crypto.ec jdk.charsets; do
    grep -q "^$m@" <<<"$modules" || fail "runtime lacks module $m"
done
if grep -q '^javafx' <<<"$modules"; then fail "runtime contains JavaFX modules; JavaFX must come from lib/app"; fi
# Chinese date/number formats: jdk.localedata must hold the zh data (--include-locales=zh,en).
if command -v jimage >/dev/null; then
    jimage list "$image/lib/runtime/lib/modules" | grep -q 'FormatData_zh' \
        || fail "runtime has no Chinese locale data (jdk.localedata --include-locales=zh,en)"
fi
grep -q '^java-options=-XX:SharedArchiveFile=\$APPDIR/console.jsa$' "$cfg" || fail "the launcher does not map the class-data archive"
if [[ -s "$image/lib/app/console.jsa" ]]; then
    echo "verify-image: class-data archive $(du -h "$image/lib/app/console.jsa" | cut -f1)"
else
    echo "verify-image: WARNING: no class-data archive (train-cds.sh needs xvfb-run); the app starts slower"
fi
echo "verify-image: layout OK ($(du -sh "$image" | cut -f1), runtime modules: $(wc -l <<<"$modules"))"

# -- 2. it starts and keeps running ---------------------------------------------------------------
command -v xvfb-run >/dev/null || fail "xvfb-run not found (apt-get install -y xvfb libgtk-3-0 fonts-wqy-microhei)"
log="$(mktemp)"
data="$(mktemp -d)"
# A fresh data directory so the app starts on its embedded demo database and touches nothing of the user's
# (Java takes its home from the password file, not from $HOME, so the directory is passed explicitly).
CONSOLE_LOG_DIR="$data/logs" xvfb-run -a -s "-screen 0 1920x1080x24" "$image/bin/$name" --data-dir "$data/db" >"$log" 2>&1 &
runner=$!
for ((i = 0; i < seconds; i++)); do
    sleep 1
    if ! kill -0 "$runner" 2>/dev/null; then
        set +e; wait "$runner"; code=$?; set -e
        echo "---- output ----"; cat "$log"; echo "----------------"
        fail "the app exited after ${i}s with code $code"
    fi
done
# Still running: stop it (the xvfb-run process group we started) and report success.
pkill -TERM -P "$runner" 2>/dev/null || true
kill -TERM "$runner" 2>/dev/null || true
wait "$runner" 2>/dev/null || true
echo "verify-image: OK, the app was still running after ${seconds}s under Xvfb"
echo "---- first lines of output ----"; head -20 "$log"
rm -rf "$log" "$data"
