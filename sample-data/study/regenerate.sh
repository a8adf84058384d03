#!/bin/sh
# Regenerates the sample study (sample-data/study/ResNet.json and Vanilla.json) from scratch:
# 100 ResNet and 100 Vanilla models with at most 100k params, sampled with seed 1, each trained once for 4 epochs on a
# stratified 5,000-image subset of the CIFAR-10 training set and tested on 1,000 test images (the paper's recipe
# otherwise: SGD 0.1 Nesterov, cosine, wd 5e-4, batch 128). The two sweeps train side by side, one worker with one
# thread each; about 2 hours on a 2-core machine (sample-data/README.md).
#
# Usage: sample-data/study/regenerate.sh CIFAR10_DIR [WORK_DIR]
#   CIFAR10_DIR  the CIFAR-10 folder (train/<class>/*.jpg and test/<class>/*.jpg, or cifar-10-batches-bin)
#   WORK_DIR     where the catalogue, checkpoints and logs go (default: target/study); rerunning resumes there
set -eu
data=${1:?usage: $0 CIFAR10_DIR [WORK_DIR]}
work=${2:-target/study}
here=$(cd "$(dirname "$0")" && pwd)
ndsw=${NDSW:-"java -jar $here/../../target/ndsw.jar"}
db=$work/study.db
mkdir -p "$work"
for space in ResNet Vanilla; do
    if ! $ndsw sweep status "study-$space" --catalog "$db" >/dev/null 2>&1; then
        $ndsw sweep create "study-$space" --space "$space" -n 100 --seed 1 --max-params 100k --epochs 4 \
            --data "$data" --train-subset 5000 --test-subset 1000 --catalog "$db"
    fi
done
$ndsw sweep run study-ResNet --workers 1 --threads-per-worker 1 --catalog "$db" --quiet &
resnet=$!
$ndsw sweep run study-Vanilla --workers 1 --threads-per-worker 1 --catalog "$db" --quiet
wait $resnet
for space in ResNet Vanilla; do
    $ndsw export "study-$space" --format nds --out "$here/$space.json" --catalog "$db"
done
