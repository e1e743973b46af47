package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static dev.lindblad.QobjSurfaceTest.assertClose;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.data.DenseMatrix;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Random objects: the properties every sample must have (unitarity, trace, positivity, CPTP)
 * and the moments of their ensembles, each sample mean checked against its exact value within
 * five standard errors. QuTiP's random streams are NumPy's, so numbers are not compared with
 * QuTiP; reproducibility by seed is.
 */
class RandomObjectsTest {

    /** Asserts that the mean of m draws is within 5 standard errors (sample estimate) of the exact value. */
    private static void assertMean(double exact, int m, DoubleSupplier draw, String what) {
        double s = 0, s2 = 0;
        for (int k = 0; k < m; k++) {
            double x = draw.getAsDouble();
            s += x;
            s2 += x * x;
        }
        double mean = s / m, var = Math.max(s2 / m - mean * mean, 0);
        double se = Math.sqrt(var / m);
        assertTrue(Math.abs(mean - exact) <= 5 * se + 1e-12, what + ": mean " + mean + ", exact " + exact + ", 5 se " + 5 * se);
    }

    private static long nonZeros(Qobj q) {
        double[] a = q.toArray();
        long n = 0;
        for (int p = 0; p < a.length; p += 2) {
            n += a[p] != 0 || a[p + 1] != 0 ? 1 : 0;
        }
        return n;
    }

    private static double minEigenvalue(Qobj h) {
        return h.eigenenergies()[0];
    }

    @Test
    void haarUnitariesAreUnitaryWithHaarMoments() {
        RandomGenerator rng = RandomObjects.generator(11);
        int n = 4;
        for (int k = 0; k < 20; k++) {
            assertTrue(randUnitary(new int[] {n}, 1, "haar", rng).isUnitary());
        }
        // E|tr U|^2 = 1, E|U_00|^2 = 1/n, E|U_00|^4 = 2/(n(n+1)), E Re tr U = 0
        RandomGenerator r2 = RandomObjects.generator(12);
        Qobj[] sample = new Qobj[4000];
        for (int k = 0; k < sample.length; k++) {
            sample[k] = randUnitary(new int[] {n}, 1, "haar", r2);
        }
        int[] i = {0};
        assertMean(1, sample.length, () -> sample[i[0]++].tr().abs2(), "E|tr U|^2");
        i[0] = 0;
        assertMean(0, sample.length, () -> sample[i[0]++].tr().re(), "E Re tr U");
        i[0] = 0;
        assertMean(1.0 / n, sample.length, () -> sample[i[0]++].get(1, 2).abs2(), "E|U_12|^2");
        i[0] = 0;
        assertMean(2.0 / (n * (n + 1)), sample.length, () -> Math.pow(sample[i[0]++].get(0, 0).abs2(), 2), "E|U_00|^4");
        // the eigenphases: E|tr U^k|^2 = min(k, n) (Diaconis and Shahshahani, J. Appl. Prob. 31A, 49 (1994))
        for (int p : new int[] {2, 3, 6}) {
            i[0] = 0;
            assertMean(Math.min(p, n), sample.length, () -> sample[i[0]++].pow(p).tr().abs2(), "E|tr U^" + p + "|^2");
        }
        assertEquals(Dims.oper(2, 3), randUnitary(new int[] {2, 3}, 1, "haar", rng).dims());
    }

    @Test
    void sparseAndExponentialUnitaries() {
        RandomGenerator rng = RandomObjects.generator(5);
        for (double density : new double[] {0.1, 0.3, 0.6}) {
            Qobj u = randUnitary(new int[] {30}, density, "haar", rng);
            assertTrue(u.isUnitary());
            long nnz = nonZeros(u);
            double fraction = nnz / 900.0;
            assertTrue(fraction > 0.5 * density && fraction < 1.5 * density + 0.05, "density " + density + " got " + fraction);
        }
        assertTrue(randUnitary(new int[] {6}, 1, "exp", rng).isUnitary());
        assertThrows(IllegalArgumentException.class, () -> randUnitary(new int[] {3}, 1, "cue", rng));
        assertThrows(IllegalArgumentException.class, () -> randUnitary(new int[] {3}, 0, "haar", rng));
        assertThrows(NullPointerException.class, () -> randUnitary(new int[] {3}, 1, "haar", null));
    }

