package dev.lindblad.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What {@code lindblad info} reports, gathered without side effects: versions, the machine,
 * the parallel kernels' threads and measured threshold, the SIMD width and the native libraries present.
 */
final class SystemInfo {

    private SystemInfo() {
    }

    /** @return the Lindblad version the cli jar was built as, or "unknown" outside a build */
    static String lindbladVersion() {
        try (InputStream in = SystemInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            // an unfiltered resource (run from an IDE without Maven) still holds the placeholder
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The SIMD width the Vector API would use: the preferred species of
     * {@code jdk.incubator.vector.DoubleVector} when the incubator module is in the boot layer
     * (it is read reflectively, so the cli itself needs no {@code --add-modules}), otherwise a
     * note on how to enable it. The CPU's widest vector extension is added from
     * {@code /proc/cpuinfo} where that exists.
     */
    static String simd() {
        String cpu = cpuVectorExtension().map(s -> "; CPU: " + s).orElse("");
        Optional<Module> module = ModuleLayer.boot().findModule("jdk.incubator.vector");
        if (module.isPresent()) {
            try {
                Class<?> doubleVector = Class.forName("jdk.incubator.vector.DoubleVector", true, module.get().getClassLoader());
                Object species = doubleVector.getField("SPECIES_PREFERRED").get(null);
                Class<?> speciesType = Class.forName("jdk.incubator.vector.VectorSpecies", true, module.get().getClassLoader());
                int lanes = (int) speciesType.getMethod("length").invoke(species);
                int bits = (int) speciesType.getMethod("vectorBitSize").invoke(species);
                return bits + "-bit vectors, " + lanes + " doubles per vector (Vector API preferred species)" + cpu;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return "Vector API present but unreadable (" + e + ")" + cpu;
            }
        }
        if (ModuleFinder.ofSystem().find("jdk.incubator.vector").isPresent()) {
            return "Vector API not enabled (add --add-modules jdk.incubator.vector to LINDBLAD_JAVA_OPTS)" + cpu;
        }
        return "Vector API not enabled (this JDK has no jdk.incubator.vector module)" + cpu;
    }

    /** @return the widest SIMD extension the CPU lists, e.g. "AVX2 (256-bit)", where known */
    static Optional<String> cpuVectorExtension() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            Optional<String> flagsLine = lines
                    .filter(l -> l.startsWith("flags") || l.startsWith("Features"))
                    .findFirst();
            if (flagsLine.isEmpty()) {
                return Optional.empty();
            }
            Set<String> flags = Set.of(flagsLine.get().substring(flagsLine.get().indexOf(':') + 1).trim().split("\\s+"));
            if (flags.contains("avx512f")) {
                return Optional.of("AVX-512 (512-bit)");
            }
            if (flags.contains("avx2")) {
                return Optional.of("AVX2 (256-bit)");
            }
            if (flags.contains("avx")) {
                return Optional.of("AVX (256-bit)");
            }
            if (flags.contains("sve")) {
                return Optional.of("SVE");
            }
            if (flags.contains("asimd")) {
                return Optional.of("NEON (128-bit)");
            }
            if (flags.contains("sse2")) {
                return Optional.of("SSE2 (128-bit)");
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * A native library Lindblad's later backends look for, and where it was found.
     *
     * @param name     the library as people call it
     * @param location the file found, or null
     */
    record NativeLibrary(String name, Path location) {
    }

    /** File-name stems of the libraries, in the order info lists them. */
    private static final Map<String, List<String>> LIBRARIES = new java.util.LinkedHashMap<>();

    static {
        LIBRARIES.put("OpenBLAS", List.of("openblas"));
        LIBRARIES.put("Intel MKL", List.of("mkl_rt"));
        LIBRARIES.put("LAPACK", List.of("lapack"));
        LIBRARIES.put("SuiteSparse UMFPACK", List.of("umfpack"));
        LIBRARIES.put("SuiteSparse KLU", List.of("klu"));
        LIBRARIES.put("CUDA cuBLAS", List.of("cublas"));
        LIBRARIES.put("CUDA cuSPARSE", List.of("cusparse"));
    }

    /**
     * Looks for the native libraries of the planned backends (only their presence: nothing is
     * loaded). Searched: {@code java.library.path}, {@code LD_LIBRARY_PATH}, the Debian
     * multiarch directories (with OpenBLAS's {@code openblas-pthread} and
     * {@code openblas-openmp} alternatives, whose {@code libblas.so.3} is OpenBLAS), the usual
     * Red Hat, Homebrew, CUDA and oneAPI places.
     */
    static List<NativeLibrary> nativeLibraries() {
        List<Path> dirs = librarySearchPath();
        List<NativeLibrary> found = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : LIBRARIES.entrySet()) {
            Path where = null;
            for (String stem : e.getValue()) {
                where = findLibrary(stem, dirs);
                if (where != null) {
                    break;
                }
            }
            if (where == null && e.getKey().equals("OpenBLAS")) {
                for (Path d : dirs) {
                    String dir = d.getFileName() == null ? "" : d.getFileName().toString();
                    if (dir.startsWith("openblas")) {
                        Path blas = d.resolve("libblas.so.3");
                        if (Files.exists(blas)) {
                            where = blas;
                            break;
                        }
                    }
                }
            }
            found.add(new NativeLibrary(e.getKey(), where));
        }
        return found;
    }

    /**
     * @return the first file in the directories named like the library: exactly
     *         {@code System.mapLibraryName(stem)} or that name with a version suffix
     *         ({@code libopenblas.so.0}, {@code libopenblas.0.dylib})
     */
    static Path findLibrary(String stem, List<Path> dirs) {
        String mapped = System.mapLibraryName(stem);
        String prefix = mapped.substring(0, mapped.lastIndexOf('.'));
        String suffix = mapped.substring(mapped.lastIndexOf('.'));
        for (Path d : dirs) {
            Path exact = d.resolve(mapped);
            if (Files.exists(exact)) {
                return exact;
            }
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                Optional<Path> versioned = files.filter(f -> {
                    String n = f.getFileName().toString();
                    return n.startsWith(mapped + ".") || (n.startsWith(prefix + ".") && n.endsWith(suffix));
                }).sorted().findFirst();
                if (versioned.isPresent()) {
                    return versioned.get();
                }
            } catch (IOException | UncheckedIOException | SecurityException e) {
                // an unreadable directory just holds nothing we can use
            }
        }
        return null;
    }

    private static List<Path> librarySearchPath() {
        Set<String> dirs = new LinkedHashSet<>();
        for (String var : new String[] {System.getProperty("java.library.path"), System.getenv("LD_LIBRARY_PATH"),
                System.getenv("DYLD_LIBRARY_PATH")}) {
            if (var != null) {
                for (String d : var.split(java.io.File.pathSeparator)) {
                    if (!d.isBlank()) {
                        dirs.add(d);
                    }
                }
            }
        }
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String triplet = switch (arch) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            case "riscv64" -> "riscv64-linux-gnu";
            default -> arch + "-linux-gnu";
        };
        for (String d : new String[] {"/usr/lib/" + triplet, "/usr/lib/" + triplet + "/openblas-pthread",
                "/usr/lib/" + triplet + "/openblas-openmp", "/usr/lib/" + triplet + "/openblas-serial", "/lib/" + triplet,
                "/usr/lib64", "/usr/lib64/openblas", "/usr/lib", "/usr/local/lib", "/opt/homebrew/opt/openblas/lib",
                "/usr/local/opt/openblas/lib", "/opt/homebrew/lib", "/opt/OpenBLAS/lib", "/usr/local/cuda/lib64",
                "/opt/intel/oneapi/mkl/latest/lib", "/opt/intel/oneapi/mkl/latest/lib/intel64"}) {
            dirs.add(d);
        }
        return dirs.stream().map(Path::of).toList();
    }

