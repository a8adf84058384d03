#!/usr/bin/env bash
# Smoke test of the app image built by packaging/build-image.sh: the CLI launcher reports its versions, imports the
# bundled sample study into a fresh catalogue (SQLite) and draws a comparison figure (AWT, headless); the GUI launcher
# opens the workbench window under Xvfb. Optionally trains one tiny model with the bundled PyTorch natives, offline.
#
#   packaging/smoke-test.sh [IMAGE_DIR]            # default target/image/ndsw
#   NDSW_SMOKE_DATA=/path/to/cifar10 packaging/smoke-test.sh   # also trains 1 epoch on 256 images
#
# Needs xvfb-run (Debian: apt-get install xvfb xauth x11-utils) unless DISPLAY is set. Prints one line per check and
# exits non-zero on the first failure. Writes only under a temporary folder, removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
image=${1:-target/image/ndsw}
gui_only=${2:-} # --gui-only: the second pass, inside xvfb-run
ndsw=$image/bin/ndsw
workbench=$image/bin/ndsw-workbench
for launcher in "$ndsw" "$workbench"; do
  [ -x "$launcher" ] || { echo "smoke-test: $launcher not found; build it with packaging/build-image.sh" >&2; exit 1; }
done
tmp=$(mktemp -d)
gui_pid=""
cleanup() {
  if [ -n "$gui_pid" ]; then kill "$gui_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }

if [ "$gui_only" != --gui-only ]; then
# 1. ndsw --version: app and engine versions, fast (no native library is loaded for it).
t0=$(now_ms)
"$ndsw" --version >"$tmp/version.txt" 2>"$tmp/version.err" || fail "ndsw --version exited $? ($(cat "$tmp/version.err"))"
t1=$(now_ms)
head -1 "$tmp/version.txt" | grep -q '^ndsw [0-9]' || fail "ndsw --version first line: $(head -1 "$tmp/version.txt")"
grep -q '^engines: .*djl' "$tmp/version.txt" || fail "ndsw --version lists no djl engine"
grep -q '^pytorch [0-9]' "$tmp/version.txt" || fail "ndsw --version reports no PyTorch version"
echo "ok   ndsw --version in $((t1 - t0)) ms: $(tr '\n' ';' <"$tmp/version.txt" | sed 's/;/; /g')"
# ... and it loads no native library beyond the Java runtime's own (no PyTorch, SQLite or JavaFX).
_JAVA_OPTIONS="-Xlog:library=info:file=$tmp/libraries.log" "$ndsw" --version >/dev/null 2>&1 || fail "ndsw --version with -Xlog"
foreign=$(grep 'Loaded library' "$tmp/libraries.log" | grep -v "$(cd "$image" && pwd)/lib/runtime/lib/" || true)
[ -z "$foreign" ] || fail "ndsw --version loaded native libraries outside the runtime: $foreign"
echo "ok   ndsw --version loaded $(grep -c 'Loaded library' "$tmp/libraries.log") native libraries, all the runtime's own"

# 2. The bundled sample study: import into a fresh catalogue, then compare the two spaces to a PNG figure.
samples=$(sed -n 's/^java-options=-Dndsw.samples=\$APPDIR\///p' "$image/lib/app/ndsw-workbench.cfg")
samples=$image/lib/app/${samples:?ndsw-workbench.cfg sets no -Dndsw.samples}
[ -d "$samples" ] || fail "$samples missing: the image should bundle the sample study"
"$ndsw" import --catalog="$tmp/catalog.db" "$samples" >"$tmp/import.txt" 2>&1 || fail "ndsw import: $(tail -3 "$tmp/import.txt")"
"$ndsw" compare --catalog="$tmp/catalog.db" --plot="$tmp/edf.png" catalog:ResNet catalog:Vanilla >"$tmp/compare.txt" 2>&1 \
  || fail "ndsw compare: $(tail -3 "$tmp/compare.txt")"
[ -s "$tmp/edf.png" ] || fail "ndsw compare wrote no figure"
echo "ok   ndsw import + compare on the bundled sample study: $(stat -c %s "$tmp/edf.png") byte PNG"

# 3. Optional: one tiny training run with the DJL/PyTorch natives from the image (offline; they unpack to ~/.djl.ai).
if [ -n "${NDSW_SMOKE_DATA:-}" ]; then
  "$ndsw" train --data="$NDSW_SMOKE_DATA" --space=ResNet --seed=1 --epochs=1 --train-subset=256 --test-subset=200 \
    --threads=1 --quiet --out="$tmp/run.json" >"$tmp/train.txt" 2>&1 || fail "ndsw train: $(tail -3 "$tmp/train.txt")"
  grep -q '"status" *: *"done"' "$tmp/run.json" || fail "ndsw train: status not done: $(head -c 300 "$tmp/run.json")"
  echo "ok   ndsw train: 1 epoch on 256 images with the bundled PyTorch"
fi
fi


# 4. The workbench window, under Xvfb when there is no display.
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || fail "no DISPLAY and no xvfb-run (apt-get install xvfb xauth x11-utils)"
  xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$image" --gui-only
  exit $?
fi
command -v xwininfo >/dev/null || fail "xwininfo missing (apt-get install x11-utils)"
t0=$(now_ms)
"$workbench" >"$tmp/gui.log" 2>&1 &
gui_pid=$!
shown=""
for _ in $(seq 1 240); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"NDS Workbench"'; then shown=yes; break; fi
  kill -0 "$gui_pid" 2>/dev/null || fail "ndsw-workbench exited early: $(tail -5 "$tmp/gui.log")"
  sleep 0.25
done
t1=$(now_ms)
[ -n "$shown" ] || fail "no \"NDS Workbench\" window after 60 s: $(tail -5 "$tmp/gui.log")"
sleep 2 # let the first layout and the sample study load run
kill -0 "$gui_pid" 2>/dev/null || fail "ndsw-workbench died after showing its window: $(tail -5 "$tmp/gui.log")"
if grep -q 'Exception' "$tmp/gui.log"; then fail "ndsw-workbench logged an exception: $(grep -m3 -A3 Exception "$tmp/gui.log")"; fi
if [ -n "${NDSW_SMOKE_SHOT:-}" ] && command -v import >/dev/null; then import -window root "$NDSW_SMOKE_SHOT"; fi
echo "ok   ndsw-workbench showed its window in $((t1 - t0)) ms"
