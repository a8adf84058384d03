#!/usr/bin/env sh
# Times the ND4J building blocks of the DL4J engine's batch norm and ReLU on one map (docs/bench/Nd4jOpTimes.java,
# decision 0007). Usage: docs/bench/nd4j-ops.sh [C] [H]   (default 16 32: ResNet-20's first stage, batch 128)
# Needs the built jar (mvn -DskipTests package).
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$here/../..
if [ -z "${OPENBLAS_CORETYPE:-}" ] && [ -r /proc/cpuinfo ]; then
  if grep -q -m1 avx512f /proc/cpuinfo; then
    OPENBLAS_CORETYPE=SkylakeX; export OPENBLAS_CORETYPE
  elif grep -q -m1 avx2 /proc/cpuinfo; then
    OPENBLAS_CORETYPE=Haswell; export OPENBLAS_CORETYPE
  fi
fi
java -Dorg.eclipse.deeplearning4j.helpers.disable=false -cp "$root/target/ndsw.jar:$root/target/lib/*" \
    "$here/Nd4jOpTimes.java" "${1:-16}" "${2:-32}" 2>/dev/null
