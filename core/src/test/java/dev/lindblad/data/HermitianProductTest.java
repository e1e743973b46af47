package dev.lindblad.data;

import static dev.lindblad.Lindblad.basis;
import static dev.lindblad.Lindblad.destroy;
import static dev.lindblad.Lindblad.liouvillian;
import static dev.lindblad.Lindblad.qeye;
import static dev.lindblad.Lindblad.sigmam;
import static dev.lindblad.Lindblad.sigmax;
import static dev.lindblad.Lindblad.sigmaz;
import static dev.lindblad.Lindblad.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import dev.lindblad.parallel.Parallelism;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The half-cost product of Hermiticity-preserving superoperators ({@link Data#matvecUpper},
 * {@link Data#hermitianFromUpper}) against the full product, on the Liouvillians the solvers
 * meet (Kerr oscillator in DIA storage, Ising chain and a qutrit with two spins in sliced split storage, complex jump operators), its
 * parallel run against the serial one bit for bit, and the symmetry check.
 */
class HermitianProductTest {

    private final Random rng = new Random(7);

    @AfterEach
    void reset() {
        Parallelism.resetThreads();
        Parallelism.threshold(0);
    }

    static Qobj kerr(int n) {
        Qobj a = destroy(n);
        Qobj h = a.dag().times(a).times(0.1).plus(a.dag().pow(2).times(a.pow(2)).times(0.025)).plus(a.plus(a.dag()).times(2));
        return liouvillian(h, List.of(a.times(Math.sqrt(1.2)), a.dag().times(Math.sqrt(0.2))));
    }

    static Qobj site(Qobj op, int i, int n) {
        Qobj[] f = new Qobj[n];
        Arrays.fill(f, qeye(2));
        f[i] = op;
        return tensor(f);
    }

    static Qobj ising(int n) {
        Qobj h = null;
        List<Qobj> c = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Qobj z = site(sigmaz(), i, n).times(50);
            h = h == null ? z : h.plus(z);
            c.add(site(sigmam(), i, n));
        }
        for (int i = 0; i + 1 < n; i++) {
            h = h.plus(site(sigmax(), i, n).times(site(sigmax(), i + 1, n)).times(25));
        }
        return liouvillian(h, c);
    }

    /** A random Hermitian n×n operator, column by column, interleaved. */
    double[] hermitian(int n) {
        double[] y = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            y[2 * (j + n * j)] = rng.nextGaussian();
            for (int i = 0; i < j; i++) {
                double re = rng.nextGaussian(), im = rng.nextGaussian();
                y[2 * (i + n * j)] = re;
                y[2 * (i + n * j) + 1] = im;
                y[2 * (j + n * i)] = re;
                y[2 * (j + n * i) + 1] = -im;
            }
        }
        return y;
    }

    /** Upper rows bit-identical to the full product, lower rows their conjugates, the whole close to the full product. */
    void checkAgainstFull(Qobj l, int n, Class<?> storage) {
        LinearMap map = Data.prepareProduct(l.data());
        assertInstanceOf(storage, map);
        assertTrue(Data.preservesHermiticity(l.data(), n, 1e-14));
        double[] x = hermitian(n);
        double[] full = new double[x.length];
        Parallelism.serial(() -> {
            Data.matvec(map, x, 0, full, 0, 1, 0, 0, 0);
            return null;
        });
        double[] half = new double[x.length];
        Arrays.fill(half, Double.NaN);
        Parallelism.serial(() -> {
            Data.matvecUpper(map, n, x, half, 1, 0);
            return null;
        });
        double scale = 0;
        for (double v : full) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                int k = 2 * (i + n * j);
                assertEquals(full[k], half[k], 0.0, "upper entry (" + i + ", " + j + ")");
                assertEquals(full[k + 1], half[k + 1], 0.0, "upper entry (" + i + ", " + j + ")");
            }
        }
        Data.hermitianFromUpper(n, half);
        for (int k = 0; k < full.length; k++) {
            assertEquals(full[k], half[k], 1e-13 * scale, "entry " + k / 2);
        }
        // alpha, beta real: y = 0.5 L x - 2 y on a Hermitian y
        double[] y0 = hermitian(n);
        double[] expected = y0.clone();
        Data.matvec(map, x, 0, expected, 0, 0.5, 0, -2, 0);
        double[] y = y0.clone();
        Data.matvecUpper(map, n, x, y, 0.5, -2);
        Data.hermitianFromUpper(n, y);
        for (int k = 0; k < full.length; k++) {
            assertEquals(expected[k], y[k], 1e-13 * scale, "entry " + k / 2);
        }
    }

    @Test
    void kerrLiouvillianInDiagonalStorage() {
        checkAgainstFull(kerr(90), 90, SplitDiaMatrix.class);   // the upper-triangle DIA kernel
        checkAgainstFull(kerr(30), 30, SplitDiaMatrix.class);   // short columns: the full DIA product
    }

    @Test
    void isingLiouvillianInSlicedSplitStorage() {
        checkAgainstFull(ising(5), 32, SlicedSplitMatrix.class);
    }

    /** A qutrit and two spins (n = 12): slices of eight rows straddle the columns of rho. */
    static Qobj qutritAndSpins() {
        Qobj a = tensor(destroy(3), qeye(2), qeye(2));
        Qobj s1 = tensor(qeye(3), sigmam(), qeye(2)), s2 = tensor(qeye(3), qeye(2), sigmam());
        Qobj h = a.dag().times(a).times(1.3).plus(s1.dag().times(s1).times(0.7)).plus(s2.dag().times(s2).times(0.4))
                .plus(a.times(s1.dag()).plus(a.dag().times(s1)).times(0.2))
                .plus(s1.plus(s1.dag()).times(s2.plus(s2.dag())).times(0.3));
        return liouvillian(h, List.of(a.times(0.5), s1.times(0.3), s2.times(0.2)));
    }

    @Test
    void slicedStorageWhenSlicesStraddleColumns() {
        checkAgainstFull(qutritAndSpins(), 12, SlicedSplitMatrix.class);
        Parallelism.threads(3);
        Parallelism.threshold(1);
        LinearMap map = Data.prepareProduct(qutritAndSpins().data());
        double[] x = hermitian(12);
        double[] serial = new double[x.length];
        Parallelism.serial(() -> {
            Data.matvecUpper(map, 12, x, serial, 1, 0);
            return null;
        });
        double[] parallel = new double[x.length];
        long before = Parallelism.splitCount();
        Data.matvecUpper(map, 12, x, parallel, 1, 0);
        assertTrue(Parallelism.splitCount() > before, "the parallel run did not split");
        assertArrayEquals(serial, parallel);
    }

    @Test
    void complexJumpOperatorsInPlainStorage() {
        int n = 12;
        Qobj a = destroy(n);
        Qobj c = a.times(Complex.of(0.3, 0.8)).plus(a.dag().times(a).times(Complex.of(0, 0.4)));
        Qobj h = a.plus(a.dag()).times(0.7).plus(a.dag().times(a).times(a.dag()).times(a).times(0.1));
        checkAgainstFull(liouvillian(h, List.of(c, a.dag().times(0.2))), n, LinearMap.class);
    }

    @Test
    void parallelUpperProductHasTheSerialBits() {
        Parallelism.threads(3);
        Parallelism.threshold(1);
        for (Object[] c : new Object[][] {{kerr(90), 90}, {ising(6), 64}}) {
            Qobj l = (Qobj) c[0];
            int n = (Integer) c[1];
            LinearMap map = Data.prepareProduct(l.data());
            double[] x = hermitian(n);
            double[] serial = new double[x.length];
            Parallelism.serial(() -> {
                Data.matvecUpper(map, n, x, serial, 1, 0);
                return null;
            });
            double[] parallel = new double[x.length];
            long before = Parallelism.splitCount();
            Data.matvecUpper(map, n, x, parallel, 1, 0);
            assertTrue(Parallelism.splitCount() > before, "the parallel run did not split");
            assertArrayEquals(serial, parallel);
        }
    }

    @Test
    void symmetryCheck() {
        Qobj a = destroy(6);
        // a non-Hermitian "Hamiltonian" breaks it, any jump operator keeps it
        assertFalse(Data.preservesHermiticity(liouvillian(a, List.of()).data(), 6, 1e-14));
        assertTrue(Data.preservesHermiticity(liouvillian(a.plus(a.dag()), List.of(a.times(Complex.of(1, 2)))).data(), 6, 1e-14));
        assertFalse(Data.preservesHermiticity(a.data(), 6, 1e-14), "not a superoperator on 6x6 operators");
        Qobj proj = basis(2, 0).times(basis(2, 1).dag());
        assertFalse(Data.preservesHermiticity(Data.kron(qeye(2).data(), proj.data()), 2, 1e-14), "rho -> P rho");
        assertThrows(IllegalArgumentException.class, () -> Data.matvecUpper(Data.prepareProduct(a.data()), 6,
                new double[72], new double[72], 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Data.hermitianFromUpper(3, new double[10]));
    }
}
