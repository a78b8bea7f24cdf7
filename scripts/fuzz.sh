#!/usr/bin/env bash
# Longer fuzzing of the parsers than CI does: TRIES mutated inputs per parser (default 20000; CI tries 100), from
# a seed of the clock unless SEED is given. A crash is written to target/fuzz-crashes/TARGET/; copy it to
# src/test/resources/fuzz-regressions/TARGET/, where FuzzParsersTest.regressionFilesStayFixed replays it on every
# build, and fix the parser.
#   scripts/fuzz.sh [TRIES] [csv|studyFile|dicom|vcf|modelCard] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
tries="${1:-20000}"
target="${2:-}"
seed="${3:-$(date +%s)}"
test="FuzzParsersTest"
if [ -n "$target" ]; then
  test="FuzzParsersTest#$target"
fi
echo "fuzzing $test with $tries inputs per parser, seed $seed"
mvn -B -o test -Dtest="$test" -Dmedfed.fuzz.tries="$tries" -Dmedfed.fuzz.seed="$seed" \
  -Dsurefire.failIfNoSpecifiedTests=false | grep -E "^fuzz |FAIL|kept as|Tests run:" || true
if [ -d target/fuzz-crashes ] && [ -n "$(ls -A target/fuzz-crashes 2>/dev/null)" ]; then
  echo "crashes found:"; find target/fuzz-crashes -type f
  exit 1
fi
