package dev.lindblad.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the rows of {@code lindblad bench}: for each row a fresh JVM ({@link BenchChild}), then a
 * fresh Python ({@code bench/qutip_peer.py}), then, with a second peer, a fresh QuTiP 5 Python
 * (twice on a trajectory row: {@value #MAP_ENVIRONMENT} {@code =parallel}, then {@code =serial}),
 * so that a shared machine's drift hits every side alike. Each process makes its first (cold)
 * call, then the warm repetitions. The harness reads their output as it comes and notes when
 * the cold result arrives: the wall time from starting
 * the process to that line is what a user running a one-call script waits (JVM or Python
 * start, imports, building the problem, the call), short of the process's exit.
 */
final class SideBySide {

    /**
     * One row to run.
     *
     * @param problem the problem name
     * @param size    its size
     */
    record Spec(String problem, int size) {
    }

    /**
     * How to run.
     *
     * @param specs          the rows
     * @param reps           timed warm repetitions per side
     * @param python         the Python interpreter, or null to run Lindblad only
     * @param pythonNote     why there is no Python (shown in the QuTiP columns), null if there is one
     * @param peerScript     {@code bench/qutip_peer.py}
     * @param timeoutSeconds the longest a child may run
     * @param python5        the second peer's interpreter (QuTiP 5), or null
     * @param python5Note    why the second peer asked for cannot run (shown in its columns), or
     *                       null; with {@code python5} also null the run has one peer
     */
    record Setup(List<Spec> specs, int reps, String python, String pythonNote, Path peerScript, long timeoutSeconds,
                 String python5, String python5Note) {

        /** A run with one peer. */
        Setup(List<Spec> specs, int reps, String python, String pythonNote, Path peerScript, long timeoutSeconds) {
            this(specs, reps, python, pythonNote, peerScript, timeoutSeconds, null, null);
        }

        /** @return whether the rows get a second peer's columns */
        boolean twoPeers() {
            return python5 != null || python5Note != null;
        }
    }

    /** The environment variable by which {@code bench/qutip_peer.py} takes QuTiP 5's map for the trajectory rows. */
    static final String MAP_ENVIRONMENT = "LINDBLAD_QUTIP_MAP";

    /**
     * Everything in full runs: the QuantumToolbox.jl set, steadystate, the QuantumOptics.jl micro
     * set, and the dense and sparse-direct problems of the native backends.
     */
    static List<Spec> fullSpecs() {
        List<Spec> s = new ArrayList<>();
        for (int n : new int[] {20, 50, 100}) {
            s.add(new Spec("nho-mesolve", n));
        }
        for (int n : new int[] {20, 50, 100}) {
            s.add(new Spec("nho-mcsolve", n));
        }
        for (int n = 2; n <= 8; n++) {
            s.add(new Spec("ising-mesolve", n));
        }
        for (int n : new int[] {50, 100, 200, 400}) {
            s.add(new Spec("nho-steadystate", n));
        }
        for (String p : List.of("ptrace", "expect", "spmm")) {
            for (int n : new int[] {50, 100, 200, 500, 1000}) {
                s.add(new Spec(p, n));
            }
        }
        for (int n : new int[] {10, 20, 50, 100}) {
            s.add(new Spec("wigner", n));
        }
        s.add(new Spec("grape-cnot", 100));
        s.add(new Spec("grape-cnot", 400));
        s.add(new Spec("grape-grad-3q", 1000));
        s.add(new Spec("grape-grad-open2q", 200));
        for (int depth : new int[] {4, 5}) {
            s.add(new Spec("fmo-heom", depth));
        }
        for (String p : List.of("herm-eigenenergies", "herm-eigenstates", "herm-expm")) {   // the native backends' set
            for (int n : new int[] {500, 1000, 2000}) {
                s.add(new Spec(p, n));
            }
        }
        for (int n : new int[] {50, 100, 200, 400}) {
            s.add(new Spec("nho-steadystate-direct", n));
        }
        for (int n : new int[] {20, 40, 80}) {
            s.add(new Spec("jc3-steadystate-direct", n));
        }
        for (int n : new int[] {10, 20}) {   // issue #20
            s.add(new Spec("jc-brmesolve", n));
        }
        s.add(new Spec("cavity-correlation2op2t", 20));
        s.add(new Spec("nho-ssesolve", 50));   // the stochastic solvers (issue #22)
        s.add(new Spec("nho-smesolve", 50));
        return s;
    }

    /** The quick subset: seconds each, under 3 minutes in all on a 2-core machine. */
    static List<Spec> quickSpecs() {
        return List.of(new Spec("nho-mesolve", 20), new Spec("ising-mesolve", 4), new Spec("nho-steadystate", 50),
                new Spec("ptrace", 50), new Spec("ptrace", 100), new Spec("expect", 50), new Spec("expect", 100));
    }

    private SideBySide() {
    }

    /**
     * Runs every row, printing progress on {@code log}.
     *
     * @return the rows, in the order of the specs
     */
    static List<BenchRow> run(Setup setup, PrintStream log) {
        List<BenchRow> rows = new ArrayList<>();
        int k = 0;
        for (Spec spec : setup.specs()) {
            k++;
            log.printf("[%d/%d] %s %d ...", k, setup.specs().size(), spec.problem(), spec.size());
            log.flush();
            Child l = Child.run(lindbladCommand(spec, setup.reps()), setup.timeoutSeconds());
            BenchRow.Side qutip = setup.python() == null ? BenchRow.Side.absent(setup.pythonNote())
                    : side(Child.run(peerCommand(setup.python(), setup, spec), setup.timeoutSeconds()));
            BenchRow.Side qutip5 = null, qutip5Serial = null;
            if (setup.twoPeers()) {
                if (setup.python5() == null) {
                    qutip5 = BenchRow.Side.absent(setup.python5Note());
                } else if (BenchRow.trajectoryRow(spec.problem())) {
                    // QuTiP 5 with its parallel map, then with its serial map; the faster counts
                    qutip5 = side(Child.run(peerCommand(setup.python5(), setup, spec), Map.of(MAP_ENVIRONMENT, "parallel"),
                            setup.timeoutSeconds()));
                    qutip5Serial = side(Child.run(peerCommand(setup.python5(), setup, spec),
                            Map.of(MAP_ENVIRONMENT, "serial"), setup.timeoutSeconds()));
                } else {
                    qutip5 = side(Child.run(peerCommand(setup.python5(), setup, spec), setup.timeoutSeconds()));
                }
            }
            BenchRow row = new BenchRow(spec.problem(), spec.size(), side(l), qutip, qutip5, qutip5Serial);
            rows.add(row);
            if (row.twoPeers()) {
                log.printf(" Lindblad %s, QuTiP %s, QuTiP 5 %s%s; %s / %s%n", BenchReport.time(row.lindblad().warmSeconds()),
                        BenchReport.time(row.qutip().warmSeconds()), BenchReport.time(row.qutip5Counted().warmSeconds()),
                        qutip5Serial == null ? "" : " (serial " + BenchReport.time(qutip5Serial.warmSeconds()) + ", parallel "
                                + BenchReport.time(qutip5.warmSeconds()) + ")",
                        row.agreement().text(), row.agreement5().text());
            } else {
                log.printf(" Lindblad %s, QuTiP %s, %s%n", BenchReport.time(row.lindblad().warmSeconds()),
                        BenchReport.time(row.qutip().warmSeconds()), row.agreement().text());
            }
        }
        return rows;
    }

    private static BenchRow.Side side(Child c) {
        return new BenchRow.Side(c.output(), c.firstResultSeconds(), c.output(), c.problem());
    }

    /** @return the command of a fresh JVM running one Lindblad row */
    static List<String> lindbladCommand(Spec spec, int reps) {
        List<String> c = new ArrayList<>();
        c.add(ChildProcess.jdkTool("java").toString());
        c.addAll(ChildProcess.inheritedJvmOptions());
        c.add("-cp");
        c.add(ChildProcess.lindbladClassPath());
        c.add(BenchChild.class.getName());
        c.add(spec.problem());
        c.add(Integer.toString(spec.size()));
        c.add(Integer.toString(reps));
        return c;
    }

    private static List<String> peerCommand(String python, Setup setup, Spec spec) {
        return List.of(python, setup.peerScript().toString(), spec.problem(), Integer.toString(spec.size()),
                Integer.toString(setup.reps()));
    }

    /**
     * A finished child process.
     *
     * @param output             what it printed, parsed
     * @param seconds            its wall time from start to exit
     * @param firstResultSeconds wall time from its start to its {@code cold_s} line (NaN if none)
     * @param status             its exit status (-1 when killed on time-out)
     * @param stderr             the end of what it printed on standard error
     */
    record Child(BenchOutput output, double seconds, double firstResultSeconds, int status, String stderr) {

        boolean ok() {
            return status == 0 && output.error() == null;
        }

        /** @return what went wrong, for the row's note; null if nothing */
        String problem() {
            if (status == -1) {
                return "timed out";
            }
            if (output.error() != null) {
                return output.error();
            }
            if (status != 0) {
                String tail = stderr.strip();
                int nl = tail.lastIndexOf('\n');
                return "exit status " + status + (tail.isEmpty() ? "" : ": " + (nl >= 0 ? tail.substring(nl + 1) : tail));
            }
            return null;
        }

        static Child run(List<String> command, long timeoutSeconds) {
            return run(command, Map.of(), timeoutSeconds);
        }

        /**
         * @param command        the command
         * @param environment    variables set for the child on top of this process's environment
         * @param timeoutSeconds the longest it may run; then it is killed (status -1)
         * @return the finished child
         */
        static Child run(List<String> command, Map<String, String> environment, long timeoutSeconds) {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().putAll(environment);
            long t0 = System.nanoTime();
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + command.get(0), e);
            }
            StringBuilder out = new StringBuilder();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            long[] firstResult = {-1};
            Thread o = Thread.ofVirtual().start(() -> {
                try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        if (firstResult[0] < 0 && line.startsWith("cold_s=")) {
                            firstResult[0] = System.nanoTime();
                        }
                        synchronized (out) {
                            out.append(line).append('\n');
                        }
                    }
                } catch (IOException ignored) {
                    // the process died; what it printed so far is kept
                }
            });
            Thread e = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
            try {
                p.getOutputStream().close();
                boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (!finished) {
                    p.destroyForcibly();
                    p.waitFor();
                }
                o.join();
                e.join();
                String errText = err.toString(StandardCharsets.UTF_8);
                if (errText.length() > 2000) {
                    errText = errText.substring(errText.length() - 2000);
                }
                String text;
                synchronized (out) {
                    text = out.toString();
                }
                return new Child(BenchOutput.parse(text), seconds,
                        firstResult[0] < 0 ? Double.NaN : (firstResult[0] - t0) / 1e9, finished ? p.exitValue() : -1, errText);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } catch (InterruptedException ex) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + command, ex);
            }
        }

        private static void copy(InputStream in, ByteArrayOutputStream out) {
            try (in) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the process died; what it printed so far is kept
            }
        }
    }

    /**
     * Finds a Python with QuTiP.
     *
     * @param python the interpreter to try
     * @return null if {@code python -c "import qutip"} works, else why not
     */
    static String qutipProblem(String python) {
        try {
            Child c = Child.run(List.of(python, "-c", "import qutip, sys; sys.stdout.write(qutip.__version__)"), 120);
            return c.status() == 0 ? null : "QuTiP not installed (" + python + " cannot import qutip)";
        } catch (UncheckedIOException e) {
            return "QuTiP not installed (no " + python + ")";
        }
    }

    /** The environment variable naming the second peer's interpreter (QuTiP 5), as {@code --python5} does. */
    static final String PYTHON5_ENVIRONMENT = "LINDBLAD_QUTIP5_PYTHON";

    /**
     * Checks the second peer.
     *
     * @param python the interpreter to try
     * @return null if it imports QuTiP 5, else why not (for the QuTiP 5 columns)
     */
    static String qutip5Problem(String python) {
        try {
            Child c = Child.run(List.of(python, "-c", "import qutip; print('version=' + qutip.__version__)"), 120);
            String version = c.output().fields().get("version");
            if (c.status() != 0 || version == null) {
                return "QuTiP 5 not run (" + python + " cannot import qutip)";
            }
            return qutip5Problem(python, version);
        } catch (UncheckedIOException e) {
            return "QuTiP 5 not run (no " + python + ")";
        }
    }

    /** @return null when the version is a QuTiP 5, else why the peer does not run */
    static String qutip5Problem(String python, String version) {
        return version.strip().startsWith("5.") ? null
                : "QuTiP 5 not run (" + python + " imports QuTiP " + version.strip() + ", not 5)";
    }

    /** @return the second peer's interpreter from {@value #PYTHON5_ENVIRONMENT}, or null when it is unset or blank */
    static String defaultPython5() {
        return defaultPython5(System.getenv(PYTHON5_ENVIRONMENT));
    }

    /** @return the variable's value, or null when it is unset or blank */
    static String defaultPython5(String variable) {
        return variable == null || variable.isBlank() ? null : variable.strip();
    }

    /** @return the default interpreter: Debian's {@code /usr/bin/python3} when present, else {@code python3} */
    static String defaultPython() {
        String env = System.getenv("LINDBLAD_QUTIP_PYTHON");
        if (env != null && !env.isBlank()) {
            return env;
        }
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }
}
