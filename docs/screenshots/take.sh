#!/usr/bin/env bash
# Starts the real workbench under Xvfb once per panel and saves a screenshot of each to docs/screenshots/.
# Needs Debian's xvfb, xauth, libgtk-3-0 and imagemagick (apt-get install -y xvfb xauth libgtk-3-0 imagemagick)
# and a built jar (mvn -q -DskipTests package). Run from anywhere; the workbench opens the sample study (sample-data/study).
# The catalogue shot imports sample-data/nds-mini into a temporary catalogue first. Every run uses its own
# preferences node and a temporary catalogue, so the user's layout and catalogue are never read or changed.
# The training shot creates a small sweep on a CIFAR-10 folder (NDSW_SHOT_DATA, default /work/data: image folders or
# binary batches; skipped when missing) in the temporary catalogue and trains it live in the Training panel for
# NDSW_SHOT_TRAIN seconds (default 150) with two workers before the shot.
# NDSW_SHOT_ONLY=training.png (a file name) takes only that shot.
# Usage: docs/screenshots/take.sh [seconds-to-wait]
set -euo pipefail
cd "$(dirname "$0")/../.."
wait=${1:-25}
out=docs/screenshots
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NDSW_CATALOG=$tmp/catalog.db
java -Djava.awt.headless=true -jar target/ndsw.jar import sample-data/nds-mini > /dev/null
opts="-Dprism.order=sw -Dndsw.prefs=org/ndsw/screenshots -Djava.util.prefs.userRoot=$tmp/prefs"
shot() {  # shot TAB FILE [EXTRA_JAVA_OPTIONS [SECONDS]]
  if [ -n "${NDSW_SHOT_ONLY:-}" ] && [ "$NDSW_SHOT_ONLY" != "$2" ]; then return; fi
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c "
    java $opts -Dndsw.tab='$1' ${3:-} ${NDSW_SHOT_OPTS:-} -jar target/ndsw.jar & pid=\$!
    sleep ${4:-$wait}
    import -window root -crop 1400x900+100+30 $out/$2
    kill \$pid"
  echo "wrote $out/$2"
}
shot "Design spaces" spaces.png
# The RegNet editor on RegNetX: the ranges of d, w0, wa, wm, g and b and the stages of the middle setting.
shot "Design spaces" spaces-regnet.png "-Dndsw.space=RegNetX"
shot "Compare" compare.png
# The sample study normalized by params: the paper's window leaves bins empty, so the window is fitted to the data.
shot "Compare" compare-normalized.png "-Dndsw.normalize=params"
# The catalogue with a run selected, so the details pane shows its net, complexity and curves.
shot "Catalogue" catalogue.png "-Dndsw.select=ResNet"
# The Analysis panel over the sample study: error against net.ws[3] per set with the good range shaded; the rank map
# of d and w; and the Refine space dialog, pre-filled from the good range of net.ds[1].
shot "Analysis" analysis.png "-Dndsw.analysis.parameter=net.ws[3]"
shot "Analysis" analysis-map.png "-Dndsw.analysis.view=1"
shot "Analysis" analysis-refine.png "-Dndsw.analysis.parameter=net.ds[1] -Dndsw.refine=true"
# The Training panel while a small sweep trains: 8 ResNets under 100k params, 3 epochs on 1,000 training and 500 test
# images, two worker processes; the first run with a finished epoch is selected, so its curves show.
data=${NDSW_SHOT_DATA:-/work/data}
if [ -d "$data" ] && { [ -z "${NDSW_SHOT_ONLY:-}" ] || [ "$NDSW_SHOT_ONLY" = training.png ]; }; then
  java -Djava.awt.headless=true -jar target/ndsw.jar sweep create cifar-small --space ResNet -n 8 --seed 1 \
      --max-params 100k --epochs 3 --batch 64 --data "$data" --train-subset 1000 --test-subset 500 > /dev/null
  shot "Training" training.png "-Dndsw.train=cifar-small -Dndsw.workers=2 -Dndsw.select=cifar-small" \
      "${NDSW_SHOT_TRAIN:-150}"
  # The workers notice the closed window and stop after their epoch; wait for them before the folder goes.
  while pgrep -f "sweep worker --catalog $tmp/" > /dev/null; do sleep 1; done
else
  echo "skipped training.png: no CIFAR-10 folder at $data (set NDSW_SHOT_DATA)"
fi
