package dev.lindblad;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requests that cannot fit are refused before they start (issue 14, item 13), checked in a
 * forked JVM with a 256 MiB heap ({@link MemoryRefusalProbe}): mesolve storing every state,
 * a forced Liouvillian, an open-system propagator, expm, eigenstates, steadystate and mcsolve
 * storing states, each several times larger than the heap. Each must end in
 * {@link InsufficientMemoryException} naming the operation, the bytes and the way out, not in
 * an {@link OutOfMemoryError}.
 */
class MemoryRefusalTest {

    @Test
    void requestsLargerThanTheHeapAreRefusedWithTheWayOut() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", classpath,
                MemoryRefusalProbe.class.getName());
        pb.redirectErrorStream(true);
        pb.environment().put("LINDBLAD_CACHE", "off");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the probe did not finish");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("REFUSED") || l.startsWith("NOT-REFUSED")).toList();
        assertEquals(7, lines.size(), out);
        for (String l : lines) {
            assertTrue(l.startsWith("REFUSED "), l);
            String name = l.split(" ")[1];
            String operation = name.split("-")[0];
            assertTrue(l.contains(operation + ": needs about "), l);
            assertTrue(l.contains("but the heap can give only"), l);
            assertTrue(l.contains("-Xmx through LINDBLAD_JAVA_OPTS"), l);
            assertTrue(l.contains("Way out: "), l);
        }
        assertTrue(out.contains("withStoreStates(false)"), out);
        assertTrue(out.contains("withRhs(\"products\")"), out);
    }
}
