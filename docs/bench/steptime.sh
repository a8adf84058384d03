#!/usr/bin/env sh
# Times SGD steps of one engine with nothing else running in the process (docs/bench/StepTime.java), for profiling and
# before/after comparisons of engine changes (decision 0007). Usage:
#   docs/bench/steptime.sh [ENGINE] [NET_JSON] [STEPS] [THREADS] [JAR]
# (default: dl4j, ResNet-20, 20 steps, 2 threads, target/ndsw.jar). Needs the built jar (mvn -DskipTests package).
set -e
engine=${1:-dl4j}
net=${2:-'{"block_type":"res_basic_block","ds":[1,3,3,3],"ws":[16,16,32,64],"ss":[1,1,2,2]}'}
steps=${3:-20}
threads=${4:-2}
here=$(cd "$(dirname "$0")" && pwd)
root=$here/../..
jar=${5:-$root/target/ndsw.jar}
# as packaging/bin/ndsw: ND4J's OpenBLAS needs the core type before the JVM starts
if [ -z "${OPENBLAS_CORETYPE:-}" ] && [ -r /proc/cpuinfo ]; then
  if grep -q -m1 avx512f /proc/cpuinfo; then
    OPENBLAS_CORETYPE=SkylakeX; export OPENBLAS_CORETYPE
  elif grep -q -m1 avx2 /proc/cpuinfo; then
    OPENBLAS_CORETYPE=Haswell; export OPENBLAS_CORETYPE
  fi
fi
java -cp "$jar:$root/target/lib/*" "$here/StepTime.java" "$engine" "$net" "$steps" "$threads" 2>/dev/null
