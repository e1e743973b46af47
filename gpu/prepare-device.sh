#!/bin/sh
# Run HERE (a machine with JDK 25 and Maven access), not on the GPU machine: builds what
# gpu/device-check.sh needs so that nothing is built there.
#
#   gpu/prepare-device.sh            -> gpu/target/device/{lib/*.jar, jre/}
#
# lib/ holds lindblad-gpu, lindblad-core (from this reactor, never from ~/.m2) and core's runtime
# dependencies; jre/ is a jlink'ed Java 25 runtime with just the modules those jars need.
# Carry gpu/target/device to the GPU machine (the device tool's carry: ["gpu/target/device"]).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd -P)
. "$root/.mvn/find-jdk.sh"
dev="$root/gpu/target/device"
cd "$root"
# package (not install: the shared ~/.m2 is left alone) and copy each module's runtime dependencies
./mvnw -q -B -pl gpu -am -DskipTests package dependency:copy-dependencies -DincludeScope=runtime
rm -rf "$dev"
mkdir -p "$dev/lib"
cp gpu/target/lindblad-gpu-*.jar "$dev/lib/"
cp gpu/target/dependency/*.jar "$dev/lib/"
rm -f "$dev"/lib/*-tests.jar "$dev"/lib/*-sources.jar
mods=$("$JAVA_HOME/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps \
  --module-path "$dev/lib" "$dev"/lib/*.jar 2>/dev/null | tail -n 1)
# java.desktop is needed only by commons-lang3's java.beans helpers, which nothing on the device
# path calls; left out, it keeps the carried folder under the 64 MiB the device tool allows.
mods=$(echo "$mods" | tr ',' '\n' | grep -v '^java.desktop$' | paste -sd, -)
strip="--strip-debug"
if command -v objcopy >/dev/null 2>&1; then
  strip="--strip-java-debug-attributes --strip-native-debug-symbols=exclude-debuginfo-files"
fi
# jdk.incubator.vector: core's SIMD kernels when enabled
"$JAVA_HOME/bin/jlink" --add-modules "$mods,jdk.incubator.vector" $strip --no-man-pages \
  --no-header-files --compress zip-9 --output "$dev/jre"
echo "prepared $dev ($(du -sh "$dev" | cut -f1)); modules: $mods"
echo "carry gpu/target/device and run: sh gpu/device-check.sh"
