package dev.lindblad.cli;

import java.io.PrintStream;

/** {@code lindblad info}: the versions and the machine, like {@code qutip.about()}. */
final class InfoCommand implements Command {

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String summary() {
        return "print versions, processors, thread count, SIMD width and native libraries";
    }

    @Override
    public String description() {
        return """
                Like qutip.about(): the Lindblad and Java versions, the operating system, the
                processors, the number of threads Lindblad's parallel kernels use (set it with
                -Dlindblad.threads=N in LINDBLAD_JAVA_OPTS or LINDBLAD_THREADS=N), the SIMD width
                of the Vector API and the native libraries found on this machine.
                """;
    }

    @Override
    public int execute(Arguments args, PrintStream out, PrintStream err) throws UsageException {
        if (!args.positionals().isEmpty()) {
            throw new UsageException(this, "info takes no arguments, got " + args.positionals());
        }
        out.print(SystemInfo.report());
        return 0;
    }
}
