#!/bin/sh
# Run ON THE GPU MACHINE (issue #19). Builds nothing: it needs gpu/target/device, made here by
# gpu/prepare-device.sh (the jars and a jlink'ed Java 25 runtime) and carried along.
#
#   sh gpu/device-check.sh [--cpu-timeout SECONDS] [ising:N | nho:N ...]
#
# Writes $OUT/gpu-check.txt (results, line by line, flushed as it goes: a timeout keeps what was
# done), $OUT/nvidia-smi.txt and $OUT/run.log. Default problems: ising:6 ising:8 nho:50 nho:200
# ising:10 (ising:10 on the GPU only); the CPU runs stop after --cpu-timeout (default 120 s).
# Exit status: 0 every check passed, 1 a check failed, 2 no usable GPU, 3 the prepared folder is missing.
set -u
root=$(cd "$(dirname "$0")/.." && pwd -P)
dev="$root/gpu/target/device"
out="${OUT:-$root/gpu/target/device-out}"
mkdir -p "$out"
if [ ! -x "$dev/jre/bin/java" ] || ! ls "$dev"/lib/lindblad-gpu-*.jar >/dev/null 2>&1; then
  echo "device-check: $dev is missing; run gpu/prepare-device.sh where Maven works and carry gpu/target/device" | tee "$out/run.log" >&2
  exit 3
fi
{ nvidia-smi 2>&1 || echo "nvidia-smi not available"; } > "$out/nvidia-smi.txt"
{ uname -a; nproc; free -g 2>/dev/null; } >> "$out/nvidia-smi.txt"
# the CUDA libraries: the toolkit's, and pip's nvidia-* wheels when those are what the machine has
extra=""
for d in /usr/local/cuda/lib64 /usr/local/cuda/targets/x86_64-linux/lib /usr/lib/x86_64-linux-gnu; do
  [ -d "$d" ] && extra="$extra${extra:+:}$d"
done
for d in $(ls -d /usr/local/lib/python3*/dist-packages/nvidia/*/lib /usr/lib/python3*/site-packages/nvidia/*/lib 2>/dev/null); do
  extra="$extra${extra:+:}$d"
done
export LINDBLAD_CUDA_PATH="${LINDBLAD_CUDA_PATH:-}${LINDBLAD_CUDA_PATH:+:}$extra"
"$dev/jre/bin/java" -Xmx64g --enable-native-access=ALL-UNNAMED -cp "$dev/lib/*" dev.lindblad.gpu.DeviceCheck \
  "$out/gpu-check.txt" "$@" 2>&1 | tee "$out/run.log"
rc=$(tail -n 1 "$out/gpu-check.txt" 2>/dev/null | grep -c "RESULT: PASS")
grep -q "RESULT: NO GPU" "$out/gpu-check.txt" 2>/dev/null && exit 2
[ "$rc" = 1 ] && exit 0
exit 1
