package dev.lindblad;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.Matrix;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable quantum object: a complex matrix with its tensor structure {@link Dims}, as
 * QuTiP's {@code Qobj}. Kets are columns, bras rows, operators square on Hilbert space,
 * superoperators act on column-stacked operators (operator-kets).
 *
 * <p>Every operation returns a new object; the data are never modified and may be shared.
 *
 * <p>Every entry of a {@code Qobj} is finite: a constructor refuses a NaN or infinite entry
 * with an {@link IllegalArgumentException} naming the argument and the entry's row and column,
 * an operation refuses a non-finite scalar argument, and an operation whose exact result does
 * not fit in a double (overflow) throws an {@link ArithmeticException} instead of returning
 * infinities. Each object keeps an upper bound on the modulus of the real and imaginary parts
 * of its entries, so that a result is scanned for overflow only when its operands' bounds
 * allow one; a null argument gives a {@link NullPointerException} that names it.
 */
public final class Qobj implements QobjLike, java.io.Serializable {

    /** Absolute tolerance of {@link #isHerm()}, QuTiP's default {@code settings.atol}. */
    public static final double HERMITIAN_TOLERANCE = 1e-12;

    /**
     * Relative tolerance of {@link #expect(Qobj, Qobj)}: the imaginary part of
     * {@code <A>} is taken as rounding, and dropped, when
     * {@code |Im <A>| <= EXPECT_TOLERANCE ||A||_F ||x||^2} for a state vector x, or
     * {@code <= EXPECT_TOLERANCE ||A||_F ||X||_F} for an operator X (both bound {@code |<A>|}).
     */
    public static final double EXPECT_TOLERANCE = 1e-12;

    /**
     * Below this bound on the operands' entries an operation's result cannot overflow (the
     * kernels' intermediate values stay below the bound too, far from {@code Double.MAX_VALUE}),
     * so it is not scanned.
     */
    private static final double SAFE_BOUND = 1e300;

    private final Matrix data;
    private final Dims dims;
    private volatile Boolean herm;
    /** An upper bound on {@code |Re a_ij|} and {@code |Im a_ij|} over all entries; always finite. */
    private final double bound;
    /** The Frobenius norm once computed (the tolerance of {@link #expect} needs it), else -1. */
    private volatile double frobenius = -1;

    private Qobj(Matrix data, Dims dims, Boolean herm, double bound) {
        this.data = data;
        this.dims = dims;
        this.herm = herm;
        this.bound = bound;
    }

    /**
     * The result of an operation on finite objects: kept as is when {@code bound} (an upper
     * bound on its entries' parts computed from the operands) shows that nothing overflowed,
     * else scanned, and refused when an entry is not finite.
     */
    private static Qobj made(String op, Matrix m, Dims d, Boolean herm, double bound) {
        if (bound <= SAFE_BOUND) {
            return new Qobj(m, d, herm, bound);
        }
        double exact = Data.maxComponent(m);
        if (!(exact <= Double.MAX_VALUE)) {
            int[] at = Data.firstNonFinite(m);
            throw new ArithmeticException(op + ": the result does not fit in a double: entry (" + at[0] + ", " + at[1]
                    + ") is " + m.get(at[0], at[1]) + " (the operands' entries are too large)");
        }
        return new Qobj(m, d, herm, exact);
    }

    /** @return the largest part of an entry of m, refusing a non-finite entry as the user's argument {@code name} */
    private static double finiteBound(Matrix m, String op, String name) {
        double b = Data.maxComponent(m);
        if (!(b <= Double.MAX_VALUE)) {
            int[] at = Data.firstNonFinite(m);
            throw new IllegalArgumentException(op + ": " + name + " has a non-finite entry " + m.get(at[0], at[1])
                    + " at row " + at[0] + ", column " + at[1]);
        }
        return b;
    }

    /**
     * @param data the matrix; every entry finite
     * @param dims its tensor structure; rows and columns must match the matrix shape
     * @return the quantum object
     * @throws IllegalArgumentException when an entry of data is NaN or infinite (the message
     *                                  gives its row and column)
     */
    public static Qobj of(Matrix data, Dims dims) {
        Require.nonNull(data, "Qobj.of", "data");
        Require.nonNull(dims, "Qobj.of", "dims");
        if (data.rows() != dims.rows() || data.cols() != dims.cols()) {
            throw new DimensionMismatchException("Qobj: dims " + dims + " describe a " + dims.rows() + "x" + dims.cols()
                    + " matrix, but the data are " + data.rows() + "x" + data.cols());
        }
        return new Qobj(data, dims, null, finiteBound(data, "Qobj.of", "data"));
    }

    /**
     * @return the matrix as a ket (one column) or operator with flat dims {@code [[rows], [cols]]}
     * @throws IllegalArgumentException when an entry of data is NaN or infinite
     */
    public static Qobj of(Matrix data) {
        Require.nonNull(data, "Qobj.of", "data");
        return new Qobj(data, Dims.of(new int[] {data.rows()}, new int[] {data.cols()}), null,
                finiteBound(data, "Qobj.of", "data"));
    }

    /**
     * @return the operator or ket given by row-major real entries {@code re[i][j]}
     * @throws IllegalArgumentException when an entry is NaN or infinite, or the rows are ragged
     */
    public static Qobj fromArray(double[][] re) {
        checkRows(re, "re");
        return of(DenseMatrix.fromRows(re, null));
    }

    /**
     * @return the object given by row-major real and imaginary parts
     * @throws IllegalArgumentException when an entry is NaN or infinite, or the shapes differ
     */
    public static Qobj fromArray(double[][] re, double[][] im) {
        checkRows(re, "re");
        checkRows(im, "im");
        return of(DenseMatrix.fromRows(re, im));
    }

