#!/usr/bin/env sh
# Trains the same small ResNet on the same CIFAR-10 subset, seeds and batches with the DJL and the DL4J engine and
# prints both curves side by side (docs/benchmarks.md, "DL4J engine"). Usage: docs/bench/curves.sh CIFAR_DIR [OUT_DIR]
set -e
data=${1:?usage: docs/bench/curves.sh CIFAR_DIR [OUT_DIR]}
out=${2:-curves}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
net='{"block_type":"res_basic_block","ds":[1,1,1,1],"ws":[16,16,32,64],"ss":[1,1,2,2]}'
for engine in djl dl4j; do
  "$here/../../packaging/bin/ndsw" train --engine "$engine" --net "$net" --data "$data" --train-subset 2560 \
    --test-subset 1000 --epochs 5 --batch 128 --threads 2 --quiet --out "$out/$engine.json" > /dev/null
done
/usr/bin/python3 - "$out/djl.json" "$out/dl4j.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
print("epoch  train loss djl  dl4j    train err djl  dl4j    test err djl  dl4j")
for e in range(len(a["train_ep_loss"])):
    print(f"{e + 1:5d}  {a['train_ep_loss'][e]:14.4f} {b['train_ep_loss'][e]:7.4f}   {a['train_ep_top1'][e]:12.2f} "
          f"{b['train_ep_top1'][e]:6.2f}   {a['test_ep_top1'][e]:11.2f} {b['test_ep_top1'][e]:6.2f}")
print(f"img/s  djl {a['train_img_per_s']:.1f}  dl4j {b['train_img_per_s']:.1f}")
PY
