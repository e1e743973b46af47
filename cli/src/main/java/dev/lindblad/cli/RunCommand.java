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
                """;
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
        return ChildProcess.runInheritingIo(command(script, args.positionals().subList(1, args.positionals().size())));
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
