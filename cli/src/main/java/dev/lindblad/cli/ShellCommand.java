package dev.lindblad.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lindblad shell}: JShell with Lindblad on the class path and its names imported, the
 * Java counterpart of {@code python -i -c "from qutip import *"}.
 */
final class ShellCommand implements Command {

    @Override
    public String name() {
        return "shell";
    }

    @Override
    public String summary() {
        return "start JShell with Lindblad imported";
    }

    @Override
    public String positionalSynopsis() {
        return "[jshell arguments...]";
    }

    @Override
    public String description() {
        return """
                Starts jshell from the same JDK with Lindblad on the class path, JShell's default
                imports, and 'import dev.lindblad.*;' plus 'import static dev.lindblad.Lindblad.*;',
                so that

                    jshell> tensor(destroy(5), qeye(2)).dims()

                works at once. Further arguments go to jshell (e.g. a file of snippets to load).
                """;
    }

    @Override
    public boolean stopsAtFirstPositional() {
        return true;
    }

    @Override
    public int execute(Arguments args, PrintStream out, PrintStream err) {
        Path startup = writeStartup();
        try {
            out.flush();
            err.flush();
            return ChildProcess.runInheritingIo(command(startup, args.positionals()));
        } finally {
            try {
                Files.deleteIfExists(startup);
            } catch (IOException e) {
                // a stray temp file of a few bytes is not worth failing the session for
            }
        }
    }

    /** @return the snippets run at JShell start: the Lindblad imports */
    static String startupSnippets() {
        return """
                import dev.lindblad.*;
                import static dev.lindblad.Lindblad.*;
                """;
    }

    private static Path writeStartup() {
        try {
            Path f = Files.createTempFile("lindblad-jshell-", ".jsh");
            Files.writeString(f, startupSnippets());
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the JShell start-up file", e);
        }
    }

    /**
     * @return {@code jshell --class-path <lindblad> --startup DEFAULT --startup <file>} with the
     *         inherited JVM options for the JShell engine ({@code -R}) and the user's arguments
     */
    static List<String> command(Path startup, List<String> jshellArgs) {
        List<String> c = new ArrayList<>();
        c.add(ChildProcess.jdkTool("jshell").toString());
        for (String opt : ChildProcess.inheritedJvmOptions()) {
            c.add("-R" + opt);
        }
        c.add("--class-path");
        c.add(ChildProcess.lindbladClassPath());
        c.add("--startup");
        c.add("DEFAULT");
        c.add("--startup");
        c.add(startup.toString());
        c.addAll(jshellArgs);
        return c;
    }
}
