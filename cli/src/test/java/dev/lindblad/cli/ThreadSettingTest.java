package dev.lindblad.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code LINDBLAD_THREADS} and {@code -Dlindblad.threads} that are not a positive integer, or
 * are above the bound, are refused with a message and a non-zero status (issue 14, item 14):
 * {@code LINDBLAD_THREADS=abc lindblad info} exited 0, and 99999 spent 75 s creating threads.
 */
class ThreadSettingTest {

    private static CliRunner.Outcome info(String variable, String property) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(CliRunner.mainCommand("info"));
        if (property != null) {
            command.add(1, "-Dlindblad.threads=" + property);
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("LINDBLAD_THREADS");
        if (variable != null) {
            pb.environment().put("LINDBLAD_THREADS", variable);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "info did not finish");
        return new CliRunner.Outcome(p.exitValue(), out, err);
    }

    @ParameterizedTest
    @CsvSource({"abc, environment variable LINDBLAD_THREADS must be a positive integer",
                "99999, the thread count 99999 is above the bound",
                "-3, must be a positive integer",
                "0, must be a positive integer"})
    void invalidEnvironmentIsRefused(String value, String message) throws IOException, InterruptedException {
        CliRunner.Outcome r = info(value, null);
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertTrue(r.err().startsWith("lindblad info: "), r.err());
    }

    @ParameterizedTest
    @CsvSource({"many, system property lindblad.threads must be a positive integer",
                "5000, the thread count 5000 is above the bound"})
    void invalidPropertyIsRefused(String value, String message) throws IOException, InterruptedException {
        CliRunner.Outcome r = info(null, value);
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
    }

    @ParameterizedTest
    @CsvSource({"1", "3"})
    void validSettingIsUsed(String value) throws IOException, InterruptedException {
        CliRunner.Outcome r = info(value, null);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("threads: " + value + " (from LINDBLAD_THREADS"), r.out());
    }
}
