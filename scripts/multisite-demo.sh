#!/usr/bin/env bash
# A real multi-site study on one machine: the sample study's four hospitals each run a MedFed node beside their own
# table, and the coordinator trains over mutual TLS on the loopback. Only updates and summaries cross.
#
#   scripts/multisite-demo.sh [WORK_DIR]        (PORT=7443 ROUNDS=30 to change them)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR="$ROOT/target/medfed.jar"
WORK=$(realpath -m "${1:-$(mktemp -d /tmp/medfed-multisite.XXXXXX)}")
PORT=${PORT:-7443}
ROUNDS=${ROUNDS:-30}
HOSPITALS=(city-general rural-clinic heart-centre mountain-hospital)
SAMPLE="$ROOT/sample-projects/heart-4-hospitals"

[ -f "$JAR" ] || mvn -q -B -DskipTests package
mkdir -p "$WORK"
echo "working in $WORK"

kit_args=()
for h in "${HOSPITALS[@]}"; do kit_args+=(--hospital "$h"); done
java -jar "$JAR" provision --study heart-demo --coordinator "127.0.0.1:$PORT" "${kit_args[@]}" --out "$WORK/kit"

pids=()
stop_nodes() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_nodes EXIT

participants=""
for h in "${HOSPITALS[@]}"; do
  dir="$WORK/kit/hospitals/$h"
  # what each hospital's IT fills in: where its table is, and its policy
  cat > "$dir/node.json" <<JSON
{
  "schemaVersion": 2,
  "node": "$h",
  "study": "heart-demo",
  "coordinator": "127.0.0.1:$PORT",
  "certificate": "node.crt",
  "key": "node.key",
  "ca": "ca.crt",
  "datasets": [{"id": "heart", "kind": "table", "file": "$SAMPLE/data/$h.csv", "csv": {"separator": ",", "header": "auto"}}],
  "policy": {"dataKinds": ["table"], "procedures": null, "minimumCount": 5, "requireDifferentialPrivacy": false,
             "maxEpsilon": null, "maxRounds": 1000},
  "auditLog": "audit.jsonl",
  "stateFolder": "state/"
}
JSON
  java -jar "$JAR" node --config "$dir/node.json" > "$WORK/$h.log" 2>&1 &
  pids+=($!)
  participants+="${participants:+,}{\"name\": \"$h\", \"node\": \"$h\", \"dataset\": \"heart\"}"
done

# the sample study's settings, its participants named by node and dataset instead of files
cat > "$WORK/study.json" <<JSON
{
  "schemaVersion": 2,
  "name": "Coronary disease at four hospitals, through their nodes",
  "task": "classification",
  "dataType": "tabular",
  "participants": [$participants],
  "data": {"label": "disease", "types": {"diabetes": "categorical"}, "missing": "impute",
           "normalization": "pooled", "trainFraction": 0.75, "splitSeed": 7},
  "model": {"type": "logistic"},
  "strategy": {"id": "weighted-fedavg"},
  "training": {"rounds": $ROUNDS, "localEpochs": 1, "batchSize": 16, "learningRate": 0.05, "optimizer": "sgd"},
  "seed": 42
}
JSON

java -jar "$JAR" run "$WORK/study.json" --listen "$PORT" --bind 127.0.0.1 --tls "$WORK/kit/coordinator" \
    --wait 120 --baselines --out "$WORK/run"

echo
echo "each hospital's audit log of what left it: $WORK/kit/hospitals/<name>/audit.jsonl"
tail -n 2 "$WORK/kit/hospitals/city-general/audit.jsonl"
