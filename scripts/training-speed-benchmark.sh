#!/usr/bin/env bash
# Image training speed beside PyTorch: the BreastMNIST CNN (batch 32, Adam) trained by us (DL4J) with 1, 2 and 4
# hospitals at once, and by PyTorch (Debian's python3-torch, installed here when missing) with one thread, in N
# alternated repetitions; prints min and median images/s side by side and ours over PyTorch's. Then the engine's
# overhead over the same local training alone (`medfed benchmark engine-overhead`).
# Usage: scripts/training-speed-benchmark.sh [N] [BREASTMNIST_DIR]   (after mvn -DskipTests package; N defaults to 5)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5}
data=${2:-../shared/data/medmnist-breastmnist}
jar=target/medfed.jar
py=/usr/bin/python3 # Debian's Python, where python3-torch installs
steps=40        # ours, per hospital and setting (about 1.3 s at 1,000 images/s on oneDNN, 4 s at 300 without)
torch_steps=400 # PyTorch: a window long enough that a calm moment of a shared machine does not decide its figure
                # (it ran about ten times faster than ours before oneDNN, on an idle machine)
[ -f "$data/breastmnist.npz" ] || { echo "no $data/breastmnist.npz (MedMNIST v2's BreastMNIST)" >&2; exit 2; }
[ -f "$jar" ] || { echo "no $jar: run mvn -DskipTests package first" >&2; exit 2; }
if ! "$py" -c 'import torch' 2>/dev/null; then
  echo "installing python3-torch from Debian" >&2
  apt-get install -y python3-torch >/dev/null || { apt-get update >/dev/null && apt-get install -y python3-torch >/dev/null; }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "started $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$n"); do
  # each repetition: PyTorch one thread, then ours (its own warm-up round first, then one timed round per setting)
  "$py" scripts/torch_cnn_peer.py "$data/breastmnist.npz" "$torch_steps" 1 1 >> "$work/torch"
  java -jar "$jar" benchmark image-training --data "$data" --nodes 1,2,4 --repetitions 1 2>/dev/null \
    | grep '^| [0-9]' >> "$work/ours"
  echo "repetition $i/$n done, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done
"$py" - "$work" "$steps" "$torch_steps" <<'PY'
import collections, statistics, sys
work = sys.argv[1]
torch = [float(l) for l in open(f"{work}/torch") if l.strip()]
ours = collections.OrderedDict()
for line in open(f"{work}/ours"):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    ours.setdefault((cells[0], cells[1], cells[2]), []).append(float(cells[4]))  # min of 1 = the repetition's figure
t_min, t_med = min(torch), statistics.median(torch)
print(f"| training | at once | threads each | images/s min | median | median / PyTorch's median |")
print(f"|---|---:|---:|---:|---:|---:|")
print(f"| PyTorch {__import__('torch').__version__}, 1 thread | 1 | 1 | {t_min:.0f} | {t_med:.0f} | 1.00 |")
for (label, at_once, threads), v in ours.items():
    print(f"| ours: {label} | {at_once} | {threads} | {min(v):.0f} | {statistics.median(v):.0f} | "
          f"{statistics.median(v) / t_med:.2f} |")
print(f"\n{len(torch)} alternated repetitions; PyTorch {sys.argv[3]} steps of 32 images, ours {sys.argv[2]} per hospital "
      "and setting.")
PY
echo "ended $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$jar" benchmark engine-overhead --repetitions "$n" 2>/dev/null
