#!/usr/bin/env bash
# Takes docs/screenshots/*.png from the real workbench (GTK under Xvfb) by walking through the sample study.
# Needs: apt-get install -y xvfb xauth libgtk-3-0 libgl1
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
xvfb-run -a -s "-screen 0 1400x900x24" java -Dprism.order=sw -cp "$CP" org.medfed.gui.tour.ScreenshotTour docs/screenshots
# the hospital node's window, with a coordinator on the loopback running the sample through it
xvfb-run -a -s "-screen 0 1400x900x24" java -Dprism.order=sw -cp "$CP" org.medfed.gui.tour.NodeTour docs/screenshots
