#!/usr/bin/env bash
# Gives a built app-image a class-data-sharing archive of the classes the sample study loads, and tells its
# launcher to map it: the installed application then starts on about a third less CPU (docs/benchmarks.md
# section 12). The archive has to be written by the app-image's own Java runtime and class path, so it is made
# here, after jpackage, by running the bundled sample study once through the app's launcher.
#   installers/class-data-archive.sh [APP_IMAGE_DIR]   (default target/installers/MedFedWorkbench)
# The runtime must carry its own base archive (jlink --generate-cds-archive, as the installers profile asks).
set -euo pipefail
cd "$(dirname "$0")/.."
APP="$(cd "${1:-target/installers/MedFedWorkbench}" && pwd)"
# the launcher's name, which the .deb's folder name (medfed-workbench) does not give
CFG="$(ls "$APP"/lib/app/*.cfg 2>/dev/null | head -1)"
NAME="$(basename "${CFG:-none}" .cfg)"
LAUNCHER="$APP/bin/$NAME"
ARCHIVE="$APP/lib/app/medfed.jsa"
STUDY="$APP/lib/app/sample-projects/heart-4-hospitals/study.json"
for f in "$LAUNCHER" "$CFG" "$STUDY" "$APP/lib/runtime/lib/server/classes.jsa"; do
  if [ ! -e "$f" ]; then
    echo "class-data-archive: $f is missing: $APP is not an app-image of mvn -Pinstallers -DskipTests package" >&2
    exit 2
  fi
done
if grep -q 'SharedArchiveFile' "$CFG"; then
  echo "class-data-archive: $CFG already names an archive; rebuild the app-image to make a new one" >&2
  exit 2
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# a home of its own, so that the run leaves nothing in the builder's; the JVM reads the options from the environment
# because the launcher's own options come from the .cfg file
(cd "$WORK" && JAVA_TOOL_OPTIONS="-Dmedfed.home=$WORK -XX:ArchiveClassesAtExit=$ARCHIVE -Xlog:cds=off -Xlog:cds+dynamic=off" \
  "$LAUNCHER" run "$STUDY" --out "$WORK/run" > "$WORK/run.log" 2>&1) || {
  echo "class-data-archive: the sample study failed in the app-image:" >&2
  cat "$WORK/run.log" >&2
  exit 1
}
[ -s "$ARCHIVE" ] || { echo "class-data-archive: no archive was written to $ARCHIVE" >&2; cat "$WORK/run.log" >&2; exit 1; }
# $APPDIR is the launcher's own variable for lib/app; a missing or stale archive is skipped without a word
cat >> "$CFG" <<'EOF'
java-options=-XX:SharedArchiveFile=$APPDIR/medfed.jsa
java-options=-Xlog:cds=off
java-options=-Xlog:cds+dynamic=off
EOF
echo "class-data-archive: $(du -h "$ARCHIVE" | cut -f1) archive written to $ARCHIVE and named in $CFG"
