package dev.lindblad.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the cli in this JVM or in a child JVM and captures what it prints. */
final class CliRunner {

    /**
     * @param status the exit status
     * @param out    standard output
     * @param err    standard error
     */
    record Outcome(int status, String out, String err) {
    }

    private CliRunner() {
    }

    /** @return the outcome of {@code Main.run(args)} in this JVM */
    static Outcome inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, o, e);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * @return the outcome of a child process, with stdin closed, killed after two minutes
     */
    static Outcome process(List<String> command, String stdin, Path workingDirectory) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (workingDirectory != null) {
            pb.directory(workingDirectory.toFile());
        }
        Process p = pb.start();
        // read both streams on their own threads: a child that fills one pipe would block
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread o = Thread.ofVirtual().start(() -> copy(p.getInputStream(), out));
        Thread e = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("child did not finish in two minutes: " + command);
        }
        o.join();
        e.join();
        return new Outcome(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** @return {@code java -cp <this class path> dev.lindblad.cli.Main args...} */
    static List<String> mainCommand(String... args) {
        List<String> c = new ArrayList<>();
        c.add(ChildProcess.jdkTool("java").toString());
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(Main.class.getName());
        c.addAll(List.of(args));
        return c;
    }

    private static void copy(java.io.InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
