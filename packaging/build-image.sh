#!/usr/bin/env bash
# Builds the Linux app image of NDS Workbench: a jlink runtime (JDK modules + JavaFX as modules), the app jar and its
# libraries on the class path, and two launchers: `ndsw` (the command line) and `ndsw-workbench` (the window).
#
#   packaging/build-image.sh              # runs `mvn -q -DskipTests package` first, then jlink + jpackage
#   packaging/build-image.sh --no-maven   # uses the jar and target/lib already built
#
# Result: target/image/ndsw/ (bin/ndsw, bin/ndsw-workbench, lib/runtime, lib/app with the jars and sample-data).
# Needs a JDK 17 with jmods (Debian: openjdk-17-jmods) and jpackage; JAVA_HOME picks the JDK, else the one `javac`
# belongs to.
# MVN_ARGS adds Maven options (e.g. MVN_ARGS=-o). See docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."

run_maven=1
for arg in "$@"; do
  case "$arg" in
    --no-maven) run_maven=0 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "build-image.sh: unknown option \"$arg\" (known: --no-maven, --help)" >&2; exit 2 ;;
  esac
done

# The JDK: JAVA_HOME, else the one javac on PATH belongs to.
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
fi
for tool in jlink jpackage; do
  if [ ! -x "$JAVA_HOME/bin/$tool" ]; then
    echo "build-image.sh: $JAVA_HOME/bin/$tool not found; set JAVA_HOME to a full JDK 17" >&2; exit 1
  fi
done
if [ ! -f "$JAVA_HOME/jmods/java.base.jmod" ]; then
  echo "build-image.sh: $JAVA_HOME/jmods has no java.base.jmod; install the JDK's jmods (Debian: apt-get install openjdk-17-jmods)" >&2
  exit 1
fi

if [ "$run_maven" = 1 ]; then
  # shellcheck disable=SC2086
  mvn -q ${MVN_ARGS:-} -DskipTests package
fi
jar=target/ndsw.jar
if [ ! -f "$jar" ] || [ ! -d target/lib ]; then
  echo "build-image.sh: $jar or target/lib missing; run 'mvn -DskipTests package' first (or drop --no-maven)" >&2
  exit 1
fi

# jpackage wants a numeric version: 0.1.0-SNAPSHOT -> 0.1.0.
version=$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *\([^[:space:]]*\).*/\1/p')
app_version=$(sed 's/[^0-9.].*//' <<<"$version")
if [ -z "$app_version" ]; then
  echo "build-image.sh: $jar has no numeric Implementation-Version (found \"$version\")" >&2; exit 1
fi

work=target/image-work
out=target/image
rm -rf "$work" "$out/ndsw"
mkdir -p "$work/fx" "$work/input/lib" "$out"

# JavaFX goes into the runtime as modules (the platform jars are modular); everything else stays on the class path.
cp target/lib/javafx-*-linux.jar "$work/fx/"
for f in target/lib/*.jar; do
  case "$(basename "$f")" in
    javafx-*) ;;
    *) cp "$f" "$work/input/lib/" ;;
  esac
done
cp "$jar" "$work/input/"
# The sample study ships with the app: the workbench opens it on first start ($APPDIR is lib/app in the image).
# `samples` must match the folder the workbench opens by default (ndsw.samples in org.ndsw.ui.WorkbenchApp).
samples=sample-data/study
if [ ! -d "$samples" ]; then
  echo "build-image.sh: $samples not found; point 'samples=' in this script at the sample study the workbench opens" >&2
  exit 1
fi
cp -r sample-data "$work/input/"

# JDK modules the app and its libraries use (jdeps per jar, see docs/packaging.md), plus HTTPS for downloads.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml
modules=$modules,jdk.crypto.ec,jdk.management,jdk.unsupported,jdk.zipfs
modules=$modules,javafx.base,javafx.graphics,javafx.controls,javafx.swing

# A CDS archive of the JDK classes, as the system JDK has, so the image starts as fast as `java -jar`.
"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods:$work/fx" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive --output "$work/runtime"

# JVM options both launchers need (an engine that needs system properties adds them here): DJL must never download
# (natives come from the pytorch-native jar; they unpack to ~/.djl.ai on first training), never phone home, and leave
# the cores to the training threads. Environment variables (OPENBLAS_CORETYPE) cannot be baked in: docs/packaging.md.
jvm_opts="-Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Dai.djl.pytorch.num_interop_threads=1"

cat > "$work/ndsw-workbench.properties" <<EOF
main-class=org.ndsw.ui.Launcher
java-options=$jvm_opts -Dndsw.samples=\$APPDIR/$samples
EOF

"$JAVA_HOME/bin/jpackage" --type app-image --dest "$out" --name ndsw --app-version "$app_version" \
  --vendor "NDS Workbench" --description "Compare neural-network design spaces by their error distributions" \
  --runtime-image "$work/runtime" --input "$work/input" --main-jar ndsw.jar --main-class org.ndsw.cli.Main \
  --java-options "$jvm_opts -Djava.awt.headless=true" \
  --add-launcher ndsw-workbench="$work/ndsw-workbench.properties"

echo "app image: $out/ndsw ($(du -sh "$out/ndsw" | cut -f1)); run $out/ndsw/bin/ndsw --version"
