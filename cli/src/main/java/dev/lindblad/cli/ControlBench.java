package dev.lindblad.cli;

import static dev.lindblad.Lindblad.liouvillian;
import static dev.lindblad.Lindblad.qeye;
import static dev.lindblad.Lindblad.sigmax;
import static dev.lindblad.Lindblad.sigmay;
import static dev.lindblad.Lindblad.sigmaz;
import static dev.lindblad.Lindblad.sprepost;
import static dev.lindblad.Lindblad.tensor;

import dev.lindblad.Qobj;
import dev.lindblad.control.OptimResult;
import dev.lindblad.control.PulseDynamics;
import dev.lindblad.control.PulseOptim;
import dev.lindblad.control.PulseOptions;
import dev.lindblad.parallel.Parallelism;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The optimal-control problems of {@code lindblad bench} ({@code grape-cnot},
 * {@code grape-grad-3q}, {@code grape-grad-open2q}; see {@link BenchProblems}), built as
 * {@code bench/qutip_peer.py} builds them for qtrl. {@link #main} is the thread-scaling
 * benchmark of the gradient ({@code lindblad bench grad}).
 */
final class ControlBench {

    private ControlBench() {
    }

    static BenchProblems.Prepared prepare(String name, int size) {
        return switch (name) {
            case "grape-cnot" -> {
                PulseDynamics d = cnot(size);
                double[][] start = start(size, 4);
                PulseOptions o = PulseOptions.defaults().withAmpBounds(-5, 5).withFidErrTarg(1e-10).withMinGrad(1e-20)
                        .withMaxIter(500).withAccuracyFactor(1e3);
                yield new BenchProblems.Prepared(true, () -> PulseOptim.optimizePulse(d, start, o), r -> {
                    OptimResult res = (OptimResult) r;
                    return res.fidErr() <= 1e-10 ? 1.0 : res.fidErr();
                }, null);
            }
            case "grape-grad-3q", "grape-grad-open2q" -> {
                PulseDynamics d = name.equals("grape-grad-3q") ? toffoliChain(size) : openPair(size);
                double[][] amps = start(size, d.nCtrls());
                double base = amps[0][0];
                int[] calls = {0};
                yield new BenchProblems.Prepared(false, () -> {
                    amps[0][0] = base + ((calls[0]++ & 1) == 0 ? 0 : 1e-12);
                    d.fidErrGrad(amps);
                    return d.fidErr(amps);
                }, r -> (Double) r, null);
            }
            default -> throw new IllegalArgumentException("unknown control problem " + name);
        };
    }

    /** @return {@code u_kj = sin(0.37 k + 1.1 j + 0.3)} */
    static double[][] start(int nTs, int nCtrls) {
        double[][] a = new double[nTs][nCtrls];
        for (int k = 0; k < nTs; k++) {
            for (int j = 0; j < nCtrls; j++) {
                a[k][j] = Math.sin(0.37 * k + 1.1 * j + 0.3);
            }
        }
        return a;
    }

    private static Qobj site(Qobj op, int i, int n) {
        Qobj[] p = new Qobj[n];
        for (int k = 0; k < n; k++) {
            p[k] = k == i ? op : qeye(2);
        }
        return tensor(p);
    }

    /** @return {@code 0.5 Σ_i (X_i X_{i+1} + Y_i Y_{i+1} + Z_i Z_{i+1})} on an open chain of n qubits */
    static Qobj heisenberg(int n) {
        Qobj h = null;
        for (int i = 0; i + 1 < n; i++) {
            Qobj t = site(sigmax(), i, n).times(site(sigmax(), i + 1, n))
                    .plus(site(sigmay(), i, n).times(site(sigmay(), i + 1, n)))
                    .plus(site(sigmaz(), i, n).times(site(sigmaz(), i + 1, n))).times(0.5);
            h = h == null ? t : h.plus(t);
        }
        return h;
    }

    /** @return X and Y on each of n qubits: X1, Y1, X2, Y2, ... */
    static List<Qobj> localControls(int n) {
        List<Qobj> hc = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hc.add(site(sigmax(), i, n));
            hc.add(site(sigmay(), i, n));
        }
        return hc;
    }

    /** @return the permutation matrix of a gate on n qubits that swaps basis states a and b */
    static Qobj swapGate(int n, int a, int b) {
        int dim = 1 << n;
        double[][] m = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            m[i][i] = 1;
        }
        m[a][a] = 0;
        m[b][b] = 0;
        m[a][b] = 1;
        m[b][a] = 1;
        Qobj[] id = new Qobj[n];
        java.util.Arrays.fill(id, qeye(2));
        return Qobj.of(Qobj.fromArray(m).data(), tensor(id).dims());
    }

    static PulseDynamics cnot(int nTs) {
        return PulseDynamics.unitary(heisenberg(2), localControls(2), tensor(qeye(2), qeye(2)), swapGate(2, 2, 3), nTs,
                6.0, "PSU");
    }

    static PulseDynamics toffoliChain(int nTs) {
        return PulseDynamics.unitary(heisenberg(3), localControls(3), tensor(qeye(2), qeye(2), qeye(2)),
                swapGate(3, 6, 7), nTs, 10.0, "PSU");
    }

    static PulseDynamics openPair(int nTs) {
        List<Qobj> cOps = List.of(site(sigmaz(), 0, 2).times(Math.sqrt(0.05)), site(sigmaz(), 1, 2).times(Math.sqrt(0.05)));
        Qobj drift = liouvillian(heisenberg(2), cOps);
        List<Qobj> ctrls = localControls(2).stream().map(h -> liouvillian(h)).toList();
        Qobj id = tensor(qeye(2), qeye(2));
        Qobj cnot = swapGate(2, 2, 3);
        return PulseDynamics.general(drift, ctrls, sprepost(id, id), sprepost(cnot, cnot.dag()), nTs, 6.0);
    }

    /**
     * {@code lindblad bench grad [threads...]}: the fidelity error and gradient of
     * {@code grape-grad-3q} (1000 slices) and {@code grape-grad-open2q} (200 slices) at each
     * thread count (default 1 and 2), the counts alternating in one process round by round (so
     * that a shared machine's load hits them alike): after a warm-up of at least two seconds per count, {@code rounds} rounds, each
     * timing {@code perRound} evaluations at every count. Prints each count's median wall time
     * per evaluation and its speed-up over the first count, and, as a measure that a loaded
     * machine disturbs less, the CPU time of the busiest thread (the calling thread or a kernel
     * thread, {@code lindblad-kernel-N}) per evaluation and its ratio: the critical path, which
     * is what the wall time would be on free cores. A kernel thread spins briefly between
     * kernels, and that spinning counts as its CPU time, so this ratio errs low.
     *
     * @param threads  the thread counts, the first the reference
     * @param rounds   rounds
     * @param perRound evaluations per count and round
     * @param out      where the table goes
     */
    /** The least warm-up time per thread count of {@link #threadScaling}. */
    private static final long WARM_UP_NANOS = 2_000_000_000L;

    static void threadScaling(int[] threads, int rounds, int perRound, PrintStream out) {
        out.printf(Locale.ROOT, "# gradient of the fidelity error, thread counts %s alternating round by round; "
                + "%d rounds of %d evaluations; medians per evaluation%n", Arrays.toString(threads), rounds, perRound);
        out.println("problem                    slices  threads  wall_ms  speedup  busiest_thread_cpu_ms  cpu_speedup");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try {
            for (String name : List.of("grape-grad-3q", "grape-grad-open2q")) {
                int size = name.equals("grape-grad-3q") ? 1000 : 200;
                BenchProblems.Prepared p = prepare(name, size);
                double[][] wall = new double[threads.length][rounds];
                double[][] cpu = new double[threads.length][rounds];
                // warm-up: at least WARM_UP_NANOS at each count, so that the JIT has compiled the
                // kernels before the timed rounds; on two cores a compiler thread running during
                // the rounds takes the second core from the kernel threads
                for (int t = 0; t < threads.length; t++) {
                    Parallelism.threads(threads[t]);
                    long w0 = System.nanoTime();
                    for (int w = 0; w < 3 || System.nanoTime() - w0 < WARM_UP_NANOS; w++) {
                        p.call().get();
                    }
                }
                for (int r = 0; r < rounds; r++) {
                    for (int t = 0; t < threads.length; t++) {
                        Parallelism.threads(threads[t]);
                        Map<Long, Long> before = kernelCpu(mx);
                        long c0 = mx.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        for (int i = 0; i < perRound; i++) {
                            p.call().get();
                        }
                        wall[t][r] = (System.nanoTime() - t0) / 1e6 / perRound;
                        long busiest = mx.getCurrentThreadCpuTime() - c0;
                        for (Map.Entry<Long, Long> e : kernelCpu(mx).entrySet()) {
                            busiest = Math.max(busiest, e.getValue() - before.getOrDefault(e.getKey(), 0L));
                        }
                        cpu[t][r] = busiest / 1e6 / perRound;
                    }
                }
                double refWall = BenchOutput.median(wall[0]);
                double refCpu = BenchOutput.median(cpu[0]);
                for (int t = 0; t < threads.length; t++) {
                    double mw = BenchOutput.median(wall[t]);
                    double mc = BenchOutput.median(cpu[t]);
                    out.printf(Locale.ROOT, "%-26s %6d  %7d  %7.2f  %7.2f  %21.2f  %11.2f%n", name, size, threads[t], mw,
                            refWall / mw, mc, refCpu / mc);
                }
            }
        } finally {
            Parallelism.resetThreads();
        }
    }

    /** @return the CPU time (ns) of every kernel thread alive, by thread id */
    private static Map<Long, Long> kernelCpu(ThreadMXBean mx) {
        Map<Long, Long> m = new HashMap<>();
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("lindblad-kernel")) {
                long c = mx.getThreadCpuTime(info.getThreadId());
                if (c >= 0) {
                    m.put(info.getThreadId(), c);
                }
            }
        }
        return m;
    }
}