    @Test
    void randomKetsAreUniformOnTheSphere() {
        int n = 5;
        RandomGenerator rng = RandomObjects.generator(21);
        Qobj[] s = new Qobj[4000];
        for (int k = 0; k < s.length; k++) {
            s[k] = randKet(new int[] {n}, 1, "haar", rng);
            assertEquals(1, s[k].norm(), 1e-14);
        }
        int[] i = {0};
        assertMean(1.0 / n, s.length, () -> s[i[0]++].get(3, 0).abs2(), "E|psi_3|^2");
        i[0] = 0;
        assertMean(2.0 / (n * (n + 1)), s.length, () -> Math.pow(s[i[0]++].get(0, 0).abs2(), 2), "E|psi_0|^4");
        Qobj fill = randKet(new int[] {40}, 0.25, "fill", rng);
        assertEquals(1, fill.norm(), 1e-14);
        long nnz = nonZeros(fill);
        assertTrue(nnz >= 1 && nnz <= 25, "fill density: " + nnz + " of 40");
        assertEquals(Dims.ket(2, 2), randKet(new int[] {2, 2}, 1, "haar", rng).dims());
        assertThrows(IllegalArgumentException.class, () -> randKet(new int[] {3}, 1, "ginibre", rng));
    }

    @Test
    void randomDensityMatricesHaveRankTraceAndPurityMoments() {
        int n = 4;
        RandomGenerator rng = RandomObjects.generator(31);
        for (int rank = 1; rank <= n; rank++) {
            Qobj rho = randDm(new int[] {n}, "ginibre", rank, rng);
            assertTrue(rho.isHerm());
            assertEquals(1, rho.tr().re(), 1e-14);
            double[] ev = rho.eigenenergies();
            for (int k = 0; k < n - rank; k++) {
                assertEquals(0, ev[k], 1e-14, "rank " + rank + ": zero eigenvalue " + k);
            }
            assertTrue(ev[n - rank] > 1e-6, "rank " + rank + ": positive eigenvalues " + Arrays.toString(ev));
            // E tr rho^2 = (n + k)/(n k + 1) for the induced (Ginibre) measure of rank k
            int r = rank;
            assertMean((n + r) / (n * (double) r + 1), 3000, () -> randDm(new int[] {n}, "ginibre", r, rng).purity(),
                    "E purity rank " + rank);
        }
        assertEquals(1, randDm(new int[] {n}, "pure", 0, rng).purity(), 1e-14);
        assertMean(2.0 * n / (n * n + 1), 3000, () -> randDm(new int[] {n}, "hs", 0, rng).purity(), "E purity HS");
        Qobj e = randDmEigen(new double[] {0.5, 0.3, 0.2, 0}, rng);
        assertArrayEquals(new double[] {0, 0.2, 0.3, 0.5}, e.eigenenergies(), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> randDm(new int[] {3}, "ginibre", 4, rng));
        assertThrows(IllegalArgumentException.class, () -> randDm(new int[] {3}, "bures", 3, rng));
        assertThrows(IllegalArgumentException.class, () -> randDmEigen(new double[] {0.5, 0.6}, rng));
        assertThrows(IllegalArgumentException.class, () -> randDmEigen(new double[] {1.5, -0.5}, rng));
    }

