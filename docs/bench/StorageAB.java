import static dev.lindblad.Lindblad.*;

import dev.lindblad.Qobj;
import dev.lindblad.solver.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * mesolve on the benchmark's dissipative Ising chain (the {@code ising-mesolve} problem of
 * {@code lindblad bench}: H = 50 sum sz_i + 25 sum sx_i sx_i+1, c_i = sm_i, 100 times on
 * [0, 10], default options) with the Liouvillian's split parts in CSR rows
 * ({@code lindblad.sliced=false}) and in slices of eight rows (the default), alternating the
 * two in one JVM so that both see the same machine. Run by hand, not part of the build:
 * <pre>
 * ./mvnw -q -B -pl core compile
 * LINDBLAD_THREADS=1 java -cp core/target/classes docs/bench/StorageAB.java 6 12
 * </pre>
 * Arguments: spins, timed calls per storage (after two untimed rounds). Prints medians and
 * minima, and checks that both storages give the same final value to the bit.
 */
public class StorageAB {

    static Qobj site(Qobj op, int i, int n) {
        Qobj[] f = new Qobj[n];
        Arrays.fill(f, qeye(2));
        f[i] = op;
        return tensor(f);
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]), reps = Integer.parseInt(args[1]);
        Qobj h = null;
        List<Qobj> cOps = new ArrayList<>();
        Qobj[] up = new Qobj[n];
        for (int i = 0; i < n; i++) {
            Qobj z = site(sigmaz(), i, n).times(50);
            h = h == null ? z : h.plus(z);
            cOps.add(site(sigmam(), i, n));
            up[i] = basis(2, 0);
        }
        for (int i = 0; i + 1 < n; i++) {
            h = h.plus(site(sigmax(), i, n).times(site(sigmax(), i + 1, n)).times(25));
        }
        Qobj psi0 = tensor(up), sz = site(sigmaz(), n - 1, n);
        double[] t = linspace(0, 10, 100);
        List<List<Double>> times = List.of(new ArrayList<>(), new ArrayList<>());
        double[] last = new double[2];
        String[] rhs = new String[2];
        for (int r = -2; r < reps; r++) {
            for (int k = 0; k < 2; k++) {
                int mode = (r & 1) == 0 ? k : 1 - k;   // alternate which storage goes first
                System.setProperty("lindblad.sliced", mode == 0 ? "false" : "true");
                long t0 = System.nanoTime();
                Result res = mesolve(h, psi0, t, cOps, List.of(sz));
                double s = (System.nanoTime() - t0) / 1e9;
                last[mode] = res.expect(0)[t.length - 1];
                rhs[mode] = res.stats().rhs();
                if (r >= 0) {
                    times.get(mode).add(s);
                }
            }
        }
        if (Double.compare(last[0], last[1]) != 0) {
            throw new AssertionError("the storages disagree: " + last[0] + " vs " + last[1]);
        }
        times.forEach(Collections::sort);
        double a = times.get(0).get(reps / 2), b = times.get(1).get(reps / 2);
        System.out.printf(Locale.ROOT, "ising N=%d, %s threads: split-csr median %.3f s (min %.3f), sliced-split median "
                        + "%.3f s (min %.3f), ratio %.2f; <sz> at t=10: %.12f%n  %s%n  %s%n", n,
                System.getenv().getOrDefault("LINDBLAD_THREADS", "all"), a, times.get(0).get(0), b, times.get(1).get(0),
                a / b, last[1], rhs[0], rhs[1]);
    }
}
