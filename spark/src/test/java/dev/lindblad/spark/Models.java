package dev.lindblad.spark;

import dev.lindblad.Operators;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.States;
import dev.lindblad.parallel.TaskMap;
import dev.lindblad.solver.McOptions;
import dev.lindblad.solver.McResult;
import dev.lindblad.solver.McSolver;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * The problems the Spark tests run, in a class of their own (no JUnit types), so that an
 * executor loads their lambdas without the test framework.
 */
final class Models {
    /** Coefficient calls in this JVM, for the failing trajectory (an executor counts its own). */
    static final AtomicLong CALLS = new AtomicLong();

    private Models() {
    }

    /**
     * A driven, damped harmonic oscillator (QuTiP's "nho"): {@code H = a†a + (a + a†) cos(t) / 2}
     * with the drive as a serialisable time-dependent coefficient, decay {@code sqrt(0.2) a}, from
     * the ground state; the e-op is {@code a†a}.
     */
    static McResult nho(int n, int ntraj, long seed, TaskMap map) {
        Qobj a = Operators.destroy(n);
        QobjEvo h = QobjEvo.of(a.dag().times(a))
                .plus(a.plus(a.dag()).times(0.5), (DoubleUnaryOperator & Serializable) t -> Math.cos(t));
        McOptions options = McOptions.defaults().withNtraj(ntraj).withSeed(seed).withMap(map);
        return new McSolver(h, List.of(a.times(Math.sqrt(0.2))), options)
                .run(States.basis(n, 0), linspace(0, 4, 21), List.of(a.dag().times(a)));
    }

    /** nho whose drive throws once this JVM has evaluated it {@code after} times. */
    static McResult failingNho(int ntraj, long after, TaskMap map, boolean skip) {
        Qobj a = Operators.destroy(6);
        QobjEvo h = QobjEvo.of(a.dag().times(a)).plus(a.plus(a.dag()).times(0.5),
                (DoubleUnaryOperator & Serializable) t -> {
                    if (CALLS.incrementAndGet() > after) {
                        throw new IllegalStateException("drive failed on purpose at t = " + t);
                    }
                    return Math.cos(t);
                });
        McOptions options = McOptions.defaults().withNtraj(ntraj).withSeed(7).withMap(map).withSkipFailures(skip);
        return new McSolver(h, List.of(a.times(Math.sqrt(0.2))), options)
                .run(States.basis(6, 0), linspace(0, 2, 11), List.of(a.dag().times(a)));
    }

    /** nho with a drive lambda that is not serialisable (a plain DoubleUnaryOperator). */
    static McResult unserialisableNho(TaskMap map) {
        Qobj a = Operators.destroy(4);
        DoubleUnaryOperator drive = t -> Math.cos(t);
        QobjEvo h = QobjEvo.of(a.dag().times(a)).plus(a.plus(a.dag()).times(0.5), drive);
        McOptions options = McOptions.defaults().withNtraj(4).withSeed(1).withMap(map);
        return new McSolver(h, List.of(a.times(Math.sqrt(0.2))), options)
                .run(States.basis(4, 0), linspace(0, 1, 5), List.of(a.dag().times(a)));
    }

    /** A steady-state sweep function: the thermal occupation of a damped cavity at pump rate g. */
    static Function<Double, Double> sweep() {
        return (Function<Double, Double> & Serializable) g -> {
            Qobj a = Operators.destroy(8);
            Qobj rho = dev.lindblad.solver.Solvers.steadystate(a.dag().times(a),
                    List.of(a.times(Math.sqrt(1.0)), a.dag().times(Math.sqrt(g))));
            return Qobj.expect(a.dag().times(a), rho);
        };
    }

    /** A function that fails for value 5. */
    static Function<Integer, Integer> failAtFive() {
        return (Function<Integer, Integer> & Serializable) x -> {
            if (x == 5) {
                throw new ArithmeticException("task 5 fails on purpose");
            }
            return x * x;
        };
    }

    /**
     * GRAPE for a Hadamard on one qubit ({@code H_d = σz / 2}, controls {@code σx}, {@code σy}),
     * several seeded starts run on {@code map}: the optimisers' restarts.
     */
    static dev.lindblad.control.OptimResult grapeRestarts(int starts, TaskMap map) {
        Qobj hadamard = Operators.sigmax().plus(Operators.sigmaz()).times(1 / Math.sqrt(2));
        dev.lindblad.control.PulseOptions o = dev.lindblad.control.PulseOptions.defaults().withAmpBounds(-3, 3)
                .withSeed(5L).withMaxIter(40).withNumStarts(starts).withMap(map);
        return dev.lindblad.control.PulseOptim.optimizePulseUnitary(Operators.sigmaz().times(0.5),
                List.of(Operators.sigmax(), Operators.sigmay()), Operators.qeye(2), hadamard, 10, 2.0, o);
    }

    /**
     * A HEOM scan over the coupling strength {@code λ} of a Drude–Lorentz bath (γ = 0.5, T = 0.5,
     * two Matsubara terms, depth 3) on a qubit {@code H = (Δ/2) σx}, Δ = 1, {@code Q = σz}, from
     * {@code |0⟩}: one task per λ.
     */
    static List<dev.lindblad.heom.HeomResult> heomCouplingScan(List<Double> lams, TaskMap map) {
        Qobj h = Operators.sigmax().times(0.5);
        Qobj q = Operators.sigmaz();
        Qobj rho0 = States.ketToDm(States.basis(2, 0));
        double[] tlist = linspace(0, 5, 11);
        Function<Double, dev.lindblad.heom.HeomResult> run = (Function<Double, dev.lindblad.heom.HeomResult>
                & Serializable) lam -> dev.lindblad.heom.Heom.heomsolve(h,
                List.of(new dev.lindblad.heom.DrudeLorentzBath(q, lam, 0.5, 0.5, 2)), 3, rho0, tlist, List.of(q));
        return TaskMap.parallelMap(run, lams, map);
    }

    static double[] linspace(double a, double b, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = a + (b - a) * i / (n - 1);
        }
        return t;
    }
}