    @Test
    void randomHermitianOperators() {
        RandomGenerator rng = RandomObjects.generator(41);
        int n = 60;
        for (double density : new double[] {0.05, 0.3, 0.8, 1}) {
            Qobj h = randHerm(new int[] {n}, density, "fill", rng);
            assertTrue(h.isHerm());
            double[] a = h.toArray();
            int nz = 0;
            for (int p = 0; p < a.length; p += 2) {
                nz += a[p] != 0 || a[p + 1] != 0 ? 1 : 0;
                assertTrue(Math.abs(a[p]) <= 1 && Math.abs(a[p + 1]) <= 1);
            }
            double fraction = nz / (double) (n * n);
            // each entry is present with probability `density`: binomial, 5 standard deviations
            assertEquals(density, fraction, 5 * Math.sqrt(density * (1 - density) / (n * n / 2.0)) + 1e-12, "density " + density);
        }
        assertTrue(minEigenvalue(randHerm(new int[] {n}, 0.5, "pos_def", rng)) > 0);
        Qobj spec = randHermEigen(new double[] {-2, 0.5, 3}, rng);
        assertArrayEquals(new double[] {-2, 0.5, 3}, spec.eigenenergies(), 1e-13);
        assertThrows(IllegalArgumentException.class, () -> randHerm(new int[] {3}, 1.5, "fill", rng));
        assertThrows(IllegalArgumentException.class, () -> randHerm(new int[] {3}, 0.5, "eigen", rng));
    }

    @Test
    void randomStochasticMatrices() {
        RandomGenerator rng = RandomObjects.generator(51);
        for (String kind : List.of("left", "right")) {
            Qobj m = randStochastic(new int[] {12}, 0.5, kind, rng);
            double[] a = m.toArray();
            for (int p = 0; p < a.length; p += 2) {
                assertTrue(a[p] >= 0 && a[p + 1] == 0);
            }
            for (int k = 0; k < 12; k++) {
                double sum = 0;
                for (int l = 0; l < 12; l++) {
                    sum += kind.equals("left") ? m.get(l, k).re() : m.get(k, l).re();
                }
                assertEquals(1, sum, 1e-14, kind + " sum " + k);
            }
        }
        // a left stochastic matrix maps probability vectors to probability vectors
        Qobj p = randStochastic(8, 3).times(Qobj.ket(0.5, 0.5, 0, 0, 0, 0, 0, 0));
        assertEquals(1, Arrays.stream(p.toArray()).sum(), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> randStochastic(new int[] {3}, 0.5, "up", rng));
    }

