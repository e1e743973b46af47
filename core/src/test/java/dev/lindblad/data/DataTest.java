package dev.lindblad.data;

import static dev.lindblad.data.RefMatrix.assertComplex;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Complex;
import dev.lindblad.data.RefMatrix.Fmt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The data layer against {@link RefMatrix}, a naive row-major dense reference, for random
 * inputs of several shapes, densities (all zero, ~0.1, ~0.6, full) and every pair of formats.
 * Tolerances are relative to the largest entry of the expected result.
 */
class DataTest {

    private static final double TOL = 1e-12;
    private static final double[] DENSITIES = {0.0, 0.1, 0.6, 1.0};
    private static final Fmt[] FORMATS = Fmt.values();

    static Stream<Arguments> shapes() {
        return Stream.of(Arguments.of(1, 1), Arguments.of(2, 2), Arguments.of(3, 3), Arguments.of(7, 7),
                Arguments.of(16, 16), Arguments.of(33, 33), Arguments.of(3, 5), Arguments.of(5, 3),
                Arguments.of(1, 4), Arguments.of(4, 1));
    }

    static Stream<Arguments> squareSizes() {
        return Stream.of(1, 2, 3, 7, 16, 33).map(Arguments::of);
    }

    /** Inner dimensions for products: (m, k, n) for an m×k times k×n product. */
    static Stream<Arguments> productShapes() {
        return Stream.of(Arguments.of(1, 1, 1), Arguments.of(2, 2, 2), Arguments.of(3, 3, 3), Arguments.of(7, 7, 7),
                Arguments.of(16, 16, 16), Arguments.of(33, 33, 33), Arguments.of(3, 5, 2), Arguments.of(5, 3, 4),
                Arguments.of(1, 4, 1), Arguments.of(4, 1, 4), Arguments.of(3, 5, 5));
    }

    private static String label(String op, RefMatrix a, Fmt fa, double da, Fmt fb, double db) {
        return op + " " + a.m + "x" + a.n + " " + fa + "(density " + da + ") with " + fb + "(density " + db + ")";
    }

    /** The stated output rule for a binary operation: dense in, dense out; CSR×CSR densifies past the threshold. */
    private static void assertBinaryFormat(Fmt fa, Fmt fb, RefMatrix expected, Matrix actual, String what) {
        if (fa == Fmt.DENSE || fb == Fmt.DENSE) {
            assertInstanceOf(DenseMatrix.class, actual, what + ": a dense operand gives a dense result");
        } else if (expected.density() > Data.DENSIFY_THRESHOLD) {
            assertInstanceOf(DenseMatrix.class, actual, what + ": density " + expected.density() + " passes the threshold");
        } else {
            assertInstanceOf(CsrMatrix.class, actual, what + ": density " + expected.density() + " stays sparse");
            assertEquals(expected.nonzeros(), actual.nnz(), what + ": stored entries");
            assertCanonical((CsrMatrix) actual, what);
        }
    }

