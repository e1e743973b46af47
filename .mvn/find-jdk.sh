# Sourced by ./mvnw and ./lindblad: finds a JDK whose major version is at least 25 and
# exports JAVA_HOME for it. Order: LINDBLAD_JAVA_HOME, JAVA_HOME, `java` on the PATH, then the
# usual install places (Debian/Ubuntu /usr/lib/jvm, /opt, SDKMAN, macOS). Fails with a message
# that says what to install when none is found.
lindblad_jdk_major() {
  # prints the major version of the JDK at $1 (0 when it is not a JDK with javac)
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || { echo 0; return; }
  if [ -f "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1)
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  echo "${v:-0}"
}
lindblad_find_jdk() {
  want=25
  for cand in "${LINDBLAD_JAVA_HOME-}" "${JAVA_HOME-}"; do
    if [ -n "$cand" ] && [ "$(lindblad_jdk_major "$cand")" -ge "$want" ]; then echo "$cand"; return 0; fi
  done
  if command -v java >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if [ "$(lindblad_jdk_major "$home")" -ge "$want" ]; then echo "$home"; return 0; fi
  fi
  best=""; bestv=0
  for cand in /usr/lib/jvm/* /opt/java/* /opt/jdk* /opt/*jdk* "$HOME"/.sdkman/candidates/java/* \
              /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.jdks/*; do
    [ -d "$cand" ] || continue
    v=$(lindblad_jdk_major "$cand")
    if [ "$v" -ge "$want" ] && [ "$v" -gt "$bestv" ]; then best=$cand; bestv=$v; fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  return 1
}
# mvnw runs with `set -f`; the search needs globbing.
case $- in *f*) lindblad_noglob=1; set +f ;; *) lindblad_noglob=0 ;; esac
if found=$(lindblad_find_jdk); then
  JAVA_HOME=$found
  export JAVA_HOME
else
  echo "Lindblad needs JDK 25 or newer, and none was found (JAVA_HOME, java on the PATH, /usr/lib/jvm, /opt, SDKMAN)." >&2
  echo "Install one, e.g. 'apt-get install temurin-25-jdk' (Adoptium repository) or from https://adoptium.net," >&2
  echo "or point LINDBLAD_JAVA_HOME at it." >&2
  exit 1
fi
[ "$lindblad_noglob" = 1 ] && set -f
unset lindblad_noglob found
