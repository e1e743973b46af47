package dev.lindblad;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.Matrix;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
public final class Qobj implements QobjLike {

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
        return made("expm", Linalg.expm(data), dims, null, Double.POSITIVE_INFINITY);
    }

    /**
     * @return the square root of a Hermitian positive semidefinite operator
     * @throws IllegalArgumentException if the operator is not Hermitian or has a negative eigenvalue
     */
    public Qobj sqrtm() {
        if (!data.isSquare()) {
            throw new IllegalArgumentException("sqrtm needs a square object; dims are " + dims);
        }
        return made("sqrtm", Linalg.sqrtm(data), dims, null, Double.POSITIVE_INFINITY);
    }

    /** @return the eigenvalues of a Hermitian operator, ascending */
    public double[] eigenenergies() {
        requireHermitian("eigenenergies");
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
        Linalg.Eigensystem es = Linalg.eigh(data);
        int n = data.rows();
        Dims kd = Dims.ket(dims.out());
        Qobj[] states = new Qobj[n];
        double[] v = es.vectors();
        for (int k = 0; k < n; k++) {
            double[] col = Arrays.copyOfRange(v, 2 * k * n, 2 * (k + 1) * n);
            fixPhase(col);
            states[k] = made("eigenstates", DenseMatrix.wrap(n, 1, col), kd, false, Double.POSITIVE_INFINITY);
        }
        return new Eigen(es.values(), List.of(states));
    }

    /** Eigenvectors are defined up to a phase; make the first entry of largest modulus real positive. */
    private static void fixPhase(double[] v) {
        int best = 0;
        double bm = -1;
        for (int k = 0; k < v.length; k += 2) {
            double m = Math.hypot(v[k], v[k + 1]);
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
            default -> throw new IllegalArgumentException("permute of a " + type() + " is not supported; dims " + dims);
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

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("Quantum object: dims = ").append(dims)
                .append(", shape = (").append(data.rows()).append(", ").append(data.cols()).append(')')
                .append(", type = ").append(type().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (isOper() || isSuper()) {
            sb.append(", isherm = ").append(isHerm() ? "True" : "False");
        }
        sb.append("\nQobj data =\n");
        int mr = Math.min(data.rows(), 10), mc = Math.min(data.cols(), 10);
        for (int i = 0; i < mr; i++) {
            sb.append('[');
            for (int j = 0; j < mc; j++) {
                Complex z = data.get(i, j);
                sb.append(j == 0 ? "" : " ").append(String.format(Locale.ROOT, "%10.4g%+.4gj", z.re(), z.im()));
            }
            sb.append(data.cols() > mc ? " ...]" : "]").append('\n');
        }
        if (data.rows() > mr) {
            sb.append(" ...\n");
        }
        return sb.toString();
    }
}
