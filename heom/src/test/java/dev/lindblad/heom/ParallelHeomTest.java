package dev.lindblad.heom;

import static dev.lindblad.Lindblad.basis;
import static dev.lindblad.Lindblad.destroy;
import static dev.lindblad.Lindblad.linspace;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Qobj;
import dev.lindblad.parallel.Parallelism;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The hierarchy's right-hand side split over the kernel threads gives the bits of the serial
 * run: one product, and whole runs (whose integrators split their vector passes too), for a
 * bosonic hierarchy (FMO, 7 sites, depth 3) and a fermionic one.
 */
class ParallelHeomTest {

    /** Runs {@code work} on one thread, then on {@code threads} threads with every kernel forced to split. */
    private static <T> List<T> serialThenParallel(Supplier<T> work, int threads) {
        List<T> out = new ArrayList<>();
        try {
            Parallelism.threads(1);
            out.add(work.get());
            Parallelism.threads(threads);
            Parallelism.threshold(1);
            long before = Parallelism.splitCount();
            out.add(work.get());
            assertTrue(Parallelism.splitCount() > before, "nothing split over the kernel threads");
        } finally {
            Parallelism.threshold(0);
            Parallelism.resetThreads();
        }
        return out;
    }

    static HeomSolver fmo(int depth) {
        return fmo(depth, "dopri5");
    }

    static HeomSolver fmo(int depth, String method) {
        double c = 0.03;
        double[][] h = {
            {200, -87.7, 5.5, -5.9, 6.7, -13.7, -9.9},
            {-87.7, 320, 30.8, 8.2, 0.7, 11.8, 4.3},
            {5.5, 30.8, 0, -53.5, -2.2, -9.6, 6.0},
            {-5.9, 8.2, -53.5, 110, -70.7, -17.0, -63.3},
            {6.7, 0.7, -2.2, -70.7, 270, 81.1, -1.3},
            {-13.7, 11.8, -9.6, -17.0, 81.1, 420, 39.7},
            {-9.9, 4.3, 6.0, -63.3, -1.3, 39.7, 230}};
        Qobj hamiltonian = Qobj.fromArray(h).times(2 * Math.PI * c);
        List<Bath> baths = new ArrayList<>();
        for (int m = 0; m < 7; m++) {
            baths.add(new DrudeLorentzBath(basis(7, m).times(basis(7, m).dag()), 35 * 2 * Math.PI * c, 1 / 0.166,
                    300 * 0.6949 * 2 * Math.PI * c, 1));
        }
        return new HeomSolver(hamiltonian, baths, depth, HeomOptions.defaults().withMethod(method));
    }

    @Test
    void productHasTheSerialBits() {
        HeomSolver solver = fmo(3);
        assertEquals(680, solver.ados().size());
        double[] y = new double[solver.dimension()];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(0.37 * i) + 0.1 * Math.cos(1.3 * i);
        }
        for (int threads : new int[] {2, 3}) {
            List<double[]> r = serialThenParallel(() -> {
                double[] out = new double[y.length];
                solver.applyGenerator(0, y, out);
                return out;
            }, threads);
            assertArrayEquals(r.get(0), r.get(1), threads + " threads");
        }
    }

    @Test
    void runsHaveTheSerialBits() {
        HeomSolver solver = fmo(3);
        double[] t = linspace(0, 0.2, 5);
        List<double[]> r = serialThenParallel(() -> solver.run(basis(7, 0), t, List.of()).finalState().toArray(), 2);
        assertArrayEquals(r.get(0), r.get(1), "FMO depth 3, final state");

        Qobj d = destroy(2);
        HeomSolver fermions = new HeomSolver(d.dag().times(d),
                List.of(new LorentzianPadeBath(d, 0.05, 1, 0.5, 0.3, 3), new LorentzianPadeBath(d, 0.05, 1, -0.5, 0.3, 3),
                        new DrudeLorentzBath(d.dag().times(d), 0.05, 0.5, 0.3, 1)), 3,
                HeomOptions.defaults().withAdoReturn(true));
        List<double[]> f = serialThenParallel(() -> fermions.run(basis(2, 1), linspace(0, 5, 3), List.of())
                .ados(2).toArray(), 2);
        assertArrayEquals(f.get(0), f.get(1), "mixed fermionic and bosonic hierarchy, every ADO");
    }

    /**
     * The Adams integrator (the default; its passes and its dense output at the output times
     * split over the threads): the serial bits on 2 and 3 threads, at every output time.
     */
    @Test
    void adamsRunsHaveTheSerialBits() {
        HeomSolver solver = fmo(3, "adams");
        double[] t = linspace(0, 0.2, 9);
        Qobj site = basis(7, 0).times(basis(7, 0).dag());
        Supplier<double[]> run = () -> {
            HeomResult r = solver.run(basis(7, 0), t, List.of(site));
            double[] state = r.finalState().toArray();
            double[] e = r.expect(0);
            double[] all = java.util.Arrays.copyOf(state, state.length + e.length);
            System.arraycopy(e, 0, all, state.length, e.length);
            return all;
        };
        for (int threads : new int[] {2, 3}) {
            List<double[]> r = serialThenParallel(run, threads);
            assertArrayEquals(r.get(0), r.get(1), "FMO depth 3, adams, " + threads + " threads");
            // the population of site 1 has left 1: the run moved
            assertTrue(r.get(0)[r.get(0).length - 2] < 0.99, "population at t = 0.175: " + r.get(0)[r.get(0).length - 2]);
        }
    }
}