    /**
     * @return the report {@code lindblad info} prints, one "label: value" line each
     */
    static String report() {
        StringBuilder b = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        line(b, "Lindblad", lindbladVersion());
        line(b, "Java", System.getProperty("java.runtime.version", Runtime.version().toString()) + " ("
                + System.getProperty("java.vendor", "unknown vendor") + ")");
        line(b, "Java VM", System.getProperty("java.vm.name", "?") + " " + System.getProperty("java.vm.version", ""));
        line(b, "Java home", System.getProperty("java.home", "?"));
        line(b, "OS", System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "") + " ("
                + System.getProperty("os.arch", "?") + ")");
        line(b, "Processors", rt.availableProcessors() + " available to the JVM");
        String parallel;
        try {
            parallel = dev.lindblad.parallel.Parallelism.describe();
        } catch (IllegalArgumentException e) {
            parallel = "invalid thread setting: " + e.getMessage();
        }
        boolean firstLine = true;
        for (String l : parallel.split("\n")) {
            line(b, firstLine ? "Parallel kernels" : "", l);
            firstLine = false;
        }
        line(b, "Max heap", rt.maxMemory() == Long.MAX_VALUE ? "unlimited" : (rt.maxMemory() >> 20) + " MiB");
        line(b, "SIMD", simd());
        List<NativeLibrary> libs = nativeLibraries();
        boolean first = true;
        for (NativeLibrary lib : libs) {
            String where = lib.location() == null ? "not found" : lib.location().toString();
            line(b, first ? "Libraries present" : "", String.format("%-20s %s", lib.name(), where));
            first = false;
        }
        line(b, "GPU", gpu());
        String backends;
        try {
            backends = dev.lindblad.backend.Backends.describe(true);
        } catch (RuntimeException | LinkageError e) {
            backends = "could not be described: " + e;
        }
        boolean firstBackend = true;
        for (String l : backends.split("\n")) {
            line(b, firstBackend ? "Native backends" : "", l);
            firstBackend = false;
        }
        return b.toString();
    }

    /**
     * @return the GPU line of {@code lindblad info}: the devices (name, compute capability, memory),
     *         driver and runtime versions, or exactly why no GPU is usable (module gpu)
     */
    static String gpu() {
        try {
            return dev.lindblad.gpu.Gpu.status().describe();
        } catch (RuntimeException | LinkageError e) {
            return "could not be queried: " + e;
        }
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format("%-18s %s%n", label.isEmpty() ? "" : label + ":", value));
    }
}
