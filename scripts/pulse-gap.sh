#!/usr/bin/env bash
# Responsiveness benchmark: the longest FX pulse gap while the sample study runs ROUNDS (default 300) rounds of
# logistic regression with the live charts showing, in a real GTK window under Xvfb (PLATFORM=monocle: headless).
# Needs: apt-get install -y xvfb xauth libgtk-3-0 libgl1
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
if [ "${PLATFORM:-gtk}" = monocle ]; then
  # the headless platform the tests use: no X server in the loop
  java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k -cp "$CP" \
    org.medfed.gui.tour.PulseGapHarness "${1:-300}"
else
  xvfb-run -a -s "-screen 0 1400x900x24" java -Dprism.order=sw -cp "$CP" org.medfed.gui.tour.PulseGapHarness "${1:-300}"
fi