    /** Row pointers consistent, columns strictly ascending within rows, no stored exact zeros. */
    static void assertCanonical(CsrMatrix c, String what) {
        int[] rp = c.rowPointers(), ci = c.columnIndices();
        double[] v = c.valueArray();
        assertEquals(c.rows() + 1, rp.length, what + ": rowPtr length");
        assertEquals(0, rp[0], what + ": rowPtr[0]");
        for (int i = 0; i < c.rows(); i++) {
            assertTrue(rp[i] <= rp[i + 1], what + ": rowPtr non-decreasing at " + i);
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                assertTrue(ci[p] >= 0 && ci[p] < c.cols(), what + ": column in range");
                if (p > rp[i]) {
                    assertTrue(ci[p - 1] < ci[p], what + ": columns ascending and unique in row " + i);
                }
                assertTrue(v[2 * p] != 0 || v[2 * p + 1] != 0, what + ": no stored zero at row " + i);
            }
        }
    }

    private static void assertSameFormat(Matrix in, Matrix out, String what) {
        assertEquals(in.getClass(), out.getClass(), what + " keeps the format");
    }

    // ------------------------------------------------------------------ sums and scaling

    @ParameterizedTest
    @MethodSource("shapes")
    void addSubMatchReference(int m, int n) {
        Random random = new Random(31 * m + n);
        Complex alpha = new Complex(0.7, -1.3);
        for (double da : DENSITIES) {
            for (double db : DENSITIES) {
                RefMatrix a = RefMatrix.random(m, n, da, random), b = RefMatrix.random(m, n, db, random);
                for (Fmt fa : FORMATS) {
                    for (Fmt fb : FORMATS) {
                        Matrix ma = a.in(fa), mb = b.in(fb);
                        String w = label("add", a, fa, da, fb, db);
                        RefMatrix sum = a.plus(b, 1, 0);
                        Matrix s = Data.add(ma, mb);
                        sum.assertClose(s, TOL, w);
                        assertBinaryFormat(fa, fb, sum, s, w);

                        RefMatrix diff = a.plus(b, -1, 0);
                        Matrix d = Data.sub(ma, mb);
                        diff.assertClose(d, TOL, "sub: " + w);
                        assertBinaryFormat(fa, fb, diff, d, "sub: " + w);

                        RefMatrix axpy = a.plus(b, alpha.re(), alpha.im());
                        Matrix x = Data.add(ma, mb, alpha.re(), alpha.im());
                        axpy.assertClose(x, TOL, "add alpha: " + w);
                        assertBinaryFormat(fa, fb, axpy, x, "add alpha: " + w);
                    }
                }
                // operands are never modified
                for (Fmt f : FORMATS) {
                    Matrix ma = a.in(f);
                    Data.add(ma, ma, 2, 1);
                    a.assertClose(ma, 0, "operand untouched");
                }
            }
        }
    }

    @Test
    void subtractingItselfGivesAnEmptySparseMatrix() {
        RefMatrix a = RefMatrix.random(6, 4, 0.5, new Random(5));
        Matrix d = Data.sub(a.csr(), a.csr());
        assertInstanceOf(CsrMatrix.class, d);
        assertEquals(0, d.nnz(), "exact cancellation leaves no stored zeros");
        Matrix dd = Data.sub(a.dense(), a.csr());
        new RefMatrix(6, 4).assertClose(dd, 0, "dense - same sparse");
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void scaleMatchesReferenceAndKeepsFormat(int m, int n) {
        Random random = new Random(7 * m + n);
        for (double density : DENSITIES) {
            RefMatrix a = RefMatrix.random(m, n, density, random);
            for (Fmt f : FORMATS) {
                Matrix ma = a.in(f);
                for (Complex z : List.of(new Complex(2.5, 0), new Complex(-0.3, 1.7), Complex.I, Complex.ZERO)) {
                    String w = "scale by " + z + " of " + f + " " + m + "x" + n + " density " + density;
                    Matrix s = Data.scale(ma, z);
                    a.scale(z.re(), z.im()).assertClose(s, TOL, w);
                    assertSameFormat(ma, s, w);
                    if (s instanceof CsrMatrix c) {
                        assertCanonical(c, w);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ products

    @ParameterizedTest
    @MethodSource("productShapes")
    void matmulMatchesReferenceInEveryFormatPair(int m, int k, int n) {
        Random random = new Random(100 * m + 10 * k + n);
        for (double da : DENSITIES) {
            for (double db : DENSITIES) {
                RefMatrix a = RefMatrix.random(m, k, da, random), b = RefMatrix.random(k, n, db, random);
                RefMatrix ab = a.times(b);
                for (Fmt fa : FORMATS) {
                    for (Fmt fb : FORMATS) {
                        String w = label("matmul", a, fa, da, fb, db) + " (" + k + "x" + n + ")";
                        Matrix p = Data.matmul(a.in(fa), b.in(fb));
                        ab.assertClose(p, TOL * k, w);
                        assertBinaryFormat(fa, fb, ab, p, w);
                    }
                }
            }
        }
    }

    @Test
    void sparseProductStaysSparseBelowTheThresholdAndDensifiesAbove() {
        // a diagonal times a diagonal: density 1/n, stays sparse
        int n = 10;
        RefMatrix d = new RefMatrix(n, n);
        for (int i = 0; i < n; i++) {
            d.re[i][i] = i + 1;
        }
        Matrix dd = Data.matmul(d.csr(), d.csr());
        assertInstanceOf(CsrMatrix.class, dd);
        d.times(d).assertClose(dd, TOL, "diag squared");
        // a full column times a full row: density 1, dense
        RefMatrix col = new RefMatrix(n, n), row = new RefMatrix(n, n);
        for (int i = 0; i < n; i++) {
            col.re[i][0] = 1;
            row.re[0][i] = 1;
        }
        Matrix outer = Data.matmul(col.csr(), row.csr());
        assertInstanceOf(DenseMatrix.class, outer);
        col.times(row).assertClose(outer, TOL, "outer product");
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void matvecWithOffsetsAndComplexScalars(int m, int n) {
        Random random = new Random(11 * m + n);
        int xOff = 6, yOff = 4;   // in doubles: 3 and 2 complex entries of padding
        for (double density : DENSITIES) {
            RefMatrix a = RefMatrix.random(m, n, density, random);
            RefMatrix x = RefMatrix.random(n, 1, 1, random), y0 = RefMatrix.random(m, 1, 1, random);
            for (Fmt f : FORMATS) {
                Matrix ma = a.in(f);
                for (Complex[] ab : new Complex[][] {{Complex.ONE, Complex.ZERO}, {new Complex(0.5, -2), new Complex(1.5, 0.25)},
                        {new Complex(-1, 0.3), Complex.ONE}, {Complex.I, Complex.ZERO}}) {
                    Complex alpha = ab[0], beta = ab[1];
                    String w = "matvec " + f + " " + m + "x" + n + " density " + density + " alpha " + alpha + " beta " + beta;
                    double[] xs = new double[xOff + 2 * n + 4];
                    Arrays.fill(xs, Double.NaN);   // padding must not be read
                    System.arraycopy(x.columnMajor(), 0, xs, xOff, 2 * n);
                    double[] ys = new double[yOff + 2 * m + 6];
                    Arrays.fill(ys, 42.0);
                    if (beta.equals(Complex.ZERO)) {
                        Arrays.fill(ys, yOff, yOff + 2 * m, Double.NaN);   // beta = 0 ignores y, even NaN
                    } else {
                        System.arraycopy(y0.columnMajor(), 0, ys, yOff, 2 * m);
                    }
                    Data.matvec(ma, xs, xOff, ys, yOff, alpha.re(), alpha.im(), beta.re(), beta.im());
                    RefMatrix expected = a.times(x).scale(alpha.re(), alpha.im());
                    if (!beta.equals(Complex.ZERO)) {
                        expected = expected.plus(y0, beta.re(), beta.im());
                    }
                    expected.assertClose(RefMatrix.fromColumnMajor(m, 1, Arrays.copyOfRange(ys, yOff, yOff + 2 * m)), TOL * n, w);
                    for (int k = 0; k < ys.length; k++) {
                        if (k < yOff || k >= yOff + 2 * m) {
                            assertEquals(42.0, ys[k], w + ": padding of y untouched at " + k);
                        }
                    }
                    // the whole-vector overload
                    double[] xw = x.columnMajor();
                    double[] yw = beta.equals(Complex.ZERO) ? nanVector(m) : y0.columnMajor();
                    Data.matvec(alpha, ma, xw, beta, yw);
                    expected.assertClose(RefMatrix.fromColumnMajor(m, 1, yw), TOL * n, w + " (whole vectors)");
                }
            }
        }
    }

    private static double[] nanVector(int m) {
        double[] v = new double[2 * m];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    @ParameterizedTest
    @MethodSource("productShapes")
    void matmulIntoAndMatmulRightInto(int m, int k, int n) {
        Random random = new Random(1000 + 100 * m + 10 * k + n);
        for (double density : DENSITIES) {
            for (Complex[] ab : new Complex[][] {{Complex.ONE, Complex.ZERO}, {new Complex(0.5, -2), new Complex(1.5, 0.25)},
                    {new Complex(-1, 0.3), Complex.ONE}}) {
                Complex alpha = ab[0], beta = ab[1];
                boolean beta0 = beta.equals(Complex.ZERO);
                // c = alpha a b + beta c with a (m×k) in either format, b (k×n) dense
                RefMatrix a = RefMatrix.random(m, k, density, random);
                RefMatrix b = RefMatrix.random(k, n, 1, random), c0 = RefMatrix.random(m, n, 1, random);
                RefMatrix expected = a.times(b).scale(alpha.re(), alpha.im());
                if (!beta0) {
                    expected = expected.plus(c0, beta.re(), beta.im());
                }
                for (Fmt f : FORMATS) {
                    String w = "matmulInto " + f + " " + m + "x" + k + " times " + k + "x" + n + " density " + density
                            + " alpha " + alpha + " beta " + beta;
                    double[] c = beta0 ? nanVector(m * n) : c0.columnMajor();
                    Data.matmulInto(a.in(f), b.columnMajor(), n, c, alpha.re(), alpha.im(), beta.re(), beta.im());
                    expected.assertClose(RefMatrix.fromColumnMajor(m, n, c), TOL * k, w);
                }
                // c = alpha b a + beta c with b (m×k) dense, a (k×n) in either format
                RefMatrix right = RefMatrix.random(k, n, density, random);
                RefMatrix left = RefMatrix.random(m, k, 1, random), d0 = RefMatrix.random(m, n, 1, random);
                RefMatrix expectedRight = left.times(right).scale(alpha.re(), alpha.im());
                if (!beta0) {
                    expectedRight = expectedRight.plus(d0, beta.re(), beta.im());
                }
                for (Fmt f : FORMATS) {
                    String w = "matmulRightInto " + m + "x" + k + " times " + f + " " + k + "x" + n + " density " + density
                            + " alpha " + alpha + " beta " + beta;
                    double[] c = beta0 ? nanVector(m * n) : d0.columnMajor();
                    Data.matmulRightInto(left.columnMajor(), m, right.in(f), c, alpha.re(), alpha.im(), beta.re(), beta.im());
                    expectedRight.assertClose(RefMatrix.fromColumnMajor(m, n, c), TOL * k, w);
                }
            }
        }
    }

    // ------------------------------------------------------------------ unary operations

    @ParameterizedTest
    @MethodSource("shapes")
    void adjointTransposeConjMatchReference(int m, int n) {
        Random random = new Random(13 * m + n);
        for (double density : DENSITIES) {
            RefMatrix a = RefMatrix.random(m, n, density, random);
            for (Fmt f : FORMATS) {
                Matrix ma = a.in(f);
                String w = f + " " + m + "x" + n + " density " + density;
                Matrix adj = Data.adjoint(ma), tr = Data.transpose(ma), cj = Data.conj(ma);
                a.adjoint().assertClose(adj, 0, "adjoint " + w);
                a.transpose().assertClose(tr, 0, "transpose " + w);
                a.conj().assertClose(cj, 0, "conj " + w);
                assertSameFormat(ma, adj, "adjoint " + w);
                assertSameFormat(ma, tr, "transpose " + w);
                assertSameFormat(ma, cj, "conj " + w);
                for (Matrix r : List.of(adj, tr, cj)) {
                    if (r instanceof CsrMatrix c) {
                        assertCanonical(c, w);
                        assertEquals(a.nonzeros(), c.nnz(), w);
                    }
                }
                a.assertClose(Data.adjoint(Data.adjoint(ma)), 0, "adjoint twice " + w);
            }
        }
    }

    @Test
    void kronMatchesReferenceAndFollowsTheFormatRule() {
        Random random = new Random(17);
        int[][] shapes = {{1, 1}, {2, 2}, {3, 3}, {2, 3}, {3, 1}, {1, 4}, {4, 4}};
        for (int[] sa : shapes) {
            for (int[] sb : shapes) {
                for (double da : new double[] {0.0, 0.3, 1.0}) {
                    RefMatrix a = RefMatrix.random(sa[0], sa[1], da, random);
                    RefMatrix b = RefMatrix.random(sb[0], sb[1], 0.6, random);
                    RefMatrix expected = a.kron(b);
                    for (Fmt fa : FORMATS) {
                        for (Fmt fb : FORMATS) {
                            String w = label("kron", a, fa, da, fb, 0.6) + " " + sb[0] + "x" + sb[1];
                            Matrix k = Data.kron(a.in(fa), b.in(fb));
                            expected.assertClose(k, TOL, w);
                            if (fa == Fmt.DENSE && fb == Fmt.DENSE) {
                                assertInstanceOf(DenseMatrix.class, k, w);
                            } else {
                                assertInstanceOf(CsrMatrix.class, k, w + ": one sparse factor gives CSR");
                                assertCanonical((CsrMatrix) k, w);
                                assertEquals(expected.nonzeros(), k.nnz(), w);
                            }
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ scalars

    @ParameterizedTest
    @MethodSource("squareSizes")
    void traceInnerAndExpectationValues(int n) {
        Random random = new Random(19 * n);
        for (double density : DENSITIES) {
            RefMatrix a = RefMatrix.random(n, n, density, random);
            RefMatrix x = RefMatrix.random(n, 1, 1, random), y = RefMatrix.random(n, 1, 1, random);
            for (Fmt f : FORMATS) {
                Matrix ma = a.in(f);
                String w = f + " " + n + "x" + n + " density " + density;
                assertComplex(a.trace(), Data.trace(ma), TOL * n, "trace " + w);
                // <x|A|x> = x^dagger (A x)
                Complex expectKet = x.adjoint().times(a.times(x)).get(0, 0);
                assertComplex(expectKet, Data.expectKet(ma, x.columnMajor()), TOL * n * n, "expectKet " + w);
                for (double rhoDensity : new double[] {0.0, 0.2, 1.0}) {
                    RefMatrix rho = RefMatrix.random(n, n, rhoDensity, random);
                    Complex expected = a.times(rho).trace();
                    String wr = w + " rho density " + rhoDensity;
                    assertComplex(expected, Data.expectRho(ma, rho.columnMajor()), TOL * n * n, "expectRho(array) " + wr);
                    for (Fmt fr : FORMATS) {
                        assertComplex(expected, Data.expectRho(ma, rho.in(fr)), TOL * n * n,
                                "expectRho(" + fr + ") " + wr);
                    }
                }
            }
            Complex inner = x.adjoint().times(y).get(0, 0);
            assertComplex(inner, Data.inner(x.columnMajor(), y.columnMajor()), TOL * n, "inner n = " + n);
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void normsMatchReference(int m, int n) {
        Random random = new Random(23 * m + n);
        for (double density : DENSITIES) {
            RefMatrix a = RefMatrix.random(m, n, density, random).scale(3, 0);
            for (Fmt f : FORMATS) {
                Matrix ma = a.in(f);
                String w = f + " " + m + "x" + n + " density " + density;
                assertEquals(a.maxAbs(), Data.maxAbs(ma), TOL * Math.max(1, a.maxAbs()), "maxAbs " + w);
                assertEquals(a.frobenius(), Data.frobeniusNorm(ma), TOL * Math.max(1, a.frobenius()), "frobenius " + w);
                assertEquals(a.oneNorm(), Data.oneNorm(ma), TOL * Math.max(1, a.oneNorm()), "oneNorm " + w);
            }
        }
        // the Frobenius norm neither overflows nor underflows where the squares would
        for (double s : new double[] {1e200, 1e-200}) {
            RefMatrix big = new RefMatrix(2, 2);
            big.re[0][0] = 3 * s;
            big.im[1][1] = 4 * s;
            for (Fmt f : FORMATS) {
                assertEquals(5 * s, Data.frobeniusNorm(big.in(f)), 1e-14 * 5 * s, "frobenius of scale " + s + " " + f);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("squareSizes")
    void isHermitianWithTolerance(int n) {
        Random random = new Random(29 * n);
        for (double density : new double[] {0.1, 0.6, 1.0}) {
            RefMatrix h = RefMatrix.hermitian(n, density, random);
            RefMatrix skew = h.scale(0, 1);   // i H is anti-Hermitian
            RefMatrix nearly = h.scale(1, 0);
            nearly.re[n - 1][0] += 1e-13;
            RefMatrix off = h.scale(1, 0);
            off.im[0][n - 1] += 1e-6;
            for (Fmt f : FORMATS) {
                String w = f + " n = " + n + " density " + density;
                assertTrue(Data.isHermitian(h.in(f), 1e-12), "Hermitian " + w);
                assertTrue(Data.isHermitian(nearly.in(f), 1e-12), "within tolerance " + w);
                assertFalse(Data.isHermitian(off.in(f), 1e-12), "off by 1e-6 " + w);
                if (skew.maxAbs() > 0) {
                    assertFalse(Data.isHermitian(skew.in(f), 1e-12), "anti-Hermitian " + w);
                }
            }
        }
        assertFalse(Data.isHermitian(RefMatrix.random(2, 3, 1, random).dense(), 1), "non-square is never Hermitian");
        assertFalse(Data.isHermitian(new RefMatrix(3, 2).csr(), 1), "non-square is never Hermitian");
    }

    /**
     * The dense one-pass check gives the answer of {@code max |A - A^†| <= tol} formed in full,
     * across tile edges, at the tolerance's edge (the modulus, not a part, exceeds it), on the
     * diagonal, and with NaN or infinite entries.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 130})
    void denseHermitianCheckMatchesTheFormedDifference(int n) {
        Random random = new Random(31 * n);
        double tol = 1e-12;
        double[][] deviations = {{0, 0}, {0.5, 0.4}, {0.8, 0.7}, {1.0, 0}, {0, 1.0}, {1.0 + 1e-15, 0}, {0.7071, 0.7071},
                {0.7072, 0.7072}, {2, 0}, {Double.NaN, 0}, {Double.POSITIVE_INFINITY, 0}};
        for (double[] dev : deviations) {
            for (int trial = 0; trial < 4; trial++) {
                RefMatrix h = RefMatrix.hermitian(n, 1.0, random);
                double[] a = h.dense().toDense().array().clone();
                int i = random.nextInt(n), j = random.nextInt(n);
                if (trial == 0) {
                    j = i;   // on the diagonal: the deviation is 2 |Im a_ii|
                }
                a[2 * (i + j * n)] += dev[0] * tol;
                a[2 * (i + j * n) + 1] += dev[1] * tol / (i == j ? 2 : 1);
                DenseMatrix m = DenseMatrix.wrap(n, n, a);
                boolean formed = Data.maxAbs(Data.sub(m, Data.adjoint(m))) <= tol;
                assertEquals(formed, Data.isHermitian(m, tol), "n = " + n + " deviation " + Arrays.toString(dev)
                        + " at (" + i + ", " + j + ")");
            }
        }
    }

    // ------------------------------------------------------------------ tensor structure

    static Stream<Arguments> ptraceCases() {
        int[] d232 = {2, 3, 2};
        List<Arguments> cases = new ArrayList<>();
        for (int[] keep : new int[][] {{0}, {1}, {2}, {2, 0}, {0, 2}, {1, 2}, {2, 1}, {0, 1}, {0, 1, 2}, {2, 1, 0}, {1, 0, 2}}) {
            cases.add(Arguments.of(d232, keep));
        }
        cases.add(Arguments.of(new int[] {3}, new int[] {0}));
        cases.add(Arguments.of(new int[] {4, 1, 2}, new int[] {1}));
        cases.add(Arguments.of(new int[] {4, 1, 2}, new int[] {2, 0}));
        cases.add(Arguments.of(new int[] {2, 2, 2, 2}, new int[] {3, 1}));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("ptraceCases")
    void ptraceKeepsSubsystemsInTheListedOrder(int[] dims, int[] keep) {
        int size = Arrays.stream(dims).reduce(1, (p, q) -> p * q);
        Random random = new Random(Arrays.hashCode(dims) * 31 + Arrays.hashCode(keep));
        for (double density : DENSITIES) {
            RefMatrix rho = RefMatrix.random(size, size, density, random);
            RefMatrix expected = rho.ptrace(dims, keep);
            for (Fmt f : FORMATS) {
                String w = "ptrace " + f + " dims " + Arrays.toString(dims) + " keep " + Arrays.toString(keep)
                        + " density " + density;
                DenseMatrix r = Data.ptrace(rho.in(f), dims.clone(), keep.clone());
                expected.assertClose(r, TOL * size, w);
            }
        }
        // a ket: the reduced state of |psi><psi|, computed without forming it
        RefMatrix psi = RefMatrix.random(size, 1, 1, random);
        RefMatrix expected = psi.times(psi.adjoint()).ptrace(dims, keep);
        expected.assertClose(Data.ptraceKet(psi.columnMajor(), dims, keep), TOL * size,
                "ptraceKet dims " + Arrays.toString(dims) + " keep " + Arrays.toString(keep));
    }

    @Test
    void ptraceOfAProductGivesTheFactorsInTheListedOrder() {
        Random random = new Random(37);
        RefMatrix a = RefMatrix.random(2, 2, 1, random), b = RefMatrix.random(3, 3, 1, random), c = RefMatrix.random(2, 2, 1, random);
        RefMatrix abc = a.kron(b).kron(c);
        int[] dims = {2, 3, 2};
        for (Fmt f : FORMATS) {
            Matrix m = abc.in(f);
            // tr(rest) scales the kept factor(s)
            Complex trBC = b.trace().times(c.trace()), trAB = a.trace().times(b.trace()), trB = b.trace();
            a.scale(trBC.re(), trBC.im()).assertClose(Data.ptrace(m, dims, new int[] {0}), TOL, "keep [0] " + f);
            c.scale(trAB.re(), trAB.im()).assertClose(Data.ptrace(m, dims, new int[] {2}), TOL, "keep [2] " + f);
            c.kron(a).scale(trB.re(), trB.im()).assertClose(Data.ptrace(m, dims, new int[] {2, 0}), TOL, "keep [2, 0] " + f);
            a.kron(c).scale(trB.re(), trB.im()).assertClose(Data.ptrace(m, dims, new int[] {0, 2}), TOL, "keep [0, 2] " + f);
            c.kron(b).kron(a).assertClose(Data.ptrace(m, dims, new int[] {2, 1, 0}), TOL, "keep [2, 1, 0] " + f);
        }
    }

    static Stream<Arguments> permuteCases() {
        return Stream.of(
                Arguments.of(new int[] {2, 3, 2}, new int[] {2, 0, 1}),
                Arguments.of(new int[] {2, 3, 2}, new int[] {1, 2, 0}),
                Arguments.of(new int[] {2, 3, 2}, new int[] {0, 2, 1}),
                Arguments.of(new int[] {2, 3, 2}, new int[] {0, 1, 2}),
                Arguments.of(new int[] {2, 3, 4}, new int[] {2, 1, 0}),
                Arguments.of(new int[] {3, 2}, new int[] {1, 0}),
                Arguments.of(new int[] {5}, new int[] {0}),
                Arguments.of(new int[] {2, 1, 3, 2}, new int[] {3, 0, 2, 1}));
    }

    private static int[] inverse(int[] order) {
        int[] inv = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            inv[order[k]] = k;
        }
        return inv;
    }

    private static int[] reorder(int[] dims, int[] order) {
        int[] r = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            r[k] = dims[order[k]];
        }
        return r;
    }

    @ParameterizedTest
    @MethodSource("permuteCases")
    void permuteKetBraAndOperator(int[] dims, int[] order) {
        int size = Arrays.stream(dims).reduce(1, (p, q) -> p * q);
        int[] ones = new int[dims.length];
        Arrays.fill(ones, 1);
        Random random = new Random(Arrays.hashCode(dims) + 7 * Arrays.hashCode(order));
        String w0 = "dims " + Arrays.toString(dims) + " order " + Arrays.toString(order);
        for (double density : DENSITIES) {
            RefMatrix op = RefMatrix.random(size, size, density, random);
            RefMatrix ket = RefMatrix.random(size, 1, Math.max(density, 0.5), random);
            RefMatrix bra = ket.adjoint();
            for (Fmt f : FORMATS) {
                String w = w0 + " " + f + " density " + density;
                Matrix po = Data.permute(op.in(f), dims, dims, order);
                op.permute(dims, dims, order).assertClose(po, 0, "operator " + w);
                assertSameFormat(op.in(f), po, "permute " + w);
                Matrix back = Data.permute(po, reorder(dims, order), reorder(dims, order), inverse(order));
                op.assertClose(back, 0, "permute then inverse permute " + w);

                Matrix pk = Data.permute(ket.in(f), dims, ones, order);
                ket.permute(dims, ones, order).assertClose(pk, 0, "ket " + w);
                assertSameFormat(ket.in(f), pk, "permute ket " + w);
                Matrix pb = Data.permute(bra.in(f), ones, dims, order);
                bra.permute(ones, dims, order).assertClose(pb, 0, "bra " + w);
                ket.permute(dims, ones, order).adjoint().assertClose(pb, 0, "bra is the adjoint of the permuted ket " + w);
            }
        }
    }

    @Test
    void permuteSwapsKroneckerFactors() {
        Random random = new Random(41);
        RefMatrix a = RefMatrix.random(2, 2, 1, random), b = RefMatrix.random(3, 3, 0.6, random);
        for (Fmt f : FORMATS) {
            Matrix ab = Data.kron(a.in(f), b.in(f));
            b.kron(a).assertClose(Data.permute(ab, new int[] {2, 3}, new int[] {2, 3}, new int[] {1, 0}), 0, "A⊗B -> B⊗A " + f);
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void vecStacksColumnsAndUnvecInvertsIt(int m, int n) {
        Random random = new Random(43 * m + n);
        for (double density : DENSITIES) {
            RefMatrix a = RefMatrix.random(m, n, density, random);
            RefMatrix expected = new RefMatrix(m * n, 1);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    expected.re[i + j * m][0] = a.re[i][j];
                    expected.im[i + j * m][0] = a.im[i][j];
                }
            }
            for (Fmt f : FORMATS) {
                String w = f + " " + m + "x" + n + " density " + density;
                Matrix v = Data.vec(a.in(f));
                expected.assertClose(v, 0, "vec " + w);
                assertSameFormat(a.in(f), v, "vec " + w);
                Matrix back = Data.unvec(v, m);
                a.assertClose(back, 0, "unvec(vec) " + w);
                assertSameFormat(a.in(f), back, "unvec " + w);
                if (back instanceof CsrMatrix c) {
                    assertCanonical(c, "unvec " + w);
                }
            }
        }
    }

    @Test
    void tidyupZeroesSmallComponentsAndDropsEmptyEntries() {
        RefMatrix a = new RefMatrix(3, 3);
        a.re[0][0] = 1;
        a.im[0][0] = 1e-15;   // component dropped, entry kept
        a.re[0][2] = -1e-14;
        a.im[0][2] = 5e-15;   // whole entry dropped
        a.re[1][1] = 2e-13;   // above atol: kept
        a.im[2][0] = -0.5;
        RefMatrix expected = new RefMatrix(3, 3);
        expected.re[0][0] = 1;
        expected.re[1][1] = 2e-13;
        expected.im[2][0] = -0.5;
        for (Fmt f : FORMATS) {
            Matrix t = Data.tidyup(a.in(f), 1e-13);
            expected.assertClose(t, 0, "tidyup " + f);
            assertSameFormat(a.in(f), t, "tidyup " + f);
            if (t instanceof CsrMatrix c) {
                assertEquals(3, c.nnz(), "tidied CSR stores only the surviving entries");
                assertCanonical(c, "tidyup");
            }
            a.assertClose(a.in(f), 0, "input unchanged");
        }
    }

    // ------------------------------------------------------------------ construction and conversion

    @Test
    void csrOfSortsRowsAndSumsDuplicates() {
        // row 0: (0,2)=1, (0,0)=2i, (0,2)+=3 -> (0,0)=2i, (0,2)=4; row 1 empty;
        // row 2: (2,1)=1+i and (2,1)=-1-i cancel; (2,3)=5, (2,0)=-1
        int[] rowPtr = {0, 3, 3, 7};
        int[] colIdx = {2, 0, 2, 1, 3, 1, 0};
        double[] values = {1, 0, 0, 2, 3, 0, 1, 1, 5, 0, -1, -1, -1, 0};
        CsrMatrix c = CsrMatrix.of(3, 4, rowPtr, colIdx, values);
        RefMatrix expected = new RefMatrix(3, 4);
        expected.im[0][0] = 2;
        expected.re[0][2] = 4;
        expected.re[2][3] = 5;
        expected.re[2][0] = -1;
        expected.assertClose(c, 0, "CsrMatrix.of");
        assertCanonical(c, "CsrMatrix.of");
        assertEquals(4, c.nnz(), "duplicates merged and the cancelled entry dropped");
        assertArrayEquals(new int[] {0, 2, 2, 4}, c.rowPointers());
        // the input arrays are copied, not kept
        values[0] = 99;
        colIdx[0] = 1;
        expected.assertClose(c, 0, "CsrMatrix.of copies its input");
    }

    @Test
    void csrFactories() {
        RefMatrix.identity(5).assertClose(CsrMatrix.identity(5), 0, "identity");
        assertEquals(5, CsrMatrix.identity(5).nnz());
        new RefMatrix(3, 4).assertClose(CsrMatrix.zeros(3, 4), 0, "zeros");
        assertEquals(0, CsrMatrix.zeros(3, 4).nnz());
        new RefMatrix(2, 3).assertClose(DenseMatrix.zeros(2, 3), 0, "dense zeros");
        int n = 5;
        for (int offset = -(n - 1); offset <= n - 1; offset++) {
            int len = n - Math.abs(offset);
            double[] diag = new double[2 * len];
            RefMatrix expected = new RefMatrix(n, n);
            for (int k = 0; k < len; k++) {
                diag[2 * k] = k + 1;
                diag[2 * k + 1] = -0.5 * k;
                int i = offset >= 0 ? k : k - offset, j = i + offset;
                expected.re[i][j] = k + 1;
                expected.im[i][j] = -0.5 * k;
            }
            CsrMatrix d = CsrMatrix.diagonal(n, offset, diag);
            expected.assertClose(d, 0, "diagonal offset " + offset);
            assertCanonical(d, "diagonal offset " + offset);
            assertEquals(len, d.nnz(), "diagonal offset " + offset);
        }
        // a zero on the diagonal is not stored
        assertEquals(1, CsrMatrix.diagonal(2, 0, new double[] {0, 0, 3, 0}).nnz());
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void conversionsRoundTrip(int m, int n) {
        Random random = new Random(47 * m + n);
        for (double density : DENSITIES) {
            RefMatrix a = RefMatrix.random(m, n, density, random);
            String w = m + "x" + n + " density " + density;
            DenseMatrix d = a.dense();
            CsrMatrix s = d.toCsr();
            a.assertClose(s, 0, "dense -> csr " + w);
            assertCanonical(s, "dense -> csr " + w);
            assertEquals(a.nonzeros(), s.nnz(), w);
            assertEquals(s, a.csr(), "dense -> csr equals the CSR built from triplets " + w);
            assertEquals(d, s.toDense(), "csr -> dense " + w);
            assertSame(d, d.toDense(), "toDense of a dense matrix is itself");
            assertSame(s, s.toCsr(), "toCsr of a CSR matrix is itself");
            assertArrayEquals(a.columnMajor(), d.array(), 0, "column-major interleaved layout " + w);
            assertEquals(d, DenseMatrix.wrap(m, n, a.columnMajor()), "wrap " + w);
            assertEquals(d, DenseMatrix.of(m, n, a.columnMajor()), "of " + w);
            assertEquals((double) a.nonzeros() / (m * n), s.density(), 1e-15, "density " + w);
        }
    }
}
