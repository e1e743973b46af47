package dev.lindblad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void unknownCommandPrintsUsageOnStderrAndExitsWithTwo() {
        CliRunner.Outcome r = CliRunner.inProcess("frobnicate", "--now");
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().contains("unknown command 'frobnicate'"), r.err());
        assertTrue(r.err().contains("Usage: lindblad COMMAND"), r.err());
    }

    @Test
    void noCommandIsAUsageError() {
        CliRunner.Outcome r = CliRunner.inProcess();
        assertEquals(2, r.status());
        assertTrue(r.err().contains("Commands:"), r.err());
    }

    @Test
    void helpListsEveryCommandOnStdout() {
        CliRunner.Outcome r = CliRunner.inProcess("--help");
        assertEquals(0, r.status());
        for (String c : new String[] {"info", "demo", "run", "shell", "bench"}) {
            assertTrue(Pattern.compile("(?m)^  " + c + " ").matcher(r.out()).find(), c + " missing in\n" + r.out());
        }
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        for (String c : new String[] {"info", "demo", "run", "shell", "bench"}) {
            CliRunner.Outcome r = CliRunner.inProcess(c, "--help");
            assertEquals(0, r.status(), c);
            assertTrue(r.out().startsWith("Usage: lindblad " + c), r.out());
            CliRunner.Outcome viaHelp = CliRunner.inProcess("help", c);
            assertEquals(r.out(), viaHelp.out());
        }
    }

    @Test
    void badOptionOfACommandShowsThatCommandsUsage() {
        CliRunner.Outcome r = CliRunner.inProcess("demo", "--cavity", "many");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--cavity needs an integer, got 'many'"), r.err());
        assertTrue(r.err().contains("Usage: lindblad demo"), r.err());
    }

    @Test
    void infoReportsTheJdkVersionAndTheThreadCount() {
        CliRunner.Outcome r = CliRunner.inProcess("info");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains(System.getProperty("java.runtime.version")), r.out());
        assertTrue(r.out().contains(System.getProperty("java.vendor")), r.out());
        Matcher threads = Pattern.compile("(?m)^Parallel kernels:\\s+threads: (\\d+) ").matcher(r.out());
        assertTrue(threads.find(), r.out());
        assertEquals(dev.lindblad.parallel.Parallelism.threads(), Integer.parseInt(threads.group(1)));
        assertTrue(r.out().contains("kernel threshold:"), r.out());
        Matcher cores = Pattern.compile("(?m)^Processors:\\s+(\\d+) ").matcher(r.out());
        assertTrue(cores.find(), r.out());
        assertEquals(Runtime.getRuntime().availableProcessors(), Integer.parseInt(cores.group(1)));
        assertTrue(r.out().contains("SIMD:"), r.out());
        assertTrue(r.out().contains("OpenBLAS"), r.out());
    }
}
