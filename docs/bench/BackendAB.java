import static dev.lindblad.Lindblad.*;

import dev.lindblad.Complex;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.backend.Backends;
import dev.lindblad.heom.DrudeLorentzBath;
import dev.lindblad.heom.HeomOptions;
import dev.lindblad.heom.HeomSolver;
import dev.lindblad.heom.HeomSteadyState;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.solver.Result;
import dev.lindblad.solver.SteadyStateOptions;
import dev.lindblad.solver.SteadyStateResult;
import dev.lindblad.solver.SteadyStateSolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One problem of {@code lindblad bench} run with each backend choice in turn, alternating the
 * choices call by call in one JVM ({@code Backends.with}), so that every choice sees the same
 * machine: the A/B figures of docs/performance.md ("Native backends"). Run by hand, not part of
 * the build:
 * <pre>
 * ./mvnw -q -B -DskipTests -pl cli -am package
 * java --enable-native-access=ALL-UNNAMED -cp "cli/target/lindblad-cli.jar:$(cat cli/target/classpath.txt)" \
 *     docs/bench/BackendAB.java ising-mesolve 7 5 java mkl
 * </pre>
 * Arguments: problem ({@code ising-mesolve}, {@code nho-mesolve}, {@code herm-eigenenergies},
 * {@code herm-eigenstates}, {@code herm-expm}, {@code nho-steadystate-direct},
 * {@code jc3-steadystate-direct}, {@code heom-steadystate}: size = hierarchy depth), size, timed
 * calls per choice (after one untimed round), and the choices ({@code java}, {@code mkl},
 * {@code openblas}, {@code klu}, {@code native}, {@code auto}). Prints
 * each choice's median and minimum, the path it took (the right-hand side's storage or the
 * steady-state method) and its value, which must agree between choices.
 */
public class BackendAB {

    static Qobj site(Qobj op, int i, int n) {
        Qobj[] f = new Qobj[n];
        Arrays.fill(f, qeye(2));
        f[i] = op;
        return tensor(f);
    }

    /** A run's value and the path it took. */
    record Outcome(double value, String path) {
    }

