#!/usr/bin/env sh
# DL4J steps in NCHW against the engine's own choice (channels-last where every op has that path), in one process,
# alternating (docs/bench/Dl4jLayoutAB.java, decision 0007). Usage:
#   docs/bench/dl4j-layout.sh [NET_JSON] [PAIRS] [THREADS]   (default: ResNet-20, 10 pairs, 2 threads)
# Needs the built jar (mvn -DskipTests package).
set -e
net=${1:-'{"block_type":"res_basic_block","ds":[1,3,3,3],"ws":[16,16,32,64],"ss":[1,1,2,2]}'}
here=$(cd "$(dirname "$0")" && pwd)
root=$here/../..
if [ -z "${OPENBLAS_CORETYPE:-}" ] && [ -r /proc/cpuinfo ]; then
  if grep -q -m1 avx512f /proc/cpuinfo; then
    OPENBLAS_CORETYPE=SkylakeX; export OPENBLAS_CORETYPE
  elif grep -q -m1 avx2 /proc/cpuinfo; then
    OPENBLAS_CORETYPE=Haswell; export OPENBLAS_CORETYPE
  fi
fi
java -cp "$root/target/ndsw.jar:$root/target/lib/*" "$here/Dl4jLayoutAB.java" "$net" "${2:-10}" "${3:-2}" 2>/dev/null
