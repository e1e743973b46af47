package dev.lindblad.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lindblad bench}: for now it describes the benchmarks and how to run the JMH module;
 * the side-by-side run against QuTiP ({@code bench --quick}, {@code bench spmv}) arrives with
 * a later issue, and its arguments are already parsed into a {@link Plan}.
 */
final class BenchCommand implements Command {

    /** Kernel names the benchmarks cover, in the order they are run. */
    static final List<String> KERNELS = List.of("spmv", "spmm", "expect", "ptrace", "kron", "eigen", "expm");

    /**
     * What a benchmark run is asked to do.
     *
     * @param quick   the few-seconds variant (small sizes, short iterations)
     * @param kernels the kernels to run, every one when the command line names none
     */
    record Plan(boolean quick, List<String> kernels) {
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "benchmarks (JMH now; the side-by-side run against QuTiP later)";
    }

    @Override
    public String positionalSynopsis() {
        return "[kernel...]";
    }

    @Override
    public String description() {
        return """
                The JMH micro-benchmarks live in the bench module:

                    ./mvnw -q -B -DskipTests -pl bench -am package
                    java -jar bench/target/benchmarks.jar                  # everything (long)
                    java -jar bench/target/benchmarks.jar Expect -p size=256 -f 1 -wi 2 -i 3

                Kernels: %s. Results are in docs/benchmarks.md.
                'lindblad bench [--quick] [kernel...]' will run the same kernels next to QuTiP
                and print both timings; that comparison is not written yet.
                """.formatted(String.join(", ", KERNELS));
    }

    @Override
    public List<Option> options() {
        return List.of(Option.flag("quick", "small sizes and short iterations (seconds, not minutes)"));
    }

    @Override
    public int execute(Arguments args, PrintStream out, PrintStream err) throws UsageException {
        Plan plan = plan(args);
        out.println("lindblad bench: the side-by-side comparison with QuTiP is not implemented yet.");
        out.println("Asked for: " + (plan.quick() ? "quick run of " : "full run of ") + String.join(", ", plan.kernels()));
        out.println();
        out.print(description().strip().lines().limit(6).reduce("", (x, y) -> x + y + "\n"));
        return 0;
    }

    /**
     * @return the plan the arguments ask for
     * @throws UsageException for a kernel name that is not in {@link #KERNELS}
     */
    Plan plan(Arguments args) throws UsageException {
        List<String> kernels = new ArrayList<>();
        for (String k : args.positionals()) {
            if (!KERNELS.contains(k)) {
                throw new UsageException(this, "unknown kernel '" + k + "'; kernels are " + String.join(", ", KERNELS));
            }
            if (!kernels.contains(k)) {
                kernels.add(k);
            }
        }
        return new Plan(args.has("quick"), kernels.isEmpty() ? KERNELS : List.copyOf(kernels));
    }
}
