package dev.lindblad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    /** A command with one flag and one valued option; passes through after a positional if asked. */
    private record TestCommand(boolean stopsAtFirstPositional) implements Command {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public String summary() {
            return "a command for the parser tests";
        }

        @Override
        public String description() {
            return "none";
        }

        @Override
        public List<Option> options() {
            return List.of(Option.flag("quick", "a flag"), Option.valued("size", "N", "a number"));
        }

        @Override
        public int execute(Arguments args, PrintStream out, PrintStream err) {
            return 0;
        }
    }

    private static final Command PLAIN = new TestCommand(false);
    private static final Command PASS_THROUGH = new TestCommand(true);

    @Test
    void flagsValuesAndPositionalsInAnyOrder() throws UsageException {
        Arguments a = Arguments.parse(PLAIN, List.of("x", "--quick", "--size", "16", "y"));
        assertEquals(Map.of("quick", "true", "size", "16"), a.options());
        assertEquals(List.of("x", "y"), a.positionals());
        assertTrue(a.has("quick"));
        assertEquals(16, a.intOption(PLAIN, "size", 1, 1, 100));
    }

    @Test
    void valueAfterEqualsSign() throws UsageException {
        Arguments a = Arguments.parse(PLAIN, List.of("--size=64"));
        assertEquals("64", a.options().get("size"));
        assertEquals(List.of(), a.positionals());
    }

    @Test
    void shortHelpIsLongHelp() throws UsageException {
        assertTrue(Arguments.parse(PLAIN, List.of("-h")).has("help"));
        assertTrue(Arguments.parse(PLAIN, List.of("--help")).has("help"));
    }

    @Test
    void doubleDashEndsTheOptions() throws UsageException {
        Arguments a = Arguments.parse(PLAIN, List.of("--quick", "--", "--size", "-h"));
        assertEquals(Map.of("quick", "true"), a.options());
        assertEquals(List.of("--size", "-h"), a.positionals());
    }

    @Test
    void passThroughCommandsStopAtTheFirstPositional() throws UsageException {
        Arguments a = Arguments.parse(PASS_THROUGH, List.of("--quick", "Script.java", "--size", "3", "--help"));
        assertEquals(Map.of("quick", "true"), a.options());
        assertEquals(List.of("Script.java", "--size", "3", "--help"), a.positionals());
        assertFalse(a.has("help"));
    }

    @Test
    void unknownOptionIsNamed() {
        UsageException e = assertThrows(UsageException.class, () -> Arguments.parse(PLAIN, List.of("--fast")));
        assertTrue(e.getMessage().contains("--fast"), e.getMessage());
        assertEquals(PLAIN, e.command());
        UsageException shortOption = assertThrows(UsageException.class, () -> Arguments.parse(PLAIN, List.of("-q")));
        assertTrue(shortOption.getMessage().contains("-q"), shortOption.getMessage());
    }

    @Test
    void missingValueRepeatedOptionAndValueOnAFlagAreRejected() {
        UsageException missing = assertThrows(UsageException.class, () -> Arguments.parse(PLAIN, List.of("--size")));
        assertTrue(missing.getMessage().contains("needs a value"), missing.getMessage());
        UsageException twice = assertThrows(UsageException.class,
                () -> Arguments.parse(PLAIN, List.of("--size", "1", "--size=2")));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
        UsageException flagValue = assertThrows(UsageException.class, () -> Arguments.parse(PLAIN, List.of("--quick=yes")));
        assertTrue(flagValue.getMessage().contains("takes no value"), flagValue.getMessage());
    }

    @Test
    void numericOptionsAreCheckedAndDefaulted() throws UsageException {
        assertEquals(7, Arguments.parse(PLAIN, List.of()).intOption(PLAIN, "size", 7, 1, 10));
        UsageException notInt = assertThrows(UsageException.class,
                () -> Arguments.parse(PLAIN, List.of("--size", "ten")).intOption(PLAIN, "size", 7, 1, 10));
        assertTrue(notInt.getMessage().contains("'ten'"), notInt.getMessage());
        UsageException outOfRange = assertThrows(UsageException.class,
                () -> Arguments.parse(PLAIN, List.of("--size", "11")).intOption(PLAIN, "size", 7, 1, 10));
        assertTrue(outOfRange.getMessage().contains("11"), outOfRange.getMessage());
        assertEquals(0.25, Arguments.parse(PLAIN, List.of("--size=0.25")).doubleOption(PLAIN, "size", 1), 0);
        assertThrows(UsageException.class,
                () -> Arguments.parse(PLAIN, List.of("--size=NaN")).doubleOption(PLAIN, "size", 1));
    }

    @Test
    void usageListsEveryOption() {
        String usage = PLAIN.usage();
        assertTrue(usage.startsWith("Usage: lindblad test [options]"), usage);
        assertTrue(usage.contains("--quick"), usage);
        assertTrue(usage.contains("--size N"), usage);
        assertTrue(usage.contains("-h, --help"), usage);
    }
}
