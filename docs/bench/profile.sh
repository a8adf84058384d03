#!/usr/bin/env sh
# Profiles SGD steps of the same network in the DJL engine (PyTorch 2.7.1 through DJL) and in Debian's PyTorch, each
# with PyTorch's profiler, and prints self time per operator side by side (docs/training.md, "Where the time goes").
# Usage: docs/bench/profile.sh [NET_JSON] [STEPS] [THREADS] [OUT_DIR]    (default: ResNet-20, 20 steps, 1 thread)
# Needs the built jar (mvn -DskipTests package) and python3-torch.
set -e
net=${1:-'{"block_type":"res_basic_block","ds":[1,3,3,3],"ws":[16,16,32,64],"ss":[1,1,2,2]}'}
steps=${2:-20}
threads=${3:-1}
out=${4:-target/profile}
here=$(cd "$(dirname "$0")" && pwd)
root=$here/../..
mkdir -p "$out"
java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
    -cp "$root/target/ndsw.jar:$root/target/lib/*" "$here/StepTime.java" djl "$net" "$steps" "$threads" \
    "$out/djl.json" 2>/dev/null
/usr/bin/python3 "$here/profile_torch_step.py" "$net" "$steps" "$threads" "$out/torch.json"
/usr/bin/python3 "$here/profile_compare.py" "$steps" "$out/djl.json" "$out/torch.json"
