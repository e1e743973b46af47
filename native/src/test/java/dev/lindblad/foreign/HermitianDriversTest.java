package dev.lindblad.foreign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Backends;
import dev.lindblad.backend.Kernel;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.linalg.HermitianEigen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LAPACK drivers of the Hermitian eigen-decomposition ({@code zheevd}, {@code zheevd_2stage},
 * {@code zheevr}) against each other and against the pure-Java {@link HermitianEigen}, on random,
 * exactly degenerate and physical matrices, at sizes on both sides of
 * {@link DenseLapack#twoStageFrom}, for MKL and OpenBLAS (skipped with the reason when absent).
 */
class HermitianDriversTest {

    /** Eigenvectors are checked (residual, orthonormality: O(n³) in Java) up to this size. */
    private static final int VECTORS_UP_TO = 200;
    private static final int[] SIZES = {1, 6, 40, 127, 128, 299, 300, 383, 384, 447, 448};

    /** The backend's dense kernels, or the test is skipped with the reason printed. */
    static DenseLapack lapack(String name) {
        Backend b = NativeKernelsTest.backend(name, Kernel.HERMITIAN_EIGEN);
        DenseLapack d = b instanceof MklBackend m ? m.state().dense()
                : b instanceof OpenBlasBackend o ? o.state().dense() : null;
        if (d == null) {
            Assumptions.abort(name + " has no dense LAPACK");
        }
        return d;
    }

    /** {@code V diag(d) V^†} with V the (Java) eigenvectors of a random Hermitian matrix. */
    static double[] withSpectrum(int n, double[] d, long seed) {
        double[] v = HermitianEigen.decompose(n, NativeKernelsTest.randomHermitian(n, seed), true).eigenvectors();
        double[] vd = v.clone();
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                vd[2 * (i + k * n)] *= d[k];
                vd[2 * (i + k * n) + 1] *= d[k];
            }
        }
        double[] vh = Data.adjoint(DenseMatrix.wrap(n, n, v)).toDense().array();
        double[] a = Backends.with("java", () -> Data.matmul(DenseMatrix.wrap(n, n, vd), DenseMatrix.wrap(n, n, vh)))
                .toDense().array();
        for (int j = 0; j < n; j++) {   // exactly Hermitian
            a[2 * (j + j * n) + 1] = 0;
            for (int i = j + 1; i < n; i++) {
                a[2 * (j + i * n)] = a[2 * (i + j * n)];
                a[2 * (j + i * n) + 1] = -a[2 * (i + j * n) + 1];
            }
        }
        return a;
    }

    /** Spectrum with multiplicities: the values -2, 0.5, 0.5 + 1e-9, 3 repeated in blocks. */
    static double[] degenerateSpectrum(int n) {
        double[] levels = {-2, 0.5, 0.5 + 1e-9, 3};
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            d[k] = levels[(int) ((long) k * levels.length / n)];
        }
        return d;
    }

    record Case(String what, int n, double[] a, double[] exact) {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (int n : SIZES) {
            cases.add(new Case("random", n, NativeKernelsTest.randomHermitian(n, 100 + n), null));
            double[] d = degenerateSpectrum(n);
            cases.add(new Case("degenerate", n, withSpectrum(n, d, 200 + n), d));
        }
        for (int levels : new int[] {15, 100}) {   // n = 30, 200
            cases.add(new Case("Jaynes-Cummings", 2 * levels, NativeKernelsTest.jaynesCummings(levels), null));
        }
        return cases;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mkl", "openblas"})
    void everyDriverMatchesJava(String name) {
        DenseLapack d = lapack(name);
        for (Case c : cases()) {
            int n = c.n();
            double[] a = c.a(), before = a.clone();
            double[] java = Backends.with("java", () -> HermitianEigen.eigenvalues(n, a));
            double scale = Math.max(Math.abs(java[0]), Math.abs(java[n - 1]));
            String what = name + " " + c.what() + " n=" + n;
            if (c.exact() != null) {   // the Java kernel itself against the spectrum built in
                for (int k = 0; k < n; k++) {
                    assertEquals(c.exact()[k], java[k], 1e-12 * scale, what + ": Java vs exact, k=" + k);
                }
            }
            for (DenseLapack.HermitianDriver driver : DenseLapack.HermitianDriver.values()) {
                for (int threads : new int[] {1, 2}) {
                    String w = what + " " + driver.routine + " threads=" + threads;
                    if (d.has(driver, false)) {
                        double[] values = d.hermitianEigen(n, a, null, threads, driver);
                        assertClose(java, values, scale, w + " values only");
                    } else {
                        System.out.println("SKIPPED " + w + " values only: " + name + " has no " + driver.routine);
                    }
                    if (d.has(driver, true) && n <= VECTORS_UP_TO) {
                        double[] v = new double[2 * n * n];
                        double[] values = d.hermitianEigen(n, a, v, threads, driver);
                        assertClose(java, values, scale, w + " with vectors");
                        NativeKernelsTest.assertResidual(n, a, values, v, Math.max(1, NativeKernelsTest.maxAbs(a) * n), w);
                    }
                }
            }
            assertArrayEquals(before, a, what + ": the input is not modified");
        }
    }

    static void assertClose(double[] expected, double[] actual, double scale, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], 1e-12 * Math.max(scale, Double.MIN_NORMAL), what + ", k=" + k);
            if (k > 0) {
                assertTrue(actual[k - 1] <= actual[k], what + ": ascending at k=" + k);
            }
        }
    }

    /** The dispatch's eigenvalues are the two-stage driver's bits above the threshold, zheevd's below. */
    @ParameterizedTest
    @ValueSource(strings = {"mkl", "openblas"})
    void dispatchTakesTheTwoStageDriverForValuesAlone(String name) {
        DenseLapack d = lapack(name);
        Backend b = NativeKernelsTest.backend(name, Kernel.HERMITIAN_EIGEN);
        Assumptions.assumeTrue(d.has(DenseLapack.HermitianDriver.EVD_2STAGE, false),
                () -> { System.out.println("SKIPPED: " + name + " has no zheevd_2stage"); return name + " has no zheevd_2stage"; });
        for (int threads : new int[] {1, 2}) {
            int from = d.twoStageFrom(threads);
            assertEquals(DenseLapack.HermitianDriver.EVD, d.driverFor(from - 1, false, threads));
            assertEquals(DenseLapack.HermitianDriver.EVD_2STAGE, d.driverFor(from, false, threads));
            assertEquals(DenseLapack.HermitianDriver.EVD, d.driverFor(from, true, threads));
        }
        int n = d.twoStageFrom(1) + 16;
        double[] a = NativeKernelsTest.randomHermitian(n, 9);
        int threads = Backends.callThreads(Kernel.HERMITIAN_EIGEN, b, n);
        DenseLapack.HermitianDriver expected = d.driverFor(n, false, threads);
        assertEquals(threads > 1 && d.twoStageFrom(threads) > n ? DenseLapack.HermitianDriver.EVD
                : DenseLapack.HermitianDriver.EVD_2STAGE, expected);
        double[] viaDispatch = Backends.with(name, () -> HermitianEigen.eigenvalues(n, a));
        assertArrayEquals(d.hermitianEigen(n, a, null, threads, expected), viaDispatch,
                name + ": eigenvalues through the dispatch at n=" + n + " (" + expected + ", " + threads + " threads)");
        double[] v = new double[2 * n * n];
        assertArrayEquals(d.hermitianEigen(n, a, v, threads, DenseLapack.HermitianDriver.EVD),
                Backends.with(name, () -> HermitianEigen.decompose(n, a, true)).eigenvalues(),
                name + ": eigenvectors through the dispatch take zheevd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mkl", "openblas"})
    void twoStageWithVectorsIsRefused(String name) {
        DenseLapack d = lapack(name);
        double[] a = NativeKernelsTest.randomHermitian(4, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.hermitianEigen(4, a, new double[32], 1, DenseLapack.HermitianDriver.EVD_2STAGE));
        assertTrue(e.getMessage().contains("zheevd_2stage"), e.getMessage());
    }
}
