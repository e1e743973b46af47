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
        return "print versions, processors, thread count, SIMD width, native libraries and backends";
    }

    @Override
    public String description() {
        return """
                Like qutip.about(): the Lindblad and Java versions, the operating system, the
                processors, the number of threads Lindblad's parallel kernels use (set it with
                -Dlindblad.threads=N in LINDBLAD_JAVA_OPTS or LINDBLAD_THREADS=N), the SIMD width
                of the Vector API, the native libraries present and the native backends:
                each library loaded (path, version) or why not, and for each kernel the size
                from which it runs natively, with the Java and native times it was measured from
                (measured once per machine and cached; -Dlindblad.backend or LINDBLAD_BACKEND =
                auto|java|native|mkl|openblas|klu forces a choice).
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
