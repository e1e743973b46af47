package dev.lindblad.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lindblad run Script.java [args...]}: runs a single-file program with Lindblad on the
 * class path, in the JDK's source-file mode ({@code java -cp <lindblad> Script.java args}).
 */
final class RunCommand implements Command {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run a single-file Java program with Lindblad on the class path";
    }

    @Override
    public String positionalSynopsis() {
        return "Script.java [args...]";
    }

    @Override
    public String description() {
        return """
                Compiles and runs Script.java in the JDK's source-file mode, with Lindblad on the
                class path, so the file can be a compact source file:

                    import static dev.lindblad.Lindblad.*;

                    void main() {
                        IO.println(qeye(3).tr());
                    }

                Arguments after the file go to the program. Compiler errors and exceptions are
                reported by the java launcher as usual, and its exit status is lindblad's.
                JVM options: LINDBLAD_JAVA_OPTS (or JDK_JAVA_OPTIONS), e.g. "-Xmx16g".

                --map SPEC runs mcsolve's trajectories and parallelMap on another task map
                without code changes (it sets -Dlindblad.map=SPEC): serial, threads(n), or a
                Spark master: spark://host:7077, local[4], yarn, k8s://https://host:443.
                With a Spark master the script is compiled into a class directory first, and
                that directory and Lindblad's jars are shipped to the executors; the
                functions that travel (time-dependent coefficients, parallelMap's function)
                must be serialisable lambdas, e.g. (DoubleUnaryOperator & Serializable) t -> ...
                """;
    }

    @Override
    public java.util.List<Option> options() {
        return java.util.List.of(Option.valued("map", "SPEC",
                "the default task map (sets -Dlindblad.map): serial, threads(n), spark://host:7077, local[n], yarn, k8s://..."));
    }

    /**
     * The JVM options Spark's own launcher adds on recent JDKs
     * ({@code org.apache.spark.launcher.JavaModuleOptions}, less {@code sun.security.action}, gone
     * from JDK 25); the same list as {@code spark.opens} in {@code spark/pom.xml}.
     */
    static final List<String> SPARK_JVM_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true", "--sun-misc-unsafe-memory-access=allow");

    /** @return whether a map specification names a Spark master (and so needs Spark's JVM options) */
    static boolean isSparkMap(String spec) {
        return !spec.equals("serial") && !spec.startsWith("threads");
    }

    @Override
    public boolean stopsAtFirstPositional() {
        return true;
    }

    @Override
    public int execute(Arguments args, PrintStream out, PrintStream err) throws UsageException {
        if (args.positionals().isEmpty()) {
            throw new UsageException(this, "run needs a source file, e.g. 'lindblad run Rabi.java'");
        }
        Path script = Path.of(args.positionals().get(0));
        if (!Files.isRegularFile(script)) {
            throw new UsageException(this, "no such file: " + script.toAbsolutePath());
        }
        if (!script.getFileName().toString().endsWith(".java")) {
            throw new UsageException(this, "source-file mode needs a name ending in .java, got " + script.getFileName());
        }
        out.flush();
        err.flush();
        List<String> scriptArgs = args.positionals().subList(1, args.positionals().size());
        String map = args.options().get("map");
        if (map == null && System.getenv("LINDBLAD_MAP") != null && !System.getenv("LINDBLAD_MAP").isBlank()) {
            map = System.getenv("LINDBLAD_MAP").strip();   // the same as --map, so a cluster gets the script's classes
        }
        if (map == null) {
            return ChildProcess.runInheritingIo(command(script, scriptArgs));
        }
        if (map.isBlank()) {
            throw new UsageException(this, "--map needs a value, e.g. --map spark://host:7077 or --map local[4]");
        }
        if (!isSparkMap(map)) {
            List<String> c = command(script, scriptArgs);
            c.add(c.indexOf("-cp"), "-Dlindblad.map=" + map);
            return ChildProcess.runInheritingIo(c);
        }
        // a cluster's executors load the script's classes: compile them into a directory that
        // SparkTaskMap.connect packs and ships (the source launcher keeps them in memory)
        Path classes;
        try {
            classes = Files.createTempDirectory("lindblad-run-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("run: cannot create a directory for the script's classes: " + e, e);
        }
        int compiled = ChildProcess.runInheritingIo(compileCommand(script, classes));
        if (compiled != 0) {
            return compiled;
        }
        String source;
        try {
            source = Files.readString(script);
        } catch (java.io.IOException e) {
            throw new UsageException(this, "cannot read " + script + ": " + e.getMessage());
        }
        return ChildProcess.runInheritingIo(clusterCommand(mainClass(script, source), classes, map, scriptArgs));
    }

    /** @return {@code javac -d classes -cp <lindblad> script} */
    static List<String> compileCommand(Path script, Path classes) {
        return new ArrayList<>(List.of(ChildProcess.jdkTool("javac").toString(), "-proc:none", "-d", classes.toString(),
                "-cp", ChildProcess.lindbladClassPath(), script.toString()));
    }

    /**
     * @return {@code java [options] [Spark's options] -Dlindblad.map=SPEC -cp <lindblad>:classes Main args}
     *         (the class directory last, so the launcher's start-up cache still applies)
     */
    static List<String> clusterCommand(String mainClass, Path classes, String map, List<String> scriptArgs) {
        List<String> c = new ArrayList<>();
        c.add(ChildProcess.jdkTool("java").toString());
        c.addAll(ChildProcess.inheritedJvmOptions());
        c.addAll(SPARK_JVM_OPTIONS);
        c.add("-Dlindblad.map=" + map);
        c.add("-cp");
        c.add(ChildProcess.lindbladClassPath() + java.io.File.pathSeparator + classes);
        c.add(mainClass);
        c.addAll(scriptArgs);
        return c;
    }

    /** @return the class javac makes of a single-file program: the file's name, in its package */
    static String mainClass(Path script, String source) {
        String name = script.getFileName().toString().replaceFirst("\\.java$", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(source);
        return m.find() ? m.group(1) + "." + name : name;
    }

    /**
     * @return {@code java [inherited options] -cp <lindblad> script args...}, the child's
     *         command line
     */
    static List<String> command(Path script, List<String> scriptArgs) {
        List<String> c = new ArrayList<>();
        c.add(ChildProcess.jdkTool("java").toString());
        c.addAll(ChildProcess.inheritedJvmOptions());
        c.add("-cp");
        c.add(ChildProcess.lindbladClassPath());
        c.add(script.toString());
        c.addAll(scriptArgs);
        return c;
    }
}
