#!/usr/bin/env bash
# Complexity evaluations per second: ndsw's closed form and graph paths, and the pycls-style Python reference,
# run one after another on the same 10,000 sampled ResNeXt-B specs. Also checks every spec against the reference.
# Usage: docs/bench/bench-complexity.sh   (after `mvn -q -DskipTests package`)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/ndsw.jar
for round in 1 2 3; do
  echo "== round $round"
  java -jar "$jar" sample ResNeXt-B -n 10000 --seed 0 2>/dev/null | /usr/bin/python3 docs/bench/complexity_reference.py
  java -jar "$jar" bench complexity --space ResNeXt-B --rounds 5 --json
done
