#!/usr/bin/env bash
# Starts the real workbench under Xvfb and saves a screenshot of the window to docs/screenshots/.
# Needs Debian's xvfb, xauth, libgtk-3-0 and imagemagick (apt-get install -y xvfb xauth libgtk-3-0 imagemagick)
# and a built jar (mvn -q -DskipTests package). Usage: docs/screenshots/take.sh [seconds-to-wait]
set -euo pipefail
cd "$(dirname "$0")/../.."
wait=${1:-25}
out=docs/screenshots
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c "
  java -Dprism.order=sw -jar target/ndsw.jar & pid=\$!
  sleep $wait
  import -window root -crop 1400x900+100+30 $out/spaces.png
  kill \$pid"
echo "wrote $out/spaces.png"