    static Supplier<Outcome> problem(String name, int n) {
        double[] t = linspace(0, 10, 100);
        switch (name) {
            case "ising-mesolve" -> {
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
                Qobj hh = h, psi0 = tensor(up), sz = site(sigmaz(), n - 1, n);
                return () -> {
                    Result r = mesolve(hh, psi0, t, cOps, List.of(sz));
                    return new Outcome(r.expect(0)[t.length - 1], r.stats().rhs());
                };
            }
            case "nho-mesolve" -> {
                Qobj a = destroy(n), ad = a.dag();
                Qobj h = ad.times(a).times(0.1).plus(ad.times(ad).times(a).times(a).times(0.025)).plus(a.plus(ad).times(2));
                List<Qobj> cOps = List.of(a.times(Math.sqrt(1.2)), ad.times(Math.sqrt(0.2)));
                return () -> {
                    Result r = mesolve(h, fock(n, 0), t, cOps, List.of(ad.times(a)));
                    return new Outcome(r.expect(0)[t.length - 1], r.stats().rhs());
                };
            }
            case "herm-eigenenergies", "herm-eigenstates", "herm-expm" -> {
                double[] m = new double[2 * n * n];
                for (int j = 0; j < n; j++) {
                    m[2 * (j + j * n)] = Math.sin(1.1 * j);
                    for (int k = j + 1; k < n; k++) {
                        double re = Math.sin(0.7 * j + 1.3 * k + 0.01 * j * k), im = Math.cos(0.3 * j + 0.9 * k + 0.02 * j * k);
                        m[2 * (j + k * n)] = re;
                        m[2 * (j + k * n) + 1] = im;
                        m[2 * (k + j * n)] = re;
                        m[2 * (k + j * n) + 1] = -im;
                    }
                }
                Qobj h = Qobj.of(DenseMatrix.wrap(n, n, m), Dims.oper(n));
                return switch (name) {
                    case "herm-eigenenergies" -> () -> {
                        double[] e = h.eigenenergies();
                        return new Outcome(e[n - 1], "");
                    };
                    case "herm-eigenstates" -> () -> {
                        Qobj v = h.eigenstates().states().get(0);
                        return new Outcome(v.get(0, 0).abs() * v.get(0, 0).abs(), "");
                    };
                    default -> {
                        Qobj minusIH = h.times(new Complex(0, -1));
                        yield () -> new Outcome(minusIH.expm().get(0, 0).re(), "");
                    }
                };
            }
            case "nho-steadystate-direct", "jc3-steadystate-direct" -> {
                Qobj h;
                List<Qobj> cOps;
                Qobj number;
                if (name.startsWith("nho")) {
                    Qobj a = destroy(n), ad = a.dag();
                    h = ad.times(a).times(0.1).plus(ad.times(ad).times(a).times(a).times(0.025)).plus(a.plus(ad).times(2));
                    cOps = List.of(a.times(Math.sqrt(1.2)), ad.times(Math.sqrt(0.2)));
                    number = ad.times(a);
                } else {
                    double[] lower = new double[18], energy = new double[18], pf = new double[18];
                    lower[2 * 3] = 1;
                    lower[2 * (1 + 6)] = Math.sqrt(2);
                    energy[2 * (1 + 3)] = 1;
                    energy[2 * (2 + 6)] = 1.8;
                    pf[2 * (2 + 6)] = 1;
                    Qobj s = Qobj.of(DenseMatrix.wrap(3, 3, lower)), e = Qobj.of(DenseMatrix.wrap(3, 3, energy));
                    Qobj f = Qobj.of(DenseMatrix.wrap(3, 3, pf));
                    Qobj a = tensor(destroy(n), qeye(3)), sm = tensor(qeye(n), s);
                    h = a.dag().times(a).plus(tensor(qeye(n), e)).plus(a.dag().times(sm).plus(a.times(sm.dag())).times(0.1))
                            .plus(a.plus(a.dag()).times(0.2));
                    cOps = List.of(a.times(Math.sqrt(0.1)), sm.times(Math.sqrt(0.05)), tensor(qeye(n), f).times(Math.sqrt(0.02)));
                    number = a.dag().times(a);
                }
                SteadyStateOptions direct = SteadyStateOptions.defaults().withMethod("direct");
                return () -> {
                    SteadyStateResult r = new SteadyStateSolver(h, cOps, direct).solve();
                    return new Outcome(expect(number, r.state()), r.method());
                };
            }
            case "heom-steadystate" -> {
                // two coupled qubits, each with its own Drude-Lorentz bath (Nk = 2), hierarchy depth n
                // (as native's HeomNativeTest): 16 * C(6 + n, n) unknowns, 14 784 at n = 6
                Qobj sz1 = tensor(sigmaz(), qeye(2)), sz2 = tensor(qeye(2), sigmaz());
                Qobj sx1 = tensor(sigmax(), qeye(2)), sx2 = tensor(qeye(2), sigmax());
                Qobj h = sz1.times(0.5).plus(sz2.times(0.4)).plus(sx1.times(0.5)).plus(sx2.times(0.3))
                        .plus(sx1.times(sx2).times(0.2));
                HeomSolver solver = new HeomSolver(h, List.of(new DrudeLorentzBath(sz1, 0.1, 0.5, 0.5, 2),
                        new DrudeLorentzBath(sz2, 0.15, 0.4, 0.5, 2)), n,
                        HeomOptions.defaults().withSteadyStateMethod("direct"));
                return () -> {
                    HeomSteadyState r = solver.steadyState();
                    return new Outcome(r.rho().get(0, 0).re(), r.method());
                };
            }
            default -> throw new IllegalArgumentException("unknown problem " + name);
        }
    }

    public static void main(String[] args) {
        String name = args[0];
        int n = Integer.parseInt(args[1]), reps = Integer.parseInt(args[2]);
        List<String> choices = List.of(Arrays.copyOfRange(args, 3, args.length));
        Supplier<Outcome> p = problem(name, n);
        List<List<Double>> times = new ArrayList<>();
        Outcome[] last = new Outcome[choices.size()];
        for (int c = 0; c < choices.size(); c++) {
            times.add(new ArrayList<>());
        }
        for (int r = -1; r < reps; r++) {
            for (int k = 0; k < choices.size(); k++) {
                int c = (r & 1) == 0 ? k : choices.size() - 1 - k;   // alternate which choice goes first
                long t0 = System.nanoTime();
                Outcome o = Backends.with(choices.get(c), p::get);
                double s = (System.nanoTime() - t0) / 1e9;
                last[c] = o;
                if (r >= 0) {
                    times.get(c).add(s);
                }
            }
        }
        for (int c = 0; c < choices.size(); c++) {
            List<Double> ts = new ArrayList<>(times.get(c));
            ts.sort(null);
            System.out.printf(Locale.ROOT, "%s %d %-8s median %.4f s  min %.4f s  value %.12g  %s%n", name, n,
                    choices.get(c), ts.get(ts.size() / 2), ts.get(0), last[c].value(), last[c].path());
        }
    }
}
