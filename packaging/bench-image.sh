#!/usr/bin/env bash
# Measures the Linux app image against its peer, the jar run by the system JDK (`java -jar target/ndsw.jar`):
# build time (packaging/build-image.sh --no-maven, N builds), size on disk, `ndsw --version` wall time and time until the
# workbench window shows (under Xvfb when there is no display), interleaved, N runs each; prints medians and ratios.
# `--version` also runs on the image's runtime without the jpackage launcher, to tell the launcher's share.
#
#   packaging/bench-image.sh [N]      # default N=5; needs target/ndsw.jar (mvn -DskipTests package) and xvfb-run
#
# The numbers and this command are in docs/benchmarks.md ("Packaging").
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5}
image=target/image/ndsw
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "bench-image.sh: no DISPLAY and no xvfb-run (apt-get install xvfb xauth x11-utils)" >&2; exit 1; }
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$n"
fi
[ -f target/ndsw.jar ] || { echo "bench-image.sh: target/ndsw.jar missing; run 'mvn -DskipTests package'" >&2; exit 1; }
now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# Time from start until a window titled "NDS Workbench" exists, then stop the process.
window_ms() {
  local t0 pid
  t0=$(now_ms)
  "$@" >/dev/null 2>&1 &
  pid=$!
  until xwininfo -root -tree 2>/dev/null | grep -q '"NDS Workbench"'; do
    kill -0 "$pid" 2>/dev/null || { echo "bench-image.sh: $* exited before showing its window" >&2; exit 1; }
    sleep 0.05
  done
  echo $(($(now_ms) - t0))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

builds=()
for _ in $(seq "$n"); do
  t0=$(now_ms)
  packaging/build-image.sh --no-maven >/dev/null
  builds+=($(($(now_ms) - t0)))
done

# Wall and CPU (user + system) ms of one command; CPU time is less sensitive to a busy machine.
wall_cpu() {
  /usr/bin/time -f "%e %U %S" -o "$times" "$@" >/dev/null
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$times"
}
times=$(mktemp)
trap 'rm -f "$times"' EXIT

# The image's runtime without the jpackage launcher, with the launcher's options and class path.
direct=("$image/lib/runtime/bin/java" -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Djava.awt.headless=true
  -cp "$image/lib/app/ndsw.jar:$image/lib/app/lib/*" org.ndsw.cli.Main --version)

v_image=(); v_jar=(); v_direct=(); c_image=(); c_jar=(); c_direct=(); w_image=(); w_jar=()
for _ in $(seq "$n"); do
  read -r w c < <(wall_cpu "$image/bin/ndsw" --version); v_image+=("$w"); c_image+=("$c")
  read -r w c < <(wall_cpu "${direct[@]}"); v_direct+=("$w"); c_direct+=("$c")
  read -r w c < <(wall_cpu java -jar target/ndsw.jar --version); v_jar+=("$w"); c_jar+=("$c")
  w_image+=("$(window_ms "$image/bin/ndsw-workbench")")
  w_jar+=("$(window_ms java -jar target/ndsw.jar)")
done

mb() { du -sm "$1" | cut -f1; }
jar_mb=$(( $(du -sm target/ndsw.jar | cut -f1) + $(mb target/lib) ))
build_med=$(printf '%s\n' "${builds[@]}" | median)
vi=$(printf '%s\n' "${v_image[@]}" | median); vj=$(printf '%s\n' "${v_jar[@]}" | median)
ci=$(printf '%s\n' "${c_image[@]}" | median); cj=$(printf '%s\n' "${c_jar[@]}" | median)
vd=$(printf '%s\n' "${v_direct[@]}" | median); cd_=$(printf '%s\n' "${c_direct[@]}" | median)
wi=$(printf '%s\n' "${w_image[@]}" | median); wj=$(printf '%s\n' "${w_jar[@]}" | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "runs: $n each, interleaved; medians in ms (all runs in brackets)"
echo "| measure | app image | jar + system JDK | image / jar |"
echo "|---|---|---|---|"
echo "| build (build-image.sh --no-maven), ms | $build_med (all: ${builds[*]}) | - | - |"
cds_mb=$(du -cm "$image"/lib/runtime/lib/server/*.jsa | tail -1 | cut -f1)
echo "| size on disk, MB | $(mb "$image") (runtime $(mb "$image/lib/runtime") incl. CDS $cds_mb, app $(mb "$image/lib/app")) | $jar_mb (+ a JDK) | - |"
echo "| ndsw --version wall, ms | $vi (${v_image[*]}) | $vj (${v_jar[*]}) | $(ratio "$vi" "$vj") |"
echo "| ndsw --version CPU (user + system), ms | $ci (${c_image[*]}) | $cj (${c_jar[*]}) | $(ratio "$ci" "$cj") |"
echo "| --version by the image's runtime without the launcher: wall, CPU ms | $vd (${v_direct[*]}), $cd_ (${c_direct[*]}) | - | - |"
echo "| workbench window shown, ms | $wi (${w_image[*]}) | $wj (${w_jar[*]}) | $(ratio "$wi" "$wj") |"
