package dev.lindblad.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code lindblad bench}: the side-by-side run of Lindblad and QuTiP on the same problems
 * ({@link BenchProblems}), or with {@code grad} the GRAPE gradient at several thread counts
 * ({@link ControlBench#threadScaling}), or with {@code traj} the trajectory solvers at several
 * thread counts ({@link TrajectoryBench#threadScaling}), or with {@code spmv} the kernel
 * bandwidth benchmark ({@link dev.lindblad.parallel.SpmvBenchmark}).
 *
 * <p>Each row runs in fresh processes, alternating the sides ({@link SideBySide}: Lindblad,
 * QuTiP 4.7 and, with {@code --python5}, QuTiP 5); the
 * table goes to the terminal and to {@code bench/results/<date>.md} and {@code .csv} (with
 * {@code --quick}: {@code <date>-quick.*}), with one plot of warm time against size per
 * problem ({@code <date>-<problem>.png}).
 *
 * <p>Exit status 1 when the Lindblad side of a row failed (not for a time-out, a QuTiP failure
 * or values that disagree: those are reported in the table), so that CI notices a benchmark that
 * no longer runs.
 */
final class BenchCommand implements Command {

    /** Default timed warm repetitions per side and row (the issue asks for at least 5). */
    static final int DEFAULT_REPS = 5;
    /** Default longest run of one child process, in seconds. */
    static final int DEFAULT_TIMEOUT = 900;

    /**
     * What a benchmark run is asked to do.
     *
     * @param spmv     run a named benchmark instead: the kernel benchmark with these arguments
     *                 (thread counts), or, when the list starts with {@code grad}, the GRAPE
     *                 gradient's thread scaling ({@link ControlBench#threadScaling}) with the rest
     * @param specs    the rows, when not spmv
     * @param quick    the quick subset
     * @param reps     timed repetitions per side
     * @param python   the Python interpreter for QuTiP, or null with {@code --no-qutip}
     * @param python5  the second peer's interpreter (QuTiP 5: {@code --python5}, else
     *                 {@code $LINDBLAD_QUTIP5_PYTHON}), or null for a run with one peer
     * @param out      where the results go
     * @param timeout  the longest a child may run, seconds
     */
    record Plan(List<String> spmv, List<SideBySide.Spec> specs, boolean quick, int reps, String python, Path out,
                int timeout, String only, String python5) {
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "Lindblad next to QuTiP 4.7 (and QuTiP 5) on the same problems (--quick: a small subset); 'bench spmv|grad|traj': named benchmarks";
    }

    @Override
    public String positionalSynopsis() {
        return "[spmv|grad|traj [threads...]]";
    }

    @Override
    public String description() {
        return """
                Runs each problem in Lindblad and, when Python can import QuTiP (Debian:
                apt-get install python3-qutip), in QuTiP through bench/qutip_peer.py, alternating
                the two: per row a fresh JVM and a fresh Python each make one cold call, then a
                JVM and a Python make an untimed warm-up and the timed repetitions (median shown).
                Checks that both give the same final value (1e-4). Problems (size):
                  nho-mesolve (levels 20, 50, 100), nho-mcsolve (100 trajectories; 20, 50, 100),
                  ising-mesolve (spins 2..8), nho-steadystate (50, 100, 200, 400; with memory),
                  ptrace, expect, spmm (dimension 50..1000), wigner (10..100, 101 x 101 grid),
                  grape-cnot (GRAPE to 1e-10; slices 100, 400), grape-grad-3q (one gradient;
                  1000 slices), grape-grad-open2q (200 slices).
                  fmo-heom (HEOM of the FMO complex, 7 sites and baths; depth 4, 5; build included).
                  jc-brmesolve (Bloch-Redfield, Jaynes-Cummings with an Ohmic bath; levels 10, 20;
                  tensor build included).
                  cavity-correlation2op2t (<a^dag(t+tau) a(t)> of a driven cavity on a 200 x 200
                  grid; levels 20).
                  nho-ssesolve, nho-smesolve (homodyne nho, 100 trajectories, platen, dt 1e-3,
                  t in [0, 2]; levels 50).
                --quick: nho-mesolve 20, ising 4, steadystate 50, ptrace and expect at 50 and 100.
                --python5 PATH (or $LINDBLAD_QUTIP5_PYTHON): a second peer, QuTiP 5, run after
                QuTiP 4.7 in every row; mcsolve, ssesolve and smesolve run in it twice, with
                options={"map": "serial"} and {"map": "parallel"}, the faster counting. The
                ratios are then against the faster QuTiP of the row (column 'x vs'); rows a peer
                cannot run (qtrl's GRAPE rows in QuTiP 5) say why.
                Writes <date>.md, <date>.csv and <date>-<problem>.png into --out
                (default bench/results). 'lindblad bench spmv [threads...]' runs the sparse
                matrix-vector bandwidth benchmark of the parallel kernels instead; 'lindblad bench
                grad [threads...]' times the GRAPE gradients at each thread count (default 1 2),
                alternating the counts in one process; 'lindblad bench traj [threads...]' times
                mcsolve, ssesolve and smesolve with 500 trajectories (nho, 50 levels) on
                TaskMap.threads(n) at each count (default 1 2), alternating the counts round by
                round, and prints the median wall time, the speed-up and the parallel efficiency
                T1 / (n Tn) ('lindblad bench --reps N traj': N rounds, default 5).
                """;
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.flag("quick", "the small subset (under 3 minutes)"),
                Option.valued("only", "P[:SIZE][,...]", "only these problems (or problem:size rows): " + String.join(", ", BenchProblems.NAMES)),
                Option.valued("reps", "N", "timed warm repetitions per side (default " + DEFAULT_REPS + ")"),
                Option.valued("out", "DIR", "where the results go (default bench/results)"),
                Option.valued("python", "PATH", "the Python with QuTiP (default $LINDBLAD_QUTIP_PYTHON, /usr/bin/python3, python3)"),
                Option.valued("python5", "PATH", "a second peer, a Python with QuTiP 5 (default $" + SideBySide.PYTHON5_ENVIRONMENT
                        + "; none when unset): its columns join the table, ratios against the faster QuTiP"),
                Option.flag("no-qutip", "run Lindblad only"),
                Option.valued("timeout", "S", "the longest one child process may run (default " + DEFAULT_TIMEOUT + " s)"));
    }

    @Override
    public boolean stopsAtFirstPositional() {
        return true;
    }

    @Override
    public int execute(Arguments args, PrintStream out, PrintStream err) throws UsageException {
        Plan plan = plan(args);
        if (plan.spmv() != null) {
            if (!plan.spmv().isEmpty() && plan.spmv().get(0).equals("traj")) {
                int[] threads = plan.spmv().subList(1, plan.spmv().size()).stream().mapToInt(Integer::parseInt).toArray();
                TrajectoryBench.Setup issue = TrajectoryBench.Setup.issue(threads.length == 0 ? new int[] {1, 2} : threads);
                // --reps sets the timed rounds (default 5)
                TrajectoryBench.threadScaling(new TrajectoryBench.Setup(issue.threads(), issue.levels(), issue.ntraj(),
                        plan.reps() > 0 ? plan.reps() : issue.rounds(), issue.warmupNanos()), out);
                return 0;
            }
            if (!plan.spmv().isEmpty() && plan.spmv().get(0).equals("grad")) {
                int[] threads = plan.spmv().subList(1, plan.spmv().size()).stream().mapToInt(Integer::parseInt).toArray();
                ControlBench.threadScaling(threads.length == 0 ? new int[] {1, 2} : threads, 15, 3, out);
                return 0;
            }
            dev.lindblad.parallel.SpmvBenchmark.main(plan.spmv().toArray(String[]::new));
            return 0;
        }
        Path home = home();
        Path peer = home.resolve("bench").resolve("qutip_peer.py");
        String pythonNote = null;
        String python = plan.python();
        if (python == null) {
            pythonNote = "QuTiP not run (--no-qutip)";
        } else if (!Files.isRegularFile(peer)) {
            pythonNote = "QuTiP not run (no " + peer + ")";
            python = null;
        } else {
            pythonNote = SideBySide.qutipProblem(python);
            if (pythonNote != null) {
                python = null;
            }
        }
        String python5 = plan.python5();
        String python5Note = null;
        if (python5 != null) {
            python5Note = !Files.isRegularFile(peer) ? "QuTiP 5 not run (no " + peer + ")" : SideBySide.qutip5Problem(python5);
            if (python5Note != null) {
                python5 = null;
                out.println("lindblad bench: " + python5Note);
            }
        }
        if (pythonNote != null) {
            out.println("lindblad bench: " + pythonNote + (python5 == null ? "; Lindblad only" : ""));
        }
        double loadBefore = load();
        long t0 = System.nanoTime();
        List<BenchRow> rows = SideBySide.run(new SideBySide.Setup(plan.specs(), plan.reps(), python, pythonNote, peer,
                plan.timeout(), python5, python5Note), out);
        double minutes = (System.nanoTime() - t0) / 60e9;
        double loadAfter = load();
        out.println();
        out.print(BenchReport.table(rows));
        String base = LocalDate.now() + (plan.quick() ? "-quick" : "");
        List<String> context = context(rows, plan, loadBefore, loadAfter, minutes);
        try {
            Files.createDirectories(plan.out());
            Files.writeString(plan.out().resolve(base + ".md"), BenchReport.markdown(rows, context));
            Files.writeString(plan.out().resolve(base + ".csv"), BenchReport.csv(rows));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the results into " + plan.out(), e);
        }
        List<Path> plots = BenchReport.plots(rows, plan.out(), base);
        out.println();
        out.println("Wrote " + plan.out().resolve(base + ".md") + ", " + base + ".csv"
                + (plots.isEmpty() ? "" : " and " + plots.size() + " plots (" + base + "-<problem>.png)"));
        out.printf(Locale.ROOT, "%d rows in %.1f min; load average %.2f before, %.2f after%n", rows.size(), minutes,
                loadBefore, loadAfter);
        // a Lindblad row that crashed means the benchmark has rotted (CI runs --quick for this);
        // a slow row (time-out), a QuTiP failure or a disagreement is reported in the table only
        List<String> crashed = rows.stream().filter(r -> r.lindblad().note() != null
                && !r.lindblad().note().equals("timed out")).map(r -> r.problem() + " " + r.size() + ": "
                + r.lindblad().note()).toList();
        if (!crashed.isEmpty()) {
            err.println("lindblad bench: the Lindblad side failed in " + crashed.size() + " row(s):");
            crashed.forEach(c -> err.println("  " + c));
            return 1;
        }
        return 0;
    }

    /**
     * @return the plan the arguments ask for
     * @throws UsageException for an unknown problem, a bad count or a stray argument
     */
    Plan plan(Arguments args) throws UsageException {
        return plan(args, System::getenv);
    }

    /**
     * @param environment the environment variables (for {@value SideBySide#PYTHON5_ENVIRONMENT})
     * @return the plan the arguments ask for
     * @throws UsageException for an unknown problem, a bad count or a stray argument
     */
    Plan plan(Arguments args, java.util.function.UnaryOperator<String> environment) throws UsageException {
        List<String> pos = args.positionals();
        if (!pos.isEmpty()) {
            if (!List.of("spmv", "grad", "traj").contains(pos.get(0))) {
                throw new UsageException(this, "unknown benchmark '" + pos.get(0)
                        + "'; the named ones are 'spmv', 'grad' and 'traj'");
            }
            for (String t : pos.subList(1, pos.size())) {
                if (!t.matches("[1-9][0-9]{0,3}")) {
                    throw new UsageException(this, "bench " + pos.get(0) + " takes thread counts (positive integers), got '" + t + "'");
                }
                int max = dev.lindblad.parallel.Parallelism.maxThreads();
                if (!pos.get(0).equals("spmv") && Integer.parseInt(t) > max) {
                    throw new UsageException(this, "bench " + pos.get(0) + ": the thread count " + t + " is above " + max
                            + " (4 per available processor, at least 16)");
                }
            }
            boolean traj = pos.get(0).equals("traj");
            if (args.options().keySet().stream().anyMatch(k -> !k.equals("help") && !(traj && k.equals("reps")))) {
                throw new UsageException(this, "bench " + pos.get(0) + " takes no options" + (traj ? " but --reps" : "")
                        + ", got " + args.options().keySet());
            }
            int rounds = traj && args.has("reps") ? args.intOption(this, "reps", 5, 1, 1000) : 0;
            List<String> named = pos.get(0).equals("spmv") ? pos.subList(1, pos.size()) : pos;
            return new Plan(List.copyOf(named), List.of(), false, rounds, null, null, 0, null, null);
        }
        boolean quick = args.has("quick");
        List<SideBySide.Spec> specs = new ArrayList<>(quick ? SideBySide.quickSpecs() : SideBySide.fullSpecs());
        String only = args.options().get("only");
        if (only != null) {
            // each entry is a problem, or problem:size for one row of it
            List<SideBySide.Spec> wanted = new ArrayList<>();
            for (String p : only.split(",")) {
                String entry = p.strip();
                int colon = entry.indexOf(':');
                String name = colon < 0 ? entry : entry.substring(0, colon).strip();
                if (!BenchProblems.exists(name)) {
                    throw new UsageException(this, "unknown problem '" + name + "' in --only; problems are "
                            + String.join(", ", BenchProblems.NAMES));
                }
                int size = -1;
                if (colon >= 0) {
                    try {
                        size = Integer.parseInt(entry.substring(colon + 1).strip());
                    } catch (NumberFormatException ex) {
                        throw new UsageException(this, "bad size in --only entry '" + entry + "'; write problem:size");
                    }
                }
                wanted.add(new SideBySide.Spec(name, size));
            }
            specs.removeIf(s -> wanted.stream().noneMatch(
                    w -> w.problem().equals(s.problem()) && (w.size() < 0 || w.size() == s.size())));
            if (specs.isEmpty()) {
                throw new UsageException(this, "--only " + only + " selects no row of the " + (quick ? "quick" : "full") + " run");
            }
        }
        int reps = args.intOption(this, "reps", DEFAULT_REPS, 1, 1000);
        int timeout = args.intOption(this, "timeout", DEFAULT_TIMEOUT, 1, 86_400);
        if (args.has("no-qutip") && args.has("python")) {
            throw new UsageException(this, "--no-qutip and --python contradict each other");
        }
        if (args.has("no-qutip") && args.has("python5")) {
            throw new UsageException(this, "--no-qutip and --python5 contradict each other");
        }
        if (args.has("python5") && args.options().get("python5").isBlank()) {
            throw new UsageException(this, "--python5 needs a path to a Python with QuTiP 5, got an empty one");
        }
        String python = args.has("no-qutip") ? null : args.options().getOrDefault("python", SideBySide.defaultPython());
        Path outDir = args.has("out") ? Path.of(args.options().get("out")) : home().resolve("bench").resolve("results");
        String python5 = args.has("no-qutip") ? null : args.options().containsKey("python5")
                ? args.options().get("python5") : SideBySide.defaultPython5(environment.apply(SideBySide.PYTHON5_ENVIRONMENT));
        return new Plan(null, List.copyOf(specs), quick, reps, python, outDir, timeout, only, python5);
    }

    /** @return the repository root: {@code -Dlindblad.home} (set by ./lindblad), else the working directory */
    static Path home() {
        String h = System.getProperty("lindblad.home");
        return Path.of(h == null || h.isBlank() ? "." : h);
    }

    /** @return the processor's model name from /proc/cpuinfo, else the OS architecture */
    static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse(System.getProperty("os.arch", "?"));
        } catch (IOException | UncheckedIOException e) {
            return System.getProperty("os.arch", "?");
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static List<String> context(List<BenchRow> rows, Plan plan, double loadBefore, double loadAfter,
                                        double minutes) {
        List<String> c = new ArrayList<>();
        String threadsVariable = System.getenv(dev.lindblad.parallel.Parallelism.ENVIRONMENT);
        String aotVariable = System.getenv("LINDBLAD_AOT");
        c.add("- Date: " + LocalDate.now() + "; command: `"
                + (aotVariable != null ? "LINDBLAD_AOT=" + aotVariable + " " : "")
                + (threadsVariable != null ? dev.lindblad.parallel.Parallelism.ENVIRONMENT + "=" + threadsVariable + " " : "")
                + "./lindblad bench" + (plan.quick() ? " --quick" : "") + (plan.python() == null ? " --no-qutip" : "")
                + (plan.reps() != DEFAULT_REPS ? " --reps " + plan.reps() : "")
                + (plan.timeout() != DEFAULT_TIMEOUT ? " --timeout " + plan.timeout() : "")
                + (plan.only() != null ? " --only " + plan.only() : "")
                + (plan.python5() != null ? " --python5 " + plan.python5() : "") + "`"
                + String.format(Locale.ROOT, "; %.1f minutes", minutes));
        c.add("- Machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " processors; "
                + String.format(Locale.ROOT, "load average %.2f before, %.2f after", loadBefore, loadAfter));
        c.add("- Lindblad " + SystemInfo.lindbladVersion() + " on " + System.getProperty("java.vm.vendor", "?") + " JDK "
                + Runtime.version() + ", " + dev.lindblad.parallel.Parallelism.threads() + " kernel threads; "
                + ChildProcess.aotCache().map(p -> "its JVMs use the launcher's start-up cache (JDK AOT cache " + p.getFileName()
                        + ", trained on `AotTraining`, not on these problems)").orElse("no start-up cache (LINDBLAD_AOT=0 or none built)"));
        c.add(peerLine(rows, BenchRow::qutip, "QuTiP", plan.python()));
        if (rows.stream().anyMatch(BenchRow::twoPeers)) {
            c.add(peerLine(rows, BenchRow::qutip5Counted, "QuTiP 5", plan.python5())
                    + "; mcsolve, ssesolve and smesolve with its serial and its parallel map, the faster counting;"
                    + " ratios against the faster QuTiP of each row");
        }
        return c;
    }

    /** @return the context line naming a peer's versions, or why it did not run */
    private static String peerLine(List<BenchRow> rows, java.util.function.Function<BenchRow, BenchRow.Side> side,
                                   String name, String python) {
        for (BenchRow r : rows) {
            BenchRow.Side s = side.apply(r);
            BenchOutput q = s == null ? null : s.warm() != null ? s.warm() : s.cold();
            if (q != null && q.fields().containsKey("version")) {
                return "- QuTiP " + q.fields().get("version") + ", NumPy " + q.fields().getOrDefault("numpy", "?")
                        + ", SciPy " + q.fields().getOrDefault("scipy", "?") + " (" + python + ")";
            }
        }
        BenchRow.Side first = rows.isEmpty() ? null : side.apply(rows.get(0));
        return "- " + name + ": " + (first == null ? "not run" : first.note());
    }
}
