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
     * @return the JVM options to hand on: the tokens of {@value #JAVA_OPTS_ENVIRONMENT}, and
     *         {@code -Dlindblad.threads} when this JVM was given it
     */
    static List<String> inheritedJvmOptions() {
        List<String> opts = new ArrayList<>();
        String env = System.getenv(JAVA_OPTS_ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            opts.addAll(List.of(env.trim().split("\\s+")));
        }
        String threads = System.getProperty(dev.lindblad.parallel.Parallelism.PROPERTY);
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
