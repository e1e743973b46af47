package dev.lindblad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts {@code lindblad run} as a child JVM, which starts the script's JVM in turn. */
class RunCommandTest {

    @TempDir
    Path dir;

    /**
     * A compact source file that computes with Lindblad: tr(qeye(3)) = 3 and the expectation
     * of sigma_z in basis(2,0) = +1 (QuTiP's convention), and echoes its arguments.
     */
    private static final String SCRIPT = """
            import static dev.lindblad.Lindblad.*;

            void main(String[] args) {
                IO.println("trace=" + qeye(3).tr().re());
                IO.println("sz=" + expect(sigmaz(), basis(2, 0)));
                IO.println("args=" + String.join(",", args));
            }
            """;

    @Test
    void runsAScriptWithLindbladOnTheClassPath() throws Exception {
        Path file = dir.resolve("Trace.java");
        Files.writeString(file, SCRIPT);
        CliRunner.Outcome r = CliRunner.process(CliRunner.mainCommand("run", file.toString(), "one", "--two"), null, dir);
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("trace=3.0", "sz=1.0", "args=one,--two"), r.out().lines().toList(), r.err());
    }

    @Test
    void compilerErrorsAreReportedAndTheStatusIsTheChilds() throws Exception {
        Path bad = dir.resolve("Bad.java");
        Files.writeString(bad, "void main() { int x = \"not a number\"; }\n");
        CliRunner.Outcome r = CliRunner.process(CliRunner.mainCommand("run", bad.toString()), null, dir);
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("Bad.java:1: error: incompatible types"), r.err());

        Path exits = dir.resolve("Exits.java");
        Files.writeString(exits, "void main() { System.exit(7); }\n");
        assertEquals(7, CliRunner.process(CliRunner.mainCommand("run", exits.toString()), null, dir).status());
    }

    @Test
    void missingFileOrWrongNameIsAUsageError() throws Exception {
        CliRunner.Outcome missing = CliRunner.inProcess("run", dir.resolve("Nowhere.java").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no such file") && missing.err().contains("Nowhere.java"), missing.err());
        Path txt = Files.writeString(dir.resolve("notes.txt"), "hello");
        CliRunner.Outcome wrongName = CliRunner.inProcess("run", txt.toString());
        assertEquals(2, wrongName.status());
        assertTrue(wrongName.err().contains("notes.txt"), wrongName.err());
        assertEquals(2, CliRunner.inProcess("run").status());
    }

    /** Prints the default map the script's JVM got, and a parallelMap computed on it. */
    private static final String MAP_SCRIPT = """
            import static dev.lindblad.Lindblad.*;
            import java.io.Serializable;
            import java.util.List;
            import java.util.function.Function;

            void main() {
                IO.println("map=" + dev.lindblad.parallel.TaskMap.defaultMap().getClass().getSimpleName());
                IO.println("squares=" + parallelMap((Function<Integer, Integer> & Serializable) x -> x * x, List.of(1, 2, 3)));
            }
            """;

    @Test
    void mapOptionGivesTheScriptASparkMapAndShipsItsClasses() throws Exception {
        Path file = dir.resolve("OnSpark.java");
        Files.writeString(file, MAP_SCRIPT);
        CliRunner.Outcome r = CliRunner.process(CliRunner.mainCommand("run", "--map", "local[1]", file.toString()), null,
                dir);
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().filter(l -> l.startsWith("map=") || l.startsWith("squares=")).toList();
        assertEquals(List.of("map=SparkTaskMap", "squares=[1, 4, 9]"), lines, r.out() + r.err());
    }

    @Test
    void mapOptionForThreadsNeedsNoCompilation() {
        List<String> c = RunCommand.clusterCommand("pkg.Main", dir, "spark://h:7077", List.of("x"));
        assertTrue(c.contains("-Dlindblad.map=spark://h:7077"), c.toString());
        assertTrue(c.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"), c.toString());
        assertTrue(c.get(c.indexOf("-cp") + 1).endsWith(dir.toString()), "the script's classes come last");
        assertEquals(List.of("pkg.Main", "x"), c.subList(c.size() - 2, c.size()));
        assertEquals("a.b.S", RunCommand.mainClass(Path.of("S.java"), "// x\npackage a.b;\nclass S {}"));
        assertEquals("S", RunCommand.mainClass(Path.of("S.java"), "void main() {}"));
        assertTrue(RunCommand.isSparkMap("spark://h:7077") && RunCommand.isSparkMap("local[2]"));
        assertTrue(!RunCommand.isSparkMap("threads(2)") && !RunCommand.isSparkMap("serial"));
    }

    @Test
    void childCommandUsesThisJdkAndPassesArgumentsThrough() {
        List<String> c = RunCommand.command(Path.of("S.java"), List.of("a", "-b"));
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), c.get(0));
        int cp = c.indexOf("-cp");
        assertTrue(cp > 0, c.toString());
        assertTrue(c.get(cp + 1).contains("lindblad-core") || c.get(cp + 1).contains("core"), c.get(cp + 1));
        assertEquals(List.of("S.java", "a", "-b"), c.subList(cp + 2, c.size()));
    }

    @Test
    void childrenGetTheLaunchersStartUpCacheWithTheModuleOptionItWasTrainedWith() throws Exception {
        Path cache = Files.writeString(dir.resolve("lindblad.aot"), "not really a cache");
        assertEquals(java.util.Optional.of(cache), ChildProcess.aotCache(cache.toString()));
        assertTrue(ChildProcess.aotCache(dir.resolve("missing.aot").toString()).isEmpty(), "a missing file is ignored");
        assertTrue(ChildProcess.aotCache(null).isEmpty());
        assertEquals(List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off,cds=off", "--add-modules", "ALL-DEFAULT",
                        "-Xmx2g", "-Dlindblad.threads=3"),
                ChildProcess.inheritedJvmOptions(java.util.Optional.of(cache), " -Xmx2g ", "3"));
        assertEquals(List.of("-Dlindblad.threads=1"),
                ChildProcess.inheritedJvmOptions(java.util.Optional.empty(), "-Dlindblad.threads=1", "3"),
                "the user's own thread option wins");
    }
}
