#!/usr/bin/env bash
# Starts the built Linux app-image under Xvfb and checks that the main window appears (its title names MedFed
# Workbench and the built-in sample study), then closes it. Exit 0 when the window was seen.
#   installers/check-app-image.sh [APP_IMAGE_DIR]   (default target/installers/MedFedWorkbench)
# Needs: apt-get install -y xvfb xauth libgtk-3-0 libgl1 x11-utils (xwininfo); imagemagick for the screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."
APP="${1:-target/installers/MedFedWorkbench}"
LAUNCHER="$(cd "$APP" 2>/dev/null && pwd)/bin/MedFedWorkbench"
if [ ! -x "$LAUNCHER" ]; then
  echo "no app-image at $APP: build it with: mvn -Pinstallers -DskipTests package" >&2
  exit 2
fi
HOME_DIR="$(mktemp -d)"
SHOT="${SHOT:-$PWD/target/installers/app-image-window.png}"
export SHOT HOME_DIR LAUNCHER
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  # started from an empty folder: the sample it opens must be the one bundled in the app-image
  cd "$HOME_DIR"
  JAVA_TOOL_OPTIONS="-Dmedfed.home=$HOME_DIR" "$LAUNCHER" > "$HOME_DIR/app.log" 2>&1 &
  pid=$!
  found=""
  for i in $(seq 1 60); do
    sleep 1
    if ! kill -0 $pid 2>/dev/null; then echo "the app exited early:"; cat "$HOME_DIR/app.log"; exit 1; fi
    title=$(xwininfo -root -tree 2>/dev/null | grep -o "\"[^\"]*MedFed Workbench[^\"]*\"" | head -1 || true)
    if [ -n "$title" ]; then found="$title"; break; fi
  done
  if [ -z "$found" ]; then echo "no MedFed Workbench window within 60 s"; cat "$HOME_DIR/app.log"; kill $pid; exit 1; fi
  echo "window: $found"
  sleep 10 # the first frame can take a while on a loaded machine
  echo "window after 10 s: $(xwininfo -root -tree 2>/dev/null | grep -o "\"[^\"]*MedFed Workbench[^\"]*\"" | head -1)"
  if command -v import >/dev/null; then import -window root "$SHOT" && echo "screenshot: $SHOT"; fi
  kill $pid
'
