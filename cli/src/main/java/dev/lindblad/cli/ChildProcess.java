package dev.lindblad.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code run} and {@code shell} need to start a child JVM tool of this same JDK with
 * Lindblad on its class path.
 */
final class ChildProcess {

    /** Environment variable with extra JVM options, split on white space, as ./lindblad does. */
    static final String JAVA_OPTS_ENVIRONMENT = "LINDBLAD_JAVA_OPTS";
    /** Environment variable by which {@code ./lindblad} names its start-up (AOT) cache. */
    static final String AOT_CACHE_ENVIRONMENT = "LINDBLAD_AOT_CACHE";

    private ChildProcess() {
    }

    /**
     * @param tool {@code java} or {@code jshell}
     * @return the tool of the JDK running this JVM, so the child sees the same Java version
     * @throws IllegalStateException if this runtime has no such tool (a JRE without jshell)
     */
    static Path jdkTool(String tool) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Path p = Path.of(System.getProperty("java.home"), "bin", windows ? tool + ".exe" : tool);
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException("this Java runtime (" + System.getProperty("java.home") + ") has no " + tool
                    + "; run lindblad with a full JDK 25 (LINDBLAD_JAVA_HOME)");
        }
        return p;
    }

    /**
     * The class path that gives a child Lindblad: this JVM's class path (the cli jar and its
     * run-time dependencies, from {@code cli/target/classpath.txt}), with the location of
     * {@code dev.lindblad.Qobj} added in case this JVM was started in another way.
     *
     * @return the entries joined with the platform's path separator
     */
    static String lindbladClassPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        try {
            var source = dev.lindblad.Qobj.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                entries.add(Path.of(source.getLocation().toURI()).toString());
            }
        } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
            // the class path above already carries Lindblad in every normal launch
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * @return the launcher's start-up cache ({@value #AOT_CACHE_ENVIRONMENT}, set by
     *         {@code ./lindblad} when it has one), when that file exists
     */
    static java.util.Optional<Path> aotCache() {
        return aotCache(System.getenv(AOT_CACHE_ENVIRONMENT));
    }

    static java.util.Optional<Path> aotCache(String variable) {
        if (variable == null || variable.isBlank()) {
            return java.util.Optional.empty();
        }
        Path p = Path.of(variable);
        return Files.isRegularFile(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
    }

    /**
     * @return the JVM options to hand on: {@value #NATIVE_ACCESS}, the launcher's start-up cache
     *         (see {@link #aotCache()}), the tokens of {@value #JAVA_OPTS_ENVIRONMENT}, and
     *         {@code -Dlindblad.threads} and {@code -Dlindblad.backend} when this JVM was given them
     */
    static List<String> inheritedJvmOptions() {
        List<String> opts = new ArrayList<>(inheritedJvmOptions(aotCache(), System.getenv(JAVA_OPTS_ENVIRONMENT),
                System.getProperty(dev.lindblad.parallel.Parallelism.PROPERTY)));
        // the native backends load libraries through FFM: without this JDK 25 prints a warning
        // (and a JVM run with --illegal-native-access=deny runs the Java kernels instead)
        opts.addFirst(NATIVE_ACCESS);
        String backend = System.getProperty(dev.lindblad.backend.Backends.PROPERTY);
        if (backend != null && opts.stream().noneMatch(o -> o.startsWith("-D" + dev.lindblad.backend.Backends.PROPERTY + "="))) {
            opts.add("-D" + dev.lindblad.backend.Backends.PROPERTY + "=" + backend);
        }
        return opts;
    }

    /** The option that lets the class path's code load native libraries without a warning. */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    static List<String> inheritedJvmOptions(java.util.Optional<Path> aotCache, String javaOpts, String threads) {
        List<String> opts = new ArrayList<>();
        aotCache.ifPresent(cache -> {
            opts.add("-XX:AOTCache=" + cache);
            opts.add("-Xlog:aot=off,cds=off");   // a cache this JVM cannot use is skipped silently
            // as in the training run (the source launcher adds it), else the cache's classes are not used
            opts.add("--add-modules");
            opts.add("ALL-DEFAULT");
        });
        if (javaOpts != null && !javaOpts.isBlank()) {
            opts.addAll(List.of(javaOpts.trim().split("\\s+")));
        }
        if (threads != null && opts.stream().noneMatch(o -> o.startsWith("-D" + dev.lindblad.parallel.Parallelism.PROPERTY + "="))) {
            opts.add("-D" + dev.lindblad.parallel.Parallelism.PROPERTY + "=" + threads);
        }
        return opts;
    }

    /**
     * Starts the command with this process's standard streams and waits for it.
     *
     * @return the child's exit status
     */
    static int runInheritingIo(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        try {
            Process p = pb.start();
            try {
                return p.waitFor();
            } catch (InterruptedException e) {
                p.destroy();
                Thread.currentThread().interrupt();
                return 130;
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }
}
