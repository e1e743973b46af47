#!/bin/sh
# The probes behind docs/performance.md, "2026-12-03, later: Hermitian eigenvalues by the
# two-stage reduction". Not part of the build: classes in package dev.lindblad.foreign (they
# call the package-private DenseLapack), compiled here against the built classes and run on the
# class path. Build first (./lindblad info, or ./mvnw -pl native -am package -DskipTests).
#
#   bench/probes/hermitian-eigen/run.sh ScratchHarness mkl N 2 5 500 1000 2000   # before/after, alternating
#   bench/probes/hermitian-eigen/run.sh EigHarness mkl V 2 5 500 1000 2000       # every driver, alternating
#   bench/probes/hermitian-eigen/run.sh ColdHarness 2000 N                        # first calls in a fresh JVM
#   bench/probes/hermitian-eigen/run.sh PostHarness 2000                          # eigenstates' ket building
#   bench/probes/hermitian-eigen/run.sh HermCheckHarness 500 1000 2000            # Data.isHermitian
#   bench/probes/hermitian-eigen/run.sh CopyHarness 500 1000 2000                 # copy in/out of fresh native memory
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd -P)
. "$root/.mvn/find-jdk.sh"
mkl=$(tr ':' '\n' < "$root/cli/target/classpath.txt" | grep '/mkl-.*redist' | head -1)
cp="$root/native/target/classes:$root/core/target/classes:$mkl"
out=$(mktemp -d)
"$JAVA_HOME/bin/javac" -d "$out" -cp "$cp" "$root"/bench/probes/hermitian-eigen/*.java
main=$1
shift
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$out:$cp" "dev.lindblad.foreign.$main" "$@"
