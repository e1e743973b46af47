package dev.lindblad.gpu;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Gpu#status()} found: the devices, or exactly why none is usable.
 *
 * @param devices        the usable devices (empty when none)
 * @param reason         why no device is usable, or null when at least one is: the runtime
 *                       library missing (with the names and directories searched), failing to
 *                       load, or the runtime's error, named as the runtime names it (e.g.
 *                       {@code cudaErrorInsufficientDriver (35)} when no driver is installed)
 * @param runtimeLibrary the {@code libcudart} loaded, or null when none was found
 * @param runtimeVersion {@code cudaRuntimeGetVersion}: 1000 major + 10 minor (13000 is 13.0), 0 when unknown
 * @param driverVersion  {@code cudaDriverGetVersion}: the newest CUDA the driver supports, same
 *                       encoding, 0 when no driver is installed
 */
public record GpuStatus(List<GpuDevice> devices, String reason, Path runtimeLibrary, int runtimeVersion,
                        int driverVersion) {

    /** Copies the device list. */
    public GpuStatus {
        devices = List.copyOf(devices);
    }

    /** @return whether at least one device can be used */
    public boolean usable() {
        return !devices.isEmpty();
    }

    /** @return a CUDA version code {@code 1000 major + 10 minor} as {@code "13.0"}, or "none" for 0 */
    static String version(int code) {
        return code <= 0 ? "none" : code / 1000 + "." + (code % 1000) / 10;
    }

    /**
     * @return one line for {@code lindblad info}: the devices with driver and runtime versions,
     *         or {@code "not usable: <reason>"}
     */
    public String describe() {
        String versions = "driver CUDA " + version(driverVersion) + ", runtime " + version(runtimeVersion)
                + (runtimeLibrary == null ? "" : " (" + runtimeLibrary + ")");
        if (!usable()) {
            return "not usable: " + reason + (runtimeLibrary == null ? "" : "; " + versions);
        }
        StringBuilder b = new StringBuilder();
        for (GpuDevice d : devices) {
            b.append(d.describe()).append("; ");
        }
        return b.append(versions).toString();
    }
}
