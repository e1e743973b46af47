package dev.lindblad.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TaskMap.of(spec) and the default map of -Dlindblad.map (the Spark provider is tested in its module). */
class TaskMapSpecTest {

    @Test
    void builtInSpecifications() {
        assertSame(TaskMap.serial(), TaskMap.of("serial"));
        assertEquals(3, TaskMap.of("threads(3)").parallelism());
        assertEquals(2, TaskMap.of(" threads:2 ").parallelism());
        assertEquals(Parallelism.threads(), TaskMap.of("threads").parallelism());
        assertFalse(TaskMap.of("threads(2)").distributed());
    }

    @Test
    void anUnknownSpecificationSaysWhatIsUnderstood() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskMap.of("spark://h:7077"));
        assertTrue(e.getMessage().startsWith("TaskMap.of: no map for 'spark://h:7077'"), e.getMessage());
        assertTrue(e.getMessage().contains("threads(n)") && e.getMessage().contains("lindblad-spark"), e.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class, () -> TaskMap.of(null));
        assertEquals("TaskMap.of: spec is null", n.getMessage());
    }

    @Test
    void theSystemPropertyChoosesTheDefaultMap() {
        String before = System.getProperty("lindblad.map");
        try {
            System.setProperty("lindblad.map", "serial");
            assertSame(TaskMap.serial(), TaskMap.defaultMap());
            System.setProperty("lindblad.map", "threads(3)");
            assertEquals(3, TaskMap.defaultMap().parallelism());
            // parallelMap without a map takes the default
            Thread caller = Thread.currentThread();
            System.setProperty("lindblad.map", "serial");
            assertEquals(List.of(true, true), TaskMap.parallelMap(x -> Thread.currentThread() == caller, List.of(1, 2)));
        } finally {
            if (before == null) {
                System.clearProperty("lindblad.map");
            } else {
                System.setProperty("lindblad.map", before);
            }
        }
        if (System.getenv("LINDBLAD_MAP") == null) {
            assertEquals(Parallelism.threads(), TaskMap.defaultMap().parallelism());
        }
    }
}
