#!/usr/bin/env bash
# Longer coverage-guided fuzzing of the parsers than the build does (ParserFuzzTest, Jazzer). The build fuzzes each
# target for 10 seconds; this script runs 10-second rounds of the chosen targets until MINUTES have passed. Every
# round starts from the corpus Jazzer keeps in .cifuzz-corpus/ (it grows round by round) and the seeds under
# src/test/resources/org/medfed/fuzz/ParserFuzzTestInputs/TARGET/. A finding stops the script: Jazzer writes the
# input beside the seeds (crash-*), where every build replays it; give it a name that says what it is, and fix the
# parser.
#   scripts/fuzz.sh [MINUTES] [csv studyFile dicom vcf modelCard]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-10}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(csv studyFile dicom vcf modelCard)
fi
mvn -B -q -o test-compile
end=$(( $(date +%s) + minutes * 60 ))
round=0
while [ "$(date +%s)" -lt "$end" ]; do
  for target in "${targets[@]}"; do
    round=$((round + 1))
    echo "round $round: $target"
    if ! JAZZER_FUZZ=1 mvn -B -o surefire:test -Dtest="ParserFuzzTest#$target" \
        -Dsurefire.reportsDirectory="target/surefire-reports/fuzz-$target" | grep -E "^Done |FuzzTestFinding|Tests run:.*Fail"; then
      true
    fi
    if [ -n "$(find src/test/resources/org/medfed/fuzz/ParserFuzzTestInputs -name 'crash-*' -newer pom.xml 2>/dev/null)" ]; then
      echo "finding kept:"; find src/test/resources/org/medfed/fuzz/ParserFuzzTestInputs -name 'crash-*'
      exit 1
    fi
  done
done
