package dev.lindblad.gpu;

import java.util.Locale;

/**
 * One CUDA device as the runtime reports it.
 *
 * @param index          the device ordinal ({@code cudaSetDevice})
 * @param name           the product name ({@code cudaDeviceProp.name})
 * @param computeMajor   compute capability, major ({@code cudaDevAttrComputeCapabilityMajor})
 * @param computeMinor   compute capability, minor
 * @param multiprocessors streaming multiprocessors ({@code cudaDevAttrMultiProcessorCount})
 * @param totalBytes     device memory in bytes ({@code cudaMemGetInfo}'s total)
 * @param freeBytes      free device memory in bytes when asked ({@code cudaMemGetInfo}'s free)
 */
public record GpuDevice(int index, String name, int computeMajor, int computeMinor, int multiprocessors,
                        long totalBytes, long freeBytes) {

    /** @return one line: {@code "0: NVIDIA H200 (sm_90, 132 SMs), 139.8 GiB, 139.2 GiB free"} */
    public String describe() {
        return String.format(Locale.ROOT, "%d: %s (sm_%d%d, %d SMs), %.1f GiB, %.1f GiB free", index, name,
                computeMajor, computeMinor, multiprocessors, totalBytes / 1073741824.0, freeBytes / 1073741824.0);
    }
}