    /** The Choi matrix {@code J[cN + a, dN + b] = S[a + bN, c + dN]} of a superoperator. */
    private static Qobj choi(Qobj s, int n) {
        double[] j = new double[2 * n * n * n * n];
        int n2 = n * n;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                for (int c = 0; c < n; c++) {
                    for (int d = 0; d < n; d++) {
                        Complex z = s.get(a + b * n, c + d * n);
                        j[2 * ((c * n + a) + (d * n + b) * n2)] = z.re();
                        j[2 * ((c * n + a) + (d * n + b) * n2) + 1] = z.im();
                    }
                }
            }
        }
        return Qobj.of(DenseMatrix.wrap(n2, n2, j));
    }

    private static void assertCptp(Qobj s, int n, double tol, String what) {
        Qobj j = choi(s, n);
        assertTrue(j.isClose(j.dag(), tol), what + ": Choi matrix Hermitian");
        assertTrue(minEigenvalue(j.plus(j.dag()).times(0.5)) > -tol, what + ": completely positive");
        for (long seed = 0; seed < 3; seed++) {
            Qobj rho = randDm(n, 100 + seed);
            Qobj out = vectorToOperator(s.times(operatorToVector(rho)));
            assertEquals(1, out.tr().re(), tol, what + ": trace preserved");
            assertEquals(0, out.tr().im(), tol, what + ": trace real");
        }
    }

    @Test
    void bcszSuperoperatorsAreCptpWithTheirRank() {
        RandomGenerator rng = RandomObjects.generator(61);
        int n = 3;
        for (int rank : new int[] {1, 4, 9}) {
            Qobj s = randSuperBcsz(new int[] {n}, true, rank, rng);
            assertEquals(Dims.superOf(Dims.oper(n)), s.dims());
            assertCptp(s, n, 1e-12, "BCSZ rank " + rank);
            double[] ev = choi(s, n).eigenenergies();
            for (int k = 0; k < n * n - rank; k++) {
                assertEquals(0, ev[k], 1e-12, "rank " + rank);
            }
            assertTrue(ev[n * n - rank] > 1e-8);
        }
        Qobj notp = randSuperBcsz(new int[] {n}, false, 9, rng);
        assertEquals(n, choi(notp, n).tr().re(), 1e-12);
        // unitary covariance makes the average channel the completely depolarising one: E S(|0><0|) = 1/n
        int m = 1500;
        Qobj avg = null;
        Qobj in = operatorToVector(fockDm(n, 0));
        double[] s2 = new double[1];
        for (int k = 0; k < m; k++) {
            Qobj out = vectorToOperator(randSuperBcsz(new int[] {n}, true, 9, rng).times(in));
            avg = avg == null ? out : avg.plus(out);
            s2[0] += Math.pow(out.get(1, 1).re() - 1.0 / n, 2);
        }
        double se = Math.sqrt(s2[0] / m / m);
        assertClose(qeye(n).times(1.0 / n), avg.times(1.0 / m), 6 * se, "average BCSZ channel");
        assertThrows(IllegalArgumentException.class, () -> randSuperBcsz(new int[] {2}, true, 5, rng));
    }

    @Test
    void krausMapsAndRandomSuperoperatorsArePhysical() {
        for (int n : new int[] {1, 2, 3}) {
            List<Qobj> ks = randKrausMap(n, 71 + n);
            assertEquals(n * n, ks.size());
            Qobj sum = qzero(n);
            for (Qobj k : ks) {
                sum = sum.plus(k.dag().times(k));
            }
            assertClose(qeye(n), sum, 1e-13, "sum K^dag K, n = " + n);
            Qobj sup = null;
            for (Qobj k : ks) {
                Qobj t = sprepost(k, k.dag());
                sup = sup == null ? t : sup.plus(t);
            }
            assertCptp(sup, n, 1e-12, "Kraus map n = " + n);
        }
        Qobj rs = randSuper(3, 81);
        assertEquals(Dims.superOf(Dims.oper(3)), rs.dims());
        assertCptp(rs, 3, 1e-6, "randSuper");
    }

    @Test
    void sameSeedSameObjectOtherSeedOther() {
        assertEquals(randUnitary(5, 9), randUnitary(5, 9));
        assertArrayEquals(randDm(4, 2, 9).toArray(), randDm(4, 2, 9).toArray());
        assertArrayEquals(randKet(6, 9).toArray(), randKet(6, 9).toArray());
        assertArrayEquals(randHerm(6, 0.5, 9).toArray(), randHerm(6, 0.5, 9).toArray());
        assertArrayEquals(randStochastic(6, 9).toArray(), randStochastic(6, 9).toArray());
        assertArrayEquals(randSuperBcsz(2, 9).toArray(), randSuperBcsz(2, 9).toArray());
        assertArrayEquals(randKrausMap(2, 9).get(3).toArray(), randKrausMap(2, 9).get(3).toArray());
        assertArrayEquals(randSuper(2, 9).toArray(), randSuper(2, 9).toArray());
        assertFalse(Arrays.equals(randUnitary(5, 9).toArray(), randUnitary(5, 10).toArray()));
        assertFalse(Arrays.equals(randDm(4, 9).toArray(), randDm(4, 10).toArray()));
        // a generator passed in is consumed: two calls give two different objects
        RandomGenerator g = RandomObjects.generator(9);
        assertFalse(Arrays.equals(randKet(new int[] {4}, 1, "haar", g).toArray(), randKet(new int[] {4}, 1, "haar", g).toArray()));
    }
}
