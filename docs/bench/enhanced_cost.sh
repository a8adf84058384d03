#!/usr/bin/env sh
# What the enhanced DARTS setup (paper §5.4) costs on this machine's CPU against the plain recipe: trains one model
# twice for 2 epochs on the same CIFAR-10 subset and seeds, plain and with --recipe enhanced (drop-path is on in the
# second epoch only, p = 0.2 * 1/2), and prints the training seconds and img/s of epoch 2, the model's flops and params
# (aux head excluded, as always) and the auxiliary head's params, and the CPU time a full 600-epoch run would take at
# the measured rate (docs/training.md, "Table 4 on a GPU").
#
# Usage: docs/bench/enhanced_cost.sh CIFAR_DIR [ENGINE] [TRAIN_SUBSET] [MODEL ARGS...]
#   default ENGINE djl, TRAIN_SUBSET 1000, MODEL ARGS --space DARTS --seed 1
# Example: docs/bench/enhanced_cost.sh /work/data djl 1000 --space DARTS --seed 1
set -e
data=${1:?usage: docs/bench/enhanced_cost.sh CIFAR_DIR [ENGINE] [TRAIN_SUBSET] [MODEL ARGS...]}
engine=${2:-djl}
subset=${3:-1000}
if [ $# -ge 3 ]; then shift 3; else shift $#; fi
[ $# -gt 0 ] || set -- --space DARTS --seed 1
here=$(cd "$(dirname "$0")" && pwd)
ndsw="$here/../../packaging/bin/ndsw"
out=$(mktemp -d)
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for recipe in plain enhanced; do
  "$ndsw" train "$@" --recipe "$recipe" --epochs 2 --engine "$engine" --data "$data" --train-subset "$subset" \
    --test-subset 500 --quiet --out "$out/$recipe.json" > /dev/null 2> "$out/$recipe.log" \
    || { cat "$out/$recipe.log"; exit 1; }
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$out/plain.json" "$out/enhanced.json" "$subset" <<'PY'
import json, sys
plain, enhanced = (json.load(open(p)) for p in sys.argv[1:3])
subset = int(sys.argv[3])
print(f"model: {plain['flops'] / 1e6:.1f} MFLOPs, {plain['params']:,} params; auxiliary head "
      f"{enhanced.get('aux_params', 0):,} params (trained, not counted); engine {plain['engine_device']}")
print("recipe     epoch-2 train s   img/s   s per 50,000 images   days for 600 epochs at this rate (training only)")
rates = {}
for name, r in (("plain", plain), ("enhanced", enhanced)):
    seconds = r["train_ep_times"][1]
    rate = r["train_ep_img_per_s"][1]
    rates[name] = rate
    full = 50000 / rate
    print(f"{name:9s}  {seconds:15.1f}  {rate:6.1f}  {full:20.0f}  {600 * full / 86400:14.1f}")
print(f"enhanced / plain time per image: {rates['plain'] / rates['enhanced']:.2f}x")
PY
rm -rf "$out"
