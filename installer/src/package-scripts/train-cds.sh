#!/usr/bin/env bash
# Gives the app image a class-data archive (AppCDS) made from one start of the console, so that every later
# start maps the classes it needs instead of loading and verifying them from the jars (docs/BUILD.md, start-up).
#
#   train-cds.sh <app image dir>          (run by `mvn -Pinstaller package` after jpackage)
#
# It starts the image's own runtime twice on a throwaway data directory under a virtual display: once to
# create the demo county, once more, as a workstation starts every day, writing the archive at exit
# (--exit-after-first-data). The launcher's -XX:SharedArchiveFile points at the result; without it (no
# xvfb-run on the build machine) the console starts the same way, only slower, so this step then warns and
# leaves the image as it is.
set -euo pipefail
image="${1:?usage: train-cds.sh <app image dir>}"
name="$(basename "$image")"
cfg="$image/lib/app/$name.cfg"
java="$image/lib/runtime/bin/java"
archive="$image/lib/app/console.jsa"
[[ -f "$cfg" && -x "$java" ]] || { echo "train-cds: no app image at $image" >&2; exit 1; }
if ! command -v xvfb-run >/dev/null; then
    echo "train-cds: WARNING: xvfb-run not found; the image has no class-data archive and starts slower" >&2
    exit 0
fi
# The class path exactly as the launcher builds it (same jars, same order), or the archive is refused.
classpath="$(sed -n 's/^app.classpath=\$APPDIR\//'"$(printf '%s' "$image/lib/app/" | sed 's/[\/&]/\\&/g')"'/p' "$cfg" | paste -sd:)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
run() {
    HOME="$work" timeout 300 xvfb-run -a -s "-screen 0 1600x900x24" "$java" -Xmx1g -Dfile.encoding=UTF-8 "$@" \
        -cp "$classpath" org.commandroom.app.Launcher --data-dir "$work/data" --no-simulator \
        --exit-after-first-data 6 >>"$work/train.log" 2>&1
}
rm -f "$archive"
if ! run || ! run -XX:ArchiveClassesAtExit="$archive" || [[ ! -s "$archive" ]]; then
    echo "train-cds: WARNING: the training start failed; the image has no class-data archive" >&2
    tail -20 "$work/train.log" >&2
    rm -f "$archive"
    exit 0
fi
echo "train-cds: $(du -h "$archive" | cut -f1) class-data archive written to $archive"
