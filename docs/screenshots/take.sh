#!/usr/bin/env bash
# Starts the real workbench under Xvfb once per panel and saves a screenshot of each to docs/screenshots/.
# Needs Debian's xvfb, xauth, libgtk-3-0 and imagemagick (apt-get install -y xvfb xauth libgtk-3-0 imagemagick)
# and a built jar (mvn -q -DskipTests package). Run from anywhere; the workbench opens sample-data/nds-mini.
# Usage: docs/screenshots/take.sh [seconds-to-wait]
set -euo pipefail
cd "$(dirname "$0")/../.."
wait=${1:-25}
out=docs/screenshots
shot() {  # shot TAB FILE
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c "
    java -Dprism.order=sw -Dndsw.tab='$1' ${NDSW_SHOT_OPTS:-} -jar target/ndsw.jar & pid=\$!
    sleep $wait
    import -window root -crop 1400x900+100+30 $out/$2
    kill \$pid"
  echo "wrote $out/$2"
}
shot "Design spaces" spaces.png
shot "Compare" compare.png
