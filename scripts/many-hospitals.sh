#!/usr/bin/env bash
# Many hospitals in the workbench (issue 18): generates a study of N hospitals (40 rows each, drawn from the sample
# heart study's files) and measures, in a fresh JVM under Xvfb, the seconds from launch until the window responds
# and until every file is read, the FX thread's longest wait on each screen, and during a run with the Run screen
# showing. Usage: scripts/many-hospitals.sh [N ...] (default 4 1000 10000: 4 is the reference); RUNS=3 repeats each; STACKS=true also
# prints what the FX thread did until it responded. Needs: apt-get install -y xvfb xauth libgtk-3-0 libgl1
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
WORK="${WORK:-target/many-hospitals}"
# a copy of the classes, so that a build during a long measurement does not pull them from under it
rm -rf "$WORK/classes" && mkdir -p "$WORK/classes" && cp -r target/classes target/test-classes "$WORK/classes/"
CP="$WORK/classes/test-classes:$WORK/classes/classes:$(cat target/test-classpath.txt)"
for n in "${@:-4 1000 10000}"; do
  for count in $n; do
    if [ ! -f "$WORK/$count/study.json" ]; then
      java -cp "$CP" org.medfed.gui.tour.ManyHospitalsHarness generate "$count" "$WORK/$count"
    fi
    for run in $(seq 1 "${RUNS:-1}"); do
      echo "== $count hospitals, run $run, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
      xvfb-run -a -s "-screen 0 1400x900x24" java -Dprism.order=sw -Dmedfed.benchStacks="${STACKS:-false}" \
        ${JAVA_OPTS:-} -cp "$CP" org.medfed.gui.tour.ManyHospitalsHarness measure "$WORK/$count/study.json"
    done
  done
done