    private static void checkRows(double[][] a, String name) {
        Require.nonNull(a, "fromArray", name);
        for (int i = 0; i < a.length; i++) {
            Require.nonNull(a[i], "fromArray", name + "[" + i + "]");
            for (int j = 0; j < a[i].length; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException("fromArray: " + name + "[" + i + "][" + j + "] = " + a[i][j]
                            + " is not finite");
                }
            }
        }
    }

    /** @return the ket with the given real amplitudes (not normalised); each must be finite */
    public static Qobj ket(double... amplitudes) {
        Require.finite(amplitudes, "ket", "amplitudes");
        double[] d = new double[2 * amplitudes.length];
        for (int k = 0; k < amplitudes.length; k++) {
            d[2 * k] = amplitudes[k];
        }
        return of(DenseMatrix.wrap(amplitudes.length, 1, d));
    }

    /** @return the ket with the given complex amplitudes (not normalised); each must be finite */
    public static Qobj ket(Complex... amplitudes) {
        Require.elements(amplitudes, "ket", "amplitudes");
        double[] d = new double[2 * amplitudes.length];
        for (int k = 0; k < amplitudes.length; k++) {
            Require.finite(amplitudes[k], "ket", "amplitudes[" + k + "]");
            d[2 * k] = amplitudes[k].re();
            d[2 * k + 1] = amplitudes[k].im();
        }
        return of(DenseMatrix.wrap(amplitudes.length, 1, d));
    }

    // ---------------------------------------------------------------- accessors

    /** @return the matrix (immutable) */
    public Matrix data() {
        return data;
    }

    /** @return the tensor structure */
    @Override
    public Dims dims() {
        return dims;
    }

    /** @return this constant object as a {@link QobjEvo} */
    @Override
    public QobjEvo asEvo() {
        return QobjEvo.of(this);
    }

    /** @return {rows, cols} */
    public int[] shape() {
        return new int[] {data.rows(), data.cols()};
    }

    /** @return what this object is (ket, bra, oper, operator-ket, operator-bra, super) */
    public Dims.Type type() {
        return dims.type();
    }

    /** @return whether this is a ket */
    public boolean isKet() {
        return type() == Dims.Type.KET;
    }

    /** @return whether this is a bra */
    public boolean isBra() {
        return type() == Dims.Type.BRA;
    }

    /** @return whether this is an operator on Hilbert space */
    public boolean isOper() {
        return type() == Dims.Type.OPER;
    }

    /** @return whether this is a superoperator */
    public boolean isSuper() {
        return type() == Dims.Type.SUPER;
    }

    /** @return whether this is a column-stacked operator */
    public boolean isOperKet() {
        return type() == Dims.Type.OPERATOR_KET;
    }

    /** @return whether this is the adjoint of a column-stacked operator */
    public boolean isOperBra() {
        return type() == Dims.Type.OPERATOR_BRA;
    }

    /**
     * @return whether the matrix equals its adjoint to within {@link #HERMITIAN_TOLERANCE}
     *         (kets and bras are never Hermitian)
     */
    public boolean isHerm() {
        Boolean h = herm;
        if (h == null) {
            h = data.isSquare() && Data.isHermitian(data, HERMITIAN_TOLERANCE);
            herm = h;
        }
        return h;
    }

    /** @return the element (i, j) */
    public Complex get(int i, int j) {
        return data.get(i, j);
    }

    /** @return the amplitudes of a ket or bra, or the column-major entries of an operator, interleaved (a copy) */
    public double[] toArray() {
        return data.toDense().array().clone();
    }

    /** @return the same object stored densely */
    public Qobj toDense() {
        return data instanceof DenseMatrix ? this : new Qobj(data.toDense(), dims, herm, bound);
    }

    /** @return the same object stored as CSR */
    public Qobj toSparse() {
        return data instanceof CsrMatrix ? this : new Qobj(data.toCsr(), dims, herm, bound);
    }

    // ---------------------------------------------------------------- arithmetic

    /** @return the conjugate transpose {@code A^†} */
    public Qobj dag() {
        return new Qobj(Data.adjoint(data), dims.dag(), herm, bound);
    }

    /** @return the transpose {@code A^T} */
    public Qobj trans() {
        return new Qobj(Data.transpose(data), dims.dag(), herm, bound);
    }

    /** @return the element-wise conjugate {@code A^*} */
    public Qobj conj() {
        return new Qobj(Data.conj(data), dims, herm, bound);
    }

    /** @return {@code this + other}; dims must be equal */
    public Qobj plus(Qobj other) {
        Require.nonNull(other, "plus", "other");
        if (!dims.equals(other.dims)) {
            throw new DimensionMismatchException("plus", dims, other.dims);
        }
        return made("plus", Data.add(data, other.data), dims, null, bound + other.bound);
    }

    /** @return {@code this - other}; dims must be equal */
    public Qobj minus(Qobj other) {
        Require.nonNull(other, "minus", "other");
        if (!dims.equals(other.dims)) {
            throw new DimensionMismatchException("minus", dims, other.dims);
        }
        return made("minus", Data.sub(data, other.data), dims, null, bound + other.bound);
    }

    /** @return {@code A + z 1} for a square operator, as QuTiP's {@code A + z}; z must be finite */
    public Qobj plus(Complex z) {
        Require.finite(z, "plus", "z");
        return plusIdentity(z);
    }

    private Qobj plusIdentity(Complex z) {
        if (!data.isSquare()) {
            throw new IllegalArgumentException("plus(scalar) adds a multiple of the identity and needs a square object; "
                    + "this one has dims " + dims);
        }
        return made("plus", Data.add(data, CsrMatrix.identity(data.rows()), z.re(), z.im()), dims, null,
                bound + Math.abs(z.re()) + Math.abs(z.im()));
    }

    /** @return {@code A + x 1} for a square operator; x must be finite */
    public Qobj plus(double x) {
        return plusIdentity(Complex.of(Require.finite(x, "plus", "x")));
    }

    /** @return {@code this · other}: matrix product, the inner dims must agree */
    public Qobj times(Qobj other) {
        Require.nonNull(other, "times", "other");
        Dims d = dims.product(other.dims, "times");
        // |Re c_ij|, |Im c_ij| <= sum over the inner index of 2 |parts of a| |parts of b|
        return made("times", Data.matmul(data, other.data), d, null, 2.0 * data.cols() * bound * other.bound);
    }

    /** @return {@code x · this}; x must be finite */
    public Qobj times(double x) {
        Require.finite(x, "times", "x");
        // 0 A = 0 is Hermitian even when A is not
        return made("times", Data.scale(data, x, 0), dims, x == 0 ? null : herm, Math.abs(x) * bound);
    }

    /** @return {@code z · this}; z must be finite */
    public Qobj times(Complex z) {
        Require.finite(z, "times", "z");
        return made("times", Data.scale(data, z.re(), z.im()), dims, z.im() == 0 && z.re() != 0 ? herm : null,
                (Math.abs(z.re()) + Math.abs(z.im())) * bound);
    }

    /**
     * @return {@code this / x}
     * @throws IllegalArgumentException when x is zero or not finite
     */
    public Qobj div(double x) {
        Require.finite(x, "div", "x");
        if (x == 0) {
            throw new IllegalArgumentException("div: division by zero (x = " + x + ")");
        }
        return made("div", Data.scale(data, 1 / x, 0), dims, herm, bound / Math.abs(x));
    }

    /** @return {@code -this} */
    public Qobj neg() {
        return times(-1);
    }

    /**
     * @param n a non-negative power
     * @return {@code A^n} by repeated squaring ({@code A^0} is the identity)
     */
    public Qobj pow(int n) {
        if (!data.isSquare()) {
            throw new IllegalArgumentException("pow needs a square object; dims are " + dims);
        }
        if (n < 0) {
            throw new IllegalArgumentException("pow: exponent must be non-negative, got " + n);
        }
        Matrix result = CsrMatrix.identity(data.rows());
        Matrix base = data;
        int e = n;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = Data.matmul(result, base);
            }
            e >>= 1;
            if (e > 0) {
                base = Data.matmul(base, base);
            }
        }
        // a power of a Hermitian matrix is Hermitian, but a power of a non-Hermitian one may be
        // (A^0 = 1, a nilpotent A^2 = 0): only "true" carries over; the entries may grow as
        // (n ||A||)^n, so the result is scanned
        return made("pow", result, dims, Boolean.TRUE.equals(herm) ? Boolean.TRUE : null, Double.POSITIVE_INFINITY);
    }

    // ---------------------------------------------------------------- scalars

    /** @return the trace {@code tr A} */
    public Complex tr() {
        return finiteValue("tr", Data.trace(data));
    }

    private static Complex finiteValue(String op, Complex z) {
        if (!Double.isFinite(z.re()) || !Double.isFinite(z.im())) {
            throw new ArithmeticException(op + ": the value " + z + " does not fit in a double (the entries are too large)");
        }
        return z;
    }

    /**
     * QuTiP's default norm: the 2-norm of a ket or bra (or operator-vector), the trace norm
     * {@code tr sqrt(A^† A)} of an operator or superoperator.
     *
     * @return the norm
     */
    public double norm() {
        return switch (type()) {
            case KET, BRA, OPERATOR_KET, OPERATOR_BRA -> Data.frobeniusNorm(data);
            case OPER, SUPER -> traceNorm();
        };
    }

    /** @return the trace norm, the sum of singular values */
    public double traceNorm() {
        if (isHerm()) {
            double s = 0;
            for (double e : Linalg.eigenvalues(data)) {
                s += Math.abs(e);
            }
            return s;
        }
        double s = 0;
        for (double e : Linalg.eigenvalues(Data.matmul(Data.adjoint(data), data))) {
            s += Math.sqrt(Math.max(e, 0));
        }
        return s;
    }

    /** @return the Frobenius (Hilbert–Schmidt) norm {@code sqrt(tr A^† A)} */
    public double frobeniusNorm() {
        double f = frobenius;
        if (f < 0) {
            f = Data.frobeniusNorm(data);
            frobenius = f;
        }
        return f;
    }

    /** @return {@code this / norm()} */
    public Qobj unit() {
        double n = norm();
        if (n == 0) {
            throw new ArithmeticException("unit: the object has norm 0 and cannot be normalised");
        }
        return made("unit", Data.scale(data, 1 / n, 0), dims, herm, bound / n);
    }

    /**
     * @return {@code <bra|A|ket>}; bra may be given as a bra or as a ket (then its adjoint is used)
     */
    public Complex matrixElement(Qobj bra, Qobj ket) {
        Require.nonNull(bra, "matrixElement", "bra");
        Require.nonNull(ket, "matrixElement", "ket");
        Qobj b = bra.isKet() ? bra.dag() : bra;
        if (!b.isBra() || !ket.isKet()) {
            throw new IllegalArgumentException("matrixElement needs a bra (or ket) and a ket, got " + bra.type() + " and "
                    + ket.type());
        }
        return b.times(this).times(ket).get(0, 0);
    }

    /**
     * The overlap of two states or operators, as QuTiP 5's {@code Qobj.overlap}. With
     * {@code |a>} the state of this object (a ket, or the ket whose adjoint is this bra) and
     * {@code |b>} that of other:
     * <ul>
     *   <li>ket or bra with ket or bra: {@code <a|b>}, except a ket with a bra, which gives
     *       {@code <b|a>} (QuTiP conjugates that case);</li>
     *   <li>operator A with operator B: the Hilbert–Schmidt product {@code tr(A^† B)};</li>
     *   <li>ket or bra with operator B: {@code <a|B|a> = tr(|a><a| B)};</li>
     *   <li>operator A with ket or bra: {@code tr(A^† |b><b|) = <b|A^†|b>}.</li>
     * </ul>
     *
     * @param other a ket, bra or operator on the same space
     * @return the complex overlap
     * @throws IllegalArgumentException for superoperators and operator-vectors
     */
    public Complex overlap(Qobj other) {
        Require.nonNull(other, "overlap", "other");
        requireOverlapType(this, "this");
        requireOverlapType(other, "other");
        boolean vecA = !isOper(), vecB = !other.isOper();
        if (!vecA && !vecB) {
            if (!dims.equals(other.dims)) {
                throw new DimensionMismatchException("overlap", dims, other.dims);
            }
            return finiteValue("overlap", Data.expectRho(Data.adjoint(data), other.data));
        }
        int[] spaceA = vecA ? dims.subsystems() : dims.in();
        int[] spaceB = vecB ? other.dims.subsystems() : other.dims.in();
        if (!Arrays.equals(spaceA, spaceB) || (!vecA && !Arrays.equals(dims.out(), dims.in()))
                || (!vecB && !Arrays.equals(other.dims.out(), other.dims.in()))) {
            throw new DimensionMismatchException("overlap", dims, other.dims);
        }
        if (!vecA) {
            return finiteValue("overlap", Data.expectKet(data, other.ketArray()).conj());
        }
        if (!vecB) {
            return finiteValue("overlap", Data.expectKet(other.data, ketArray()));
        }
        Complex ab = Data.inner(ketArray(), other.ketArray());
        return finiteValue("overlap", isKet() && other.isBra() ? ab.conj() : ab);
    }

    private static void requireOverlapType(Qobj q, String name) {
        if (!q.isKet() && !q.isBra() && !q.isOper()) {
            throw new IllegalArgumentException("overlap: only kets, bras and operators have an overlap; " + name + " is a "
                    + q.type() + " with dims " + q.dims);
        }
    }

    /** @return the amplitudes of this ket, or of the ket whose adjoint this bra (or operator-bra) is */
    private double[] ketArray() {
        double[] a = data.toDense().array();
        if (isKet() || isOperKet()) {
            return a;
        }
        double[] c = a.clone();
        for (int k = 1; k < c.length; k += 2) {
            c[k] = -c[k];
        }
        return c;
    }

    // ---------------------------------------------------------------- functions of matrices

    /** @return the matrix exponential {@code e^A} (dense) */
    public Qobj expm() {
        if (!data.isSquare()) {
            throw new IllegalArgumentException("expm needs a square object; dims are " + dims);
        }
        MemoryCheck.expm(data.rows());
        return made("expm", Linalg.expm(data), dims, null, Double.POSITIVE_INFINITY);
    }

    /**
     * The principal square root {@code S} with {@code S S = A}, as QuTiP's {@code sqrtm}: for a
     * Hermitian positive semidefinite operator the positive semidefinite root (from its
     * eigen-decomposition, {@link dev.lindblad.linalg.Sqrtm}); for a Hermitian operator with
     * negative eigenvalues {@code V sqrt(Λ) V^†} with {@code sqrt(-x) = i sqrt(x)}; for any
     * other square matrix the principal root from its Schur form
     * ({@link dev.lindblad.linalg.MatrixFunctions#sqrtm}).
     *
     * @return {@code A^{1/2}}, dense
     * @throws IllegalArgumentException if the object is not square
     * @throws ArithmeticException      if no square root exists (a defective zero eigenvalue)
     */
    public Qobj sqrtm() {
        if (!data.isSquare()) {
            throw new IllegalArgumentException("sqrtm needs a square object; dims are " + dims);
        }
        return made("sqrtm", Linalg.sqrtmGeneral(data, isHerm()), dims, null, Double.POSITIVE_INFINITY);
    }

    /** @return the eigenvalues of a Hermitian operator, ascending */
    public double[] eigenenergies() {
        requireHermitian("eigenenergies");
        MemoryCheck.eigenenergies(data.rows());
        return Linalg.eigenvalues(data);
    }

    /**
     * Eigenvalues and eigenvectors of a Hermitian operator.
     *
     * @param energies eigenvalues, ascending
     * @param states   the matching normalised eigenkets, with this object's dims
     */
    public record Eigen(double[] energies, List<Qobj> states) {
    }

    /** @return eigenvalues ascending with their eigenkets */
    public Eigen eigenstates() {
        requireHermitian("eigenstates");
        MemoryCheck.eigenstates(data.rows());
        Linalg.Eigensystem es = Linalg.eigh(data);
        int n = data.rows();
        Dims kd = Dims.ket(dims.out());
        Qobj[] states = new Qobj[n];
        double[] v = es.vectors();
        for (int k = 0; k < n; k++) {
            double[] col = Arrays.copyOfRange(v, 2 * k * n, 2 * (k + 1) * n);
            fixPhase(col);
            // a unit vector: every part is at most 1 (2 leaves room for rounding), no scan needed
            states[k] = made("eigenstates", DenseMatrix.wrap(n, 1, col), kd, false, 2.0);
        }
        return new Eigen(es.values(), List.of(states));
    }

    /** Eigenvectors are defined up to a phase; make the first entry of largest modulus real positive. */
    private static void fixPhase(double[] v) {
        int best = 0;
        double bm = -1;
        for (int k = 0; k < v.length; k += 2) {
            // entries of a unit vector: the plain square root neither overflows nor loses the
            // largest entry to underflow, and costs a fraction of Math.hypot (n² calls in all)
            double m = Math.sqrt(v[k] * v[k] + v[k + 1] * v[k + 1]);
            if (m > bm + 1e-10) {
                bm = m;
                best = k;
            }
        }
        double r = Math.hypot(v[best], v[best + 1]);
        if (r == 0) {
            return;
        }
        double cr = v[best] / r, ci = -v[best + 1] / r;
        for (int k = 0; k < v.length; k += 2) {
            double x = v[k], y = v[k + 1];
            v[k] = x * cr - y * ci;
            v[k + 1] = x * ci + y * cr;
        }
    }

    private void requireHermitian(String op) {
        if (!isOper() && !isSuper()) {
            throw new IllegalArgumentException(op + " needs an operator, got a " + type() + " with dims " + dims);
        }
        if (!isHerm()) {
            throw new IllegalArgumentException(op + " needs a Hermitian operator (|A - A^†| <= " + HERMITIAN_TOLERANCE
                    + "); the largest deviation is " + Data.maxAbs(Data.sub(data, Data.adjoint(data))));
        }
    }

    // ---------------------------------------------------------------- tensor structure

    /**
     * Partial trace over every subsystem not in {@code keep}, as QuTiP's {@code ptrace(sel)}:
     * the kept subsystems stay in their original (ascending) order whatever the order of
     * {@code keep}, so {@code ptrace(2, 0)} equals {@code ptrace(0, 2)}; reorder the result with
     * {@link #permute(int...)}. A ket or bra gives the reduced density matrix of
     * {@code |psi><psi|}.
     *
     * @param keep subsystem indices to keep, in any order, each in range and listed once
     * @return the reduced density operator, dims {@code [[kept...], [kept...]]} in ascending
     *         subsystem order
     * @throws IllegalArgumentException when keep is empty, or an index is out of range or repeated
     */
    public Qobj ptrace(int... keep) {
        Require.nonNull(keep, "ptrace", "keep");
        int[] sub = dims.subsystems();
        if (keep.length == 0) {
            throw new IllegalArgumentException("ptrace: keep at least one subsystem of " + Arrays.toString(sub));
        }
        int[] given = keep;
        keep = keep.clone();
        Arrays.sort(keep);
        for (int k = 0; k < keep.length; k++) {
            if (keep[k] < 0 || keep[k] >= sub.length) {
                throw new IllegalArgumentException("ptrace: subsystem index " + keep[k] + " in keep = "
                        + Arrays.toString(given) + " is out of range: the object has " + sub.length + " subsystems "
                        + Arrays.toString(sub) + " (indices 0.." + (sub.length - 1) + ")");
            }
            if (k > 0 && keep[k] == keep[k - 1]) {
                throw new IllegalArgumentException("ptrace: subsystem " + keep[k] + " is listed twice in keep = "
                        + Arrays.toString(given));
            }
        }
        long traced = 1;
        for (int k = 0, j = 0; k < sub.length; k++) {
            if (j < keep.length && keep[j] == k) {
                j++;
            } else {
                traced *= sub[k];
            }
        }
        // each entry sums `traced` entries of rho, or of |psi><psi| (parts up to 2 bound^2)
        double rBound = traced * (isOper() ? bound : 2 * bound * bound);
        DenseMatrix r = switch (type()) {
            case KET -> Data.ptraceKet(data.toDense().array(), sub, keep);
            case BRA -> Data.ptraceKet(Data.conj(data).toDense().array(), sub, keep);
            case OPER -> {
                if (!Arrays.equals(dims.out(), dims.in())) {
                    throw new IllegalArgumentException("ptrace needs an operator with equal out and in dims, got " + dims);
                }
                yield Data.ptrace(data, sub, keep);
            }
            default -> throw new IllegalArgumentException("ptrace of a " + type() + " is not supported; dims " + dims);
        };
        int[] kd = new int[keep.length];
        for (int k = 0; k < keep.length; k++) {
            kd[k] = sub[keep[k]];
        }
        return made("ptrace", r, Dims.oper(kd), null, rBound);
    }

    /**
     * Reorders the subsystems: the new subsystem k is the old subsystem {@code order[k]}.
     *
     * @param order a permutation of 0..n-1
     * @return the permuted object
     */
    public Qobj permute(int... order) {
        Require.nonNull(order, "permute", "order");
        return switch (type()) {
            case KET, BRA, OPER -> {
                int[] o = dims.out(), i = dims.in();
                if (o.length != i.length) {
                    throw new IllegalArgumentException("permute needs the same number of subsystems on both sides, dims " + dims);
                }
                Matrix m = Data.permute(data, o, i, order);
                int[] no = new int[o.length], ni = new int[i.length];
                if (order.length == o.length) {
                    for (int k = 0; k < order.length; k++) {
                        no[k] = o[order[k]];
                        ni[k] = i[order[k]];
                    }
                }
                yield new Qobj(m, Dims.of(no, ni), herm, bound);
            }
            default -> permuteVectorised(order);
        };
    }

    /**
     * Tensor (Kronecker) product; the first factor is the leftmost, slowest index, as QuTiP.
     *
     * @param parts kets, bras or operators
     * @return {@code parts[0] ⊗ parts[1] ⊗ ...}
     */
    public static Qobj tensor(Qobj... parts) {
        Require.elements(parts, "tensor", "parts");
        return tensorOf(parts);
    }

    private static Qobj tensorOf(Qobj[] parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("tensor needs at least one operand");
        }
        Matrix m = parts[0].data;
        Dims[] ds = new Dims[parts.length];
        ds[0] = parts[0].dims;
        double b = parts[0].bound;
        for (int k = 1; k < parts.length; k++) {
            m = Data.kron(m, parts[k].data);
            ds[k] = parts[k].dims;
            b = 2 * b * parts[k].bound;
        }
        return made("tensor", m, Dims.tensor(ds), null, b);
    }

    /** @return the tensor product of a list */
    public static Qobj tensor(List<Qobj> parts) {
        Require.elements(parts, "tensor", "parts");
        return tensorOf(parts.toArray(Qobj[]::new));
    }

    /**
     * The complex expectation value, as QuTiP's {@code expect} before it drops the imaginary
     * part: {@code <x|A|x> = x^† A x} for a state vector x (a ket; for a bra {@code <x|} the
     * ket x), {@code tr(A X)} for an operator X (a density matrix, or any operator, as an
     * operator evolved in a correlation function). The same holds one level up: A a
     * superoperator with an operator-ket (or operator-bra) or a superoperator. Computed without
     * forming {@code A x} or {@code A X}.
     *
     * @param oper  the operator A (an operator, or a superoperator)
     * @param state a ket, bra or operator on A's space (operator-ket, operator-bra or
     *              superoperator for a superoperator A)
     * @return the complex expectation value
     * @throws DimensionMismatchException when the dims do not fit
     */
    public static Complex expectComplex(Qobj oper, Qobj state) {
        return expectValue("expectComplex", oper, state);
    }

    private static Complex expectValue(String op, Qobj oper, Qobj state) {
        Require.nonNull(oper, op, "oper");
        Require.nonNull(state, op, "state");
        Dims.Type ot = oper.type();
        if (ot != Dims.Type.OPER && ot != Dims.Type.SUPER || !oper.data.isSquare()) {
            throw new IllegalArgumentException(op + " needs a square operator or superoperator as oper, got a " + ot
                    + " with dims " + oper.dims);
        }
        Complex z = switch (state.type()) {
            case KET, OPERATOR_KET -> {
                if (!oper.dims.equals(state.dims.product(state.dims.dag(), op))) {
                    throw new DimensionMismatchException(op, oper.dims, state.dims);
                }
                yield Data.expectKet(oper.data, state.data.toDense().array());
            }
            case BRA, OPERATOR_BRA -> {
                if (!oper.dims.equals(state.dims.dag().product(state.dims, op))) {
                    throw new DimensionMismatchException(op, oper.dims, state.dims);
                }
                yield Data.expectKet(oper.data, state.ketArray());
            }
            case OPER, SUPER -> {
                if (!oper.dims.equals(state.dims)) {
                    throw new DimensionMismatchException(op, oper.dims, state.dims);
                }
                yield Data.expectRho(oper.data, state.data);
            }
        };
        return finiteValue(op, z);
    }

    /**
     * The real expectation value: {@link #expectComplex} when its imaginary part is zero to
     * rounding, {@code |Im <A>| <= EXPECT_TOLERANCE ||A||_F ||x||^2} for a state vector x, or
     * {@code <= EXPECT_TOLERANCE ||A||_F ||X||_F} for an operator X. A Hermitian A on a ket or a
     * Hermitian density matrix always passes (its imaginary part is rounding, far below the
     * tolerance); a non-Hermitian A, or an operator X that is not Hermitian (as
     * {@code a rho} evolved in a correlation function), passes only when the value happens to be
     * real. The tolerance is relative, so the rule is the same at any scale of A or X.
     *
     * @param oper  the operator A
     * @param state a ket, bra or operator on A's space (see {@link #expectComplex})
     * @return {@code Re <A>}
     * @throws IllegalArgumentException when the value is complex beyond rounding: use
     *                                  {@link #expectComplex} then
     */
    public static double expect(Qobj oper, Qobj state) {
        Complex z = expectValue("expect", oper, state);
        double im = z.im();
        if (im == 0) {
            return z.re();
        }
        Dims.Type st = state.type();
        boolean vector = st != Dims.Type.OPER && st != Dims.Type.SUPER;
        double s = state.frobeniusNorm();
        double tol = EXPECT_TOLERANCE * oper.frobeniusNorm() * (vector ? s * s : s);
        if (Math.abs(im) <= tol) {
            return z.re();
        }
        String why = !oper.isHerm() ? "oper is not Hermitian" : !vector && !state.isHerm() ? "the state is not Hermitian"
                : "the imaginary part exceeds rounding";
        throw new IllegalArgumentException("expect: the expectation value " + z + " is complex (|Im| = " + Math.abs(im)
                + " > " + EXPECT_TOLERANCE + " ||oper|| ||state|| = " + tol + "): " + why
                + "; use expectComplex for the complex value");
    }

    // ---------------------------------------------------------------- the QuTiP surface (issue #15)

    /**
     * The projector {@code |psi><psi|} of a ket, or of the ket whose adjoint a bra is, as
     * QuTiP's {@code proj()} (not normalised: a ket of norm r gives {@code r^2} times a
     * projector).
     *
     * @return the operator with the ket's dims on both sides, dense
     * @throws IllegalArgumentException if this is not a ket or bra
     */
    public Qobj proj() {
        return switch (type()) {
            case KET -> {
                Qobj k = toDense();
                yield made("proj", Data.matmul(k.data, Data.adjoint(k.data)), Dims.of(dims.out(), dims.out()), true,
                        2.0 * bound * bound);
            }
            case BRA -> {
                Qobj b = toDense();
                yield made("proj", Data.matmul(Data.adjoint(b.data), b.data), Dims.of(dims.in(), dims.in()), true,
                        2.0 * bound * bound);
            }
            default -> throw new IllegalArgumentException("proj needs a ket or bra, got a " + type() + " with dims " + dims);
        };
    }

    /**
     * The matrix inverse {@code A^{-1}} by LU decomposition with partial pivoting, as QuTiP's
     * {@code inv()}; the dims are swapped ({@code [[in], [out]]}).
     *
     * @return {@code A^{-1}}, dense
     * @throws IllegalArgumentException if the object is not square
     * @throws ArithmeticException      if the matrix is numerically singular (a pivot below
     *                                  {@code n ε max|a_ij|})
     */
    public Qobj inv() {
        requireSquare("inv");
        // a nearly singular matrix can have an inverse beyond the doubles: scanned
        return made("inv", Linalg.inverse(data), dims.dag(), herm, Double.POSITIVE_INFINITY);
    }

    /**
     * The principal matrix logarithm {@code log A} ({@code e^{log A} = A}, eigenvalues' phases
     * in {@code (-π, π]}), as QuTiP's {@code logm()}: {@code V log(Λ) V^†} for a Hermitian
     * operator (negative eigenvalues give {@code log|λ| + iπ}), the inverse scaling and
     * squaring method on the Schur form otherwise
     * ({@link dev.lindblad.linalg.MatrixFunctions#logm}).
     *
     * @return {@code log A}, dense
     * @throws IllegalArgumentException if the object is not square
     * @throws ArithmeticException      if A is singular (no logarithm exists)
     */
    public Qobj logm() {
        requireSquare("logm");
        return made("logm", Linalg.logm(data, isHerm()), dims, null, Double.POSITIVE_INFINITY);
    }

    /**
     * The matrix cosine {@code cos A = (e^{iA} + e^{-iA}) / 2}, as QuTiP's {@code cosm()}
     * (computed from two matrix exponentials, so any square matrix is accepted).
     *
     * @return {@code cos A}, dense
     * @throws IllegalArgumentException if the object is not square
     */
    public Qobj cosm() {
        requireSquare("cosm");
        Matrix p = Linalg.expm(Data.scale(data, 0, 1));
        Matrix m = Linalg.expm(Data.scale(data, 0, -1));
        return made("cosm", Data.scale(Data.add(p, m), 0.5, 0), dims, Boolean.TRUE.equals(herm) ? Boolean.TRUE : null,
                Double.POSITIVE_INFINITY);
    }

    /**
     * The matrix sine {@code sin A = (e^{iA} - e^{-iA}) / (2i)}, as QuTiP's {@code sinm()}.
     *
     * @return {@code sin A}, dense
     * @throws IllegalArgumentException if the object is not square
     */
    public Qobj sinm() {
        requireSquare("sinm");
        Matrix p = Linalg.expm(Data.scale(data, 0, 1));
        Matrix m = Linalg.expm(Data.scale(data, 0, -1));
        return made("sinm", Data.scale(Data.sub(p, m), 0, -0.5), dims, Boolean.TRUE.equals(herm) ? Boolean.TRUE : null,
                Double.POSITIVE_INFINITY);
    }

    /**
     * The diagonal {@code A_kk} as real numbers, as QuTiP's {@code diag()} of a Hermitian
     * operator (populations of a density matrix).
     *
     * @return the real diagonal entries
     * @throws IllegalArgumentException if an entry has an imaginary part above
     *                                  {@link #HERMITIAN_TOLERANCE} (use {@link #diagComplex()})
     */
    public double[] diag() {
        Complex[] c = diagComplex();
        double[] out = new double[c.length];
        for (int k = 0; k < c.length; k++) {
            if (Math.abs(c[k].im()) > HERMITIAN_TOLERANCE) {
                throw new IllegalArgumentException("diag: entry (" + k + ", " + k + ") = " + c[k]
                        + " is not real; use diagComplex()");
            }
            out[k] = c[k].re();
        }
        return out;
    }

    /**
     * @return the diagonal {@code A_kk}, {@code k < min(rows, cols)}, as QuTiP's {@code diag()}
     *         of a non-Hermitian object
     */
    public Complex[] diagComplex() {
        int m = Math.min(data.rows(), data.cols());
        Complex[] out = new Complex[m];
        for (int k = 0; k < m; k++) {
            out[k] = data.get(k, k);
        }
        return out;
    }

    /**
     * The lowest eigenvalue and its eigenket, as QuTiP's {@code groundstate()}.
     *
     * @param energy the lowest eigenvalue
     * @param state  its normalised eigenket (phase as in {@link #eigenstates()}); when the
     *               ground state is degenerate, one vector of the ground eigenspace
     */
    public record GroundState(double energy, Qobj state) {
    }

    /**
     * @return the ground-state energy and ket of a Hermitian operator
     * @throws IllegalArgumentException if the operator is not Hermitian
     */
    public GroundState groundstate() {
        Eigen e = eigenstates();
        return new GroundState(e.energies()[0], e.states().get(0));
    }

    /**
     * A norm chosen by name, as QuTiP's {@code norm(norm)}. For operators and superoperators:
     * {@code "tr"} the trace norm (sum of singular values), {@code "fro"} the Frobenius norm
     * {@code sqrt(Σ|a_ij|^2)}, {@code "one"} the largest column sum {@code max_j Σ_i |a_ij|},
     * {@code "max"} the largest modulus {@code max|a_ij|}. For kets, bras and
     * operator-vectors: {@code "l2"} the Euclidean norm and {@code "max"}.
     *
     * @param kind the norm's name; null gives QuTiP's default ("tr" for operators, "l2" for vectors)
     * @return the norm
     * @throws IllegalArgumentException if the name is not one of those allowed for this type
     */
    public double norm(String kind) {
        boolean matrix = isOper() || isSuper();
        String k = kind == null ? (matrix ? "tr" : "l2") : kind;
        if (matrix) {
            return switch (k) {
                case "tr" -> traceNorm();
                case "fro" -> Data.frobeniusNorm(data);
                case "one" -> Data.oneNorm(data);
                case "max" -> Data.maxAbs(data);
                default -> throw new IllegalArgumentException("norm: an operator's norm must be \"tr\", \"fro\", \"one\""
                        + " or \"max\", got \"" + kind + "\"");
            };
        }
        return switch (k) {
            case "l2" -> Data.frobeniusNorm(data);
            case "max" -> Data.maxAbs(data);
            default -> throw new IllegalArgumentException("norm: a vector's norm must be \"l2\" or \"max\", got \""
                    + kind + "\"");
        };
    }

    /**
     * The purity, as QuTiP's {@code purity()}: {@code Re tr(rho^2)} of an operator,
     * {@code ||psi||^2} of a ket or bra (1 for a normalised pure state).
     *
     * @return {@code Re tr(rho^2)} or {@code ||psi||^2}
     * @throws IllegalArgumentException for superoperators and operator-vectors
     */
    public double purity() {
        return switch (type()) {
            case KET, BRA -> {
                double nrm = Data.frobeniusNorm(data);
                yield nrm * nrm;
            }
            case OPER -> Data.trace(Data.matmul(data, data)).re();
            default -> throw new IllegalArgumentException("purity is defined for states (kets, bras, operators), got a "
                    + type() + " with dims " + dims);
        };
    }

    /**
     * @return whether this is a square operator with {@code max|U U^† - 1| <= }
     *         {@link #HERMITIAN_TOLERANCE}, as QuTiP's {@code isunitary}
     */
    public boolean isUnitary() {
        if (!isOper() || !data.isSquare()) {
            return false;
        }
        Matrix d = Data.sub(Data.matmul(data, Data.adjoint(data)), CsrMatrix.identity(data.rows()));
        return Data.maxAbs(d) <= HERMITIAN_TOLERANCE;
    }

    /**
     * A change of basis, as QuTiP's {@code transform(list of kets)}: with {@code S} the matrix
     * whose rows are the bras {@code <b_k|}, a ket becomes {@code S psi}, a bra {@code psi S^†}
     * and an operator {@code S A S^†}; the new entries are {@code <b_i|A|b_j>}.
     *
     * @param basis the new basis kets, as many as the dimension
     * @return the object in the new basis, with the same dims
     * @throws IllegalArgumentException if the list has the wrong length or holds a non-ket
     */
    public Qobj transform(List<Qobj> basis) {
        Require.elements(basis, "transform", "basis");
        return transform(basis, false);
    }

    /**
     * @param basis   the new basis kets
     * @param inverse whether to apply the inverse transformation ({@code S^† psi},
     *                {@code S^† A S}), which brings {@link #transform(List)}'s result back
     * @return the transformed object
     */
    public Qobj transform(List<Qobj> basis, boolean inverse) {
        Require.elements(basis, "transform", "basis");
        int n = Math.max(data.rows(), data.cols());
        if (basis.size() != n) {
            throw new IllegalArgumentException("transform: the basis has " + basis.size() + " kets, the object needs " + n);
        }
        double[] s = new double[2 * n * n];   // S[k][i] = conj(b_k[i])
        for (int k = 0; k < n; k++) {
            Qobj b = basis.get(k);
            if (!b.isKet() || b.data.rows() != n) {
                throw new IllegalArgumentException("transform: basis element " + k + " must be a ket of dimension " + n
                        + ", got a " + b.type() + " with dims " + b.dims);
            }
            double[] v = b.data.toDense().array();
            for (int i = 0; i < n; i++) {
                s[2 * (k + i * n)] = v[2 * i];
                s[2 * (k + i * n) + 1] = -v[2 * i + 1];
            }
        }
        return applyTransform(DenseMatrix.wrap(n, n, s), inverse);
    }

    /**
     * A change of basis by a matrix S, as QuTiP's {@code transform(S)} with an operator: a ket
     * becomes {@code S psi}, a bra {@code psi S^†}, an operator {@code S A S^†}.
     *
     * @param s       the transformation (an operator of the object's dimension; a unitary for
     *                a change of orthonormal basis)
     * @param inverse whether to apply {@code S^† psi}, {@code S^† A S} instead
     * @return the transformed object, with the same dims
     */
    public Qobj transform(Qobj s, boolean inverse) {
        Require.nonNull(s, "transform", "s");
        int n = Math.max(data.rows(), data.cols());
        if (!s.isOper() || s.data.rows() != n || s.data.cols() != n) {
            throw new IllegalArgumentException("transform: the transformation must be a " + n + "x" + n
                    + " operator, got a " + s.type() + " with dims " + s.dims);
        }
        return applyTransform(s.data, inverse);
    }

    /** @return {@code transform(s, false)}: {@code S psi}, {@code psi S^†} or {@code S A S^†} */
    public Qobj transform(Qobj s) {
        Require.nonNull(s, "transform", "s");
        return transform(s, false);
    }

    private Qobj applyTransform(Matrix s, boolean inverse) {
        Matrix sd = Data.adjoint(s);
        Matrix left = inverse ? sd : s, right = inverse ? s : sd;
        Matrix r = switch (type()) {
            case KET -> Data.matmul(left, data);
            case BRA -> Data.matmul(data, right);
            case OPER -> Data.matmul(Data.matmul(left, data), right);
            default -> throw new IllegalArgumentException("transform needs a ket, bra or operator, got a " + type());
        };
        // two products with a matrix the caller chose: scanned rather than bounded
        return made("transform", r, dims, null, Double.POSITIVE_INFINITY);
    }

    /**
     * The variance {@code <A^2> - <A>^2} of a Hermitian operator in a state, as QuTiP's
     * {@code variance(oper, state)}; both terms by {@link #expect(Qobj, Qobj)}.
     *
     * @param oper  a Hermitian operator
     * @param state a ket or density matrix
     * @return the variance
     */
    public static double variance(Qobj oper, Qobj state) {
        Require.nonNull(oper, "variance", "oper");
        Require.nonNull(state, "variance", "state");
        double m = expect(oper, state);
        return expect(oper.times(oper), state) - m * m;
    }

    /**
     * Expectation values of several operators in one state, as QuTiP's
     * {@code expect([A, B, ...], state)}: {@code out[k] = expect(ops[k], state)} by
     * {@link #expect(Qobj, Qobj)} (so its rule for real values applies to each).
     *
     * @param ops   the operators
     * @param state a ket or density matrix
     * @return the real expectation values, in order
     */
    public static double[] expect(List<Qobj> ops, Qobj state) {
        Require.elements(ops, "expect", "ops");
        Require.nonNull(state, "expect", "state");
        double[] out = new double[ops.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = expect(ops.get(k), state);
        }
        return out;
    }

    /**
     * @param ops   the operators
     * @param state a ket or density matrix
     * @return the complex expectation values {@link #expectComplex(Qobj, Qobj)}, in order
     */
    public static Complex[] expectComplex(List<Qobj> ops, Qobj state) {
        Require.elements(ops, "expectComplex", "ops");
        Require.nonNull(state, "expectComplex", "state");
        Complex[] out = new Complex[ops.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = expectComplex(ops.get(k), state);
        }
        return out;
    }

    /**
     * {@code A(t)·this}: this object multiplied on the left by a time-dependent one, as
     * QuTiP's {@code qobj @ qobjevo}.
     *
     * @param other the time-dependent factor on the right
     * @return the product as a {@link QobjEvo}
     */
    public QobjEvo times(QobjEvo other) {
        Require.nonNull(other, "times", "other");
        return QobjEvo.of(this).times(other);
    }

    /** @return {@code this + A(t)} as a {@link QobjEvo} */
    public QobjEvo plus(QobjEvo other) {
        return QobjEvo.of(this).plus(other);
    }

    /**
     * Permutation of an operator-ket or superoperator in QuTiP's nested form
     * {@code permute([[p_0, ..., p_{n-1}], [n + p_0, ..., n + p_{n-1}]])}: the same as
     * {@code permute(p)}, which maps {@code vec(X)} to {@code vec(X.permute(p))}. Other nested
     * orders (QuTiP's reshufflings, which mix row and column subsystems) are refused.
     *
     * @param order the two halves, the second the first shifted by the number of subsystems
     * @return the permuted object
     */
    public Qobj permute(int[][] order) {
        Require.elements(order, "permute", "order");
        if (order.length != 2 || order[0] == null || order[1] == null || order[0].length != order[1].length) {
            throw new IllegalArgumentException("permute: a nested order must be [[p...], [n + p...]], got "
                    + Arrays.deepToString(order));
        }
        int n = order[0].length;
        for (int k = 0; k < n; k++) {
            if (order[1][k] != order[0][k] + n) {
                throw new IllegalArgumentException("permute: nested order " + Arrays.deepToString(order) + " mixes row and "
                        + "column subsystems; only [[p...], [n + p...]] (the same permutation of both) is supported");
            }
        }
        if (isKet() || isBra() || isOper()) {
            throw new IllegalArgumentException("permute: a nested order applies to operator-kets and superoperators, got a "
                    + type());
        }
        return permute(order[0]);
    }

    private void requireSquare(String op) {
        if (!data.isSquare()) {
            throw new IllegalArgumentException(op + " needs a square object; dims are " + dims);
        }
    }

    /**
     * Permutation of an operator-ket, operator-bra or superoperator by a Hilbert-space order:
     * the result maps (or is) the vectorisation of {@code X.permute(order)} exactly as this
     * object maps (or is) that of X. Column stacking makes the row index of {@code vec(X)}
     * run over (column subsystems, row subsystems), slowest first, so both halves are
     * permuted.
     */
    private Qobj permuteVectorised(int[] order) {
        if (isSuper() && !"super".equals(dims.superrep()) && !"choi".equals(dims.superrep())) {
            throw new IllegalArgumentException("permute of a superoperator with superrep \"" + dims.superrep()
                    + "\" is not supported (its indices are not (column, row) pairs); convert it with toSuper or toChoi");
        }
        Dims out = dims.outSpace(), in = dims.inSpace();
        Dims op = out != null ? out : in;
        int nsub = op.out().length;
        if (op.in().length != nsub) {
            throw new IllegalArgumentException("permute needs operators with the same number of subsystems on both sides, dims "
                    + dims);
        }
        checkOrder(order, nsub);
        int[] doubled = new int[2 * nsub];
        for (int k = 0; k < nsub; k++) {
            doubled[k] = order[k];
            doubled[nsub + k] = nsub + order[k];
        }
        Matrix m = data;
        if (out != null) {
            m = Data.matmul(permutationMatrix(vecStructure(out), doubled), m);
        }
        if (in != null) {
            m = Data.matmul(m, Data.transpose(permutationMatrix(vecStructure(in), doubled)));
        }
        Dims no = out == null ? null : permuted(out, order);
        Dims ni = in == null ? null : permuted(in, order);
        Dims nd = switch (type()) {
            // a Choi matrix's indices have the supermatrix's (column, row) structure, so the
            // same permutation applies and the representation stays; a chi matrix's indices
            // are Pauli labels, not (column, row) pairs (refused before permuting, below)
            case SUPER -> "choi".equals(dims.superrep()) ? Dims.superOf(no, ni).withSuperrep("choi") : Dims.superOf(no, ni);
            case OPERATOR_KET -> Dims.operatorKetOf(no);
            default -> Dims.operatorKetOf(ni).dag();
        };
        // a permutation moves entries without changing them
        return new Qobj(m, nd, null, bound);
    }

    private static void checkOrder(int[] order, int n) {
        boolean[] seen = new boolean[n];
        if (order.length != n) {
            throw new IllegalArgumentException("permute: order " + Arrays.toString(order) + " must list each of the " + n
                    + " subsystems once");
        }
        for (int o : order) {
            if (o < 0 || o >= n || seen[o]) {
                throw new IllegalArgumentException("permute: order " + Arrays.toString(order) + " is not a permutation of 0.."
                        + (n - 1));
            }
            seen[o] = true;
        }
    }

    /**
     * The permutation matrix P with {@code (P x)[new(i)] = x[i]}, where the new multi-index
     * has digit k equal to the old digit {@code order[k]} (first subsystem slowest).
     */
    private static Matrix permutationMatrix(int[] sizes, int[] order) {
        int n = sizes.length, size = 1;
        for (int d : sizes) {
            size *= d;
        }
        int[] newStride = new int[n];
        int s = 1;
        for (int k = n - 1; k >= 0; k--) {
            newStride[k] = s;
            s *= sizes[order[k]];
        }
        int[] strideOfOld = new int[n];
        for (int k = 0; k < n; k++) {
            strideOfOld[order[k]] = newStride[k];
        }
        int[] target = new int[size];
        int[] digit = new int[n];
        for (int i = 0; i < size; i++) {
            int v = 0;
            for (int k = 0; k < n; k++) {
                v += digit[k] * strideOfOld[k];
            }
            target[i] = v;
            for (int k = n - 1; k >= 0; k--) {
                if (++digit[k] < sizes[k]) {
                    break;
                }
                digit[k] = 0;
            }
        }
        // row target[i] has its one in column i
        int[] source = new int[size];
        for (int i = 0; i < size; i++) {
            source[target[i]] = i;
        }
        int[] rowPtr = new int[size + 1];
        double[] values = new double[2 * size];
        for (int r = 0; r < size; r++) {
            rowPtr[r + 1] = r + 1;
            values[2 * r] = 1;
        }
        return CsrMatrix.of(size, size, rowPtr, source, values);
    }

    /** Subsystem sizes of vec(X)'s index, slowest first: X's column subsystems, then its row subsystems. */
    private static int[] vecStructure(Dims op) {
        int[] o = op.out(), i = op.in();
        int[] r = new int[o.length + i.length];
        System.arraycopy(i, 0, r, 0, i.length);
        System.arraycopy(o, 0, r, i.length, o.length);
        return r;
    }

    private static Dims permuted(Dims op, int[] order) {
        int[] o = op.out(), i = op.in();
        int[] no = new int[o.length], ni = new int[i.length];
        for (int k = 0; k < order.length; k++) {
            no[k] = o[order[k]];
            ni[k] = i[order[k]];
        }
        return Dims.of(no, ni);
    }

    // ---------------------------------------------------------------- comparison and display

    /**
     * @return whether both objects have the same dims and every entry differs by at most tol
     */
    public boolean isClose(Qobj other, double tol) {
        Require.nonNull(other, "isClose", "other");
        Require.finite(tol, "isClose", "tol");
        return dims.equals(other.dims) && Data.maxAbs(Data.sub(data, other.data)) <= tol;
    }

    /** @return a copy with entries of modulus below atol set to zero */
    public Qobj tidyup(double atol) {
        Require.finite(atol, "tidyup", "atol");
        // zeroing small entries can make a matrix Hermitian or break its symmetry: recompute
        return new Qobj(Data.tidyup(data, atol), dims, null, bound);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Qobj q && isClose(q, 1e-14 * Math.max(1, Data.maxAbs(data)));
    }

    @Override
    public int hashCode() {
        return dims.hashCode();
    }

    /**
     * QuTiP 5's display: the header
     * {@code Quantum object: dims=[[2], [2]], shape=(2, 2), type='oper', dtype=Dense, isherm=True}
     * ({@code isherm} for operators and superoperators only), then {@code Qobj data =} and the
     * entries as numpy prints them: real when every imaginary part is zero, aligned on the
     * decimal point with at most 8 decimals, or in scientific notation when the magnitudes span
     * more than 10^3 (or pass 10^8, or fall below 10^-4). A side longer than 12 shows its first
     * and last 3 rows or columns with "..." between, and a last line says what was left out.
     */
    @Override
    public String toString() {
        return QobjFormat.format(this);
    }
}
