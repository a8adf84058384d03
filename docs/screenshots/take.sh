#!/usr/bin/env bash
# Starts the real workbench under Xvfb once per panel and saves a screenshot of each to docs/screenshots/.
# Needs Debian's xvfb, xauth, libgtk-3-0 and imagemagick (apt-get install -y xvfb xauth libgtk-3-0 imagemagick)
# and a built jar (mvn -q -DskipTests package). Run from anywhere; the workbench opens sample-data/nds-mini.
# The catalogue shot imports sample-data/nds-mini into a temporary catalogue first. Every run uses its own
# preferences node and a temporary catalogue, so the user's layout and catalogue are never read or changed.
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
shot() {  # shot TAB FILE [EXTRA_JAVA_OPTIONS]
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c "
    java $opts -Dndsw.tab='$1' ${3:-} ${NDSW_SHOT_OPTS:-} -jar target/ndsw.jar & pid=\$!
    sleep $wait
    import -window root -crop 1400x900+100+30 $out/$2
    kill \$pid"
  echo "wrote $out/$2"
}
shot "Design spaces" spaces.png
shot "Compare" compare.png
# The catalogue with a run selected, so the details pane shows its net, complexity and curves.
shot "Catalogue" catalogue.png "-Dndsw.select=ResNet"
