package dev.lindblad.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code lindblad} command: {@code info}, {@code run Script.java}, {@code shell},
 * {@code demo}, {@code bench}. The {@code ./lindblad} script at the repository root builds the
 * jars and starts this class.
 *
 * <p>Exit status: 0 on success, 2 for a command line that cannot be understood (the usage is
 * printed on stderr), the child's status for {@code run} and {@code shell}, 1 for other
 * failures.
 */
public final class Main {

    /** Exit status for a command line that cannot be understood. */
    static final int USAGE_ERROR = 2;

    private static final List<Command> COMMANDS = List.of(
            new InfoCommand(), new DemoCommand(), new RunCommand(), new ShellCommand(), new BenchCommand());

    private Main() {
    }

    /**
     * Runs the command line and exits the JVM with its status.
     *
     * @param args the command and its arguments
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs a command line without exiting, for tests and embedding.
     *
     * @param args the command and its arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(usage());
            return USAGE_ERROR;
        }
        String name = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (name.equals("--help") || name.equals("-h")) {
            out.print(usage());
            return 0;
        }
        if (name.equals("help")) {
            if (rest.isEmpty()) {
                out.print(usage());
                return 0;
            }
            Command c = find(rest.get(0));
            if (c == null) {
                return usageError(null, "unknown command '" + rest.get(0) + "'", err);
            }
            out.print(c.usage());
            return 0;
        }
        if (name.equals("--version")) {
            out.println("Lindblad " + SystemInfo.lindbladVersion());
            return 0;
        }
        Command command = find(name);
        if (command == null) {
            return usageError(null, "unknown command '" + name + "'", err);
        }
        try {
            Arguments parsed = Arguments.parse(command, rest);
            if (parsed.has(Command.HELP.name())) {
                out.print(command.usage());
                return 0;
            }
            String threads = threadSettingError();
            if (threads != null) {
                err.println("lindblad " + name + ": " + threads);
                return 1;
            }
            return command.execute(parsed, out, err);
        } catch (UsageException e) {
            return usageError(e.command(), e.getMessage(), err);
        } catch (RuntimeException e) {
            // A bug or an error of the library: say which command failed and show the trace,
            // since a physicist reporting it will paste this output.
            err.println("lindblad " + name + ": " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /**
     * @return why LINDBLAD_THREADS or -Dlindblad.threads cannot be used (not a number, not
     *         positive, above {@link dev.lindblad.parallel.Parallelism#maxThreads()}), or null
     *         when it can: refused before any command runs, with status 1, rather than failing
     *         deep inside a kernel (or creating 99 999 threads)
     */
    static String threadSettingError() {
        try {
            dev.lindblad.parallel.Parallelism.threads();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static int usageError(Command command, String message, PrintStream err) {
        err.println("lindblad: " + message);
        err.println();
        err.print(command == null ? usage() : command.usage());
        return USAGE_ERROR;
    }

    /** @return the command of that name, or null */
    static Command find(String name) {
        for (Command c : COMMANDS) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** @return the top-level usage with the list of commands */
    static String usage() {
        StringBuilder b = new StringBuilder();
        b.append("Usage: lindblad COMMAND [options] [arguments]\n\n");
        b.append("Lindblad: quantum dynamics for the JVM, with QuTiP's names and conventions.\n\nCommands:\n");
        for (Command c : COMMANDS) {
            b.append(String.format("  %-7s %s%n", c.name(), c.summary()));
        }
        b.append("\n'lindblad COMMAND --help' describes a command; 'lindblad --version' prints the version.\n");
        return b.toString();
    }
}
