#!/usr/bin/env bash
# CPU time (user + system, from /usr/bin/time) of starting the command line: `--help`, and the sample heart study
# from start to written results. Each case runs N times, interleaved with the same cases of a baseline jar when one
# is given and with `java -version` (the JVM's own floor); prints min and median per case. The new jar also runs as
# the README starts it, with `@target/jvm-options` (the class-data-sharing archive `mvn package` records), when
# target/medfed.jsa exists.
# Usage: scripts/startup-benchmark.sh [N] [BASELINE_JAR]     (after mvn -DskipTests package; N defaults to 7)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-7}
baseline=${2:-}
jar=target/medfed.jar
study=sample-projects/heart-4-hospitals/study.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cpu() { # label, command...: appends one measurement to $work/label
  local label=$1; shift
  rm -rf "$work/out"
  /usr/bin/time -o "$work/t" -f '%U %S' "$@" >/dev/null 2>&1
  awk '{printf "%.2f\n", $1 + $2}' "$work/t" >> "$work/$label"
}
cases=(jvm help run)
jars=(new)
[ -n "$baseline" ] && jars+=(baseline)
for i in $(seq "$n"); do
  cpu jvm java -version
  for which in "${jars[@]}"; do
    j=$jar; [ "$which" = baseline ] && j=$baseline
    cpu "help-$which" java -jar "$j" --help
    cpu "run-$which" java -jar "$j" run "$study" --out "$work/out"
  done
  if [ -f target/medfed.jsa ]; then
    cpu help-new-cds java @target/jvm-options -jar "$jar" --help
    cpu run-new-cds java @target/jvm-options -jar "$jar" run "$study" --out "$work/out"
  fi
done
printf '%-16s %6s %6s   %s\n' case min median "all (s of CPU)"
for f in jvm help-new run-new help-new-cds run-new-cds help-baseline run-baseline; do
  [ -f "$work/$f" ] || continue
  sort -n "$work/$f" > "$work/$f.sorted"
  printf '%-16s %6s %6s   %s\n' "$f" "$(head -1 "$work/$f.sorted")" \
      "$(sed -n "$(( (n + 1) / 2 ))p" "$work/$f.sorted")" "$(tr '\n' ' ' < "$work/$f")"
done
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
