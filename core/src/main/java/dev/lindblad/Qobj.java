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
 */
public final class Qobj implements QobjLike {

    /** Absolute tolerance of {@link #isHerm()}, QuTiP's default {@code settings.atol}. */
    public static final double HERMITIAN_TOLERANCE = 1e-12;

    private final Matrix data;
    private final Dims dims;
    private volatile Boolean herm;

    private Qobj(Matrix data, Dims dims, Boolean herm) {
        this.data = data;
        this.dims = dims;
        this.herm = herm;
    }

    /**
     * @param data the matrix
     * @param dims its tensor structure; rows and columns must match the matrix shape
     * @return the quantum object
     */
    public static Qobj of(Matrix data, Dims dims) {
        if (data.rows() != dims.rows() || data.cols() != dims.cols()) {
            throw new DimensionMismatchException("Qobj: dims " + dims + " describe a " + dims.rows() + "x" + dims.cols()
                    + " matrix, but the data are " + data.rows() + "x" + data.cols());
        }
        return new Qobj(data, dims, null);
    }

    /** @return the matrix as a ket (one column) or operator with flat dims {@code [[rows], [cols]]} */
    public static Qobj of(Matrix data) {
        return new Qobj(data, Dims.of(new int[] {data.rows()}, new int[] {data.cols()}), null);
    }

    /** @return the operator or ket given by row-major real entries {@code re[i][j]} */
    public static Qobj fromArray(double[][] re) {
        return of(DenseMatrix.fromRows(re, null));
    }

    /** @return the object given by row-major real and imaginary parts */
    public static Qobj fromArray(double[][] re, double[][] im) {
        return of(DenseMatrix.fromRows(re, im));
    }

    /** @return the ket with the given real amplitudes (not normalised) */
    public static Qobj ket(double... amplitudes) {
        double[] d = new double[2 * amplitudes.length];
        for (int k = 0; k < amplitudes.length; k++) {
            d[2 * k] = amplitudes[k];
        }
        return of(DenseMatrix.wrap(amplitudes.length, 1, d));
    }

    /** @return the ket with the given complex amplitudes (not normalised) */
    public static Qobj ket(Complex... amplitudes) {
        double[] d = new double[2 * amplitudes.length];
        for (int k = 0; k < amplitudes.length; k++) {
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
        return data instanceof DenseMatrix ? this : new Qobj(data.toDense(), dims, herm);
    }

    /** @return the same object stored as CSR */
    public Qobj toSparse() {
        return data instanceof CsrMatrix ? this : new Qobj(data.toCsr(), dims, herm);
    }

    // ---------------------------------------------------------------- arithmetic

    /** @return the conjugate transpose {@code A^†} */
    public Qobj dag() {
        return new Qobj(Data.adjoint(data), dims.dag(), herm);
    }

    /** @return the transpose {@code A^T} */
    public Qobj trans() {
        return new Qobj(Data.transpose(data), dims.dag(), herm);
    }

    /** @return the element-wise conjugate {@code A^*} */
    public Qobj conj() {
        return new Qobj(Data.conj(data), dims, herm);
    }

    /** @return {@code this + other}; dims must be equal */
    public Qobj plus(Qobj other) {
        if (!dims.equals(other.dims)) {
            throw new DimensionMismatchException("plus", dims, other.dims);
        }
        return new Qobj(Data.add(data, other.data), dims, null);
    }

    /** @return {@code this - other}; dims must be equal */
    public Qobj minus(Qobj other) {
        if (!dims.equals(other.dims)) {
            throw new DimensionMismatchException("minus", dims, other.dims);
        }
        return new Qobj(Data.sub(data, other.data), dims, null);
    }

    /** @return {@code A + z 1} for a square operator, as QuTiP's {@code A + z} */
    public Qobj plus(Complex z) {
        if (!data.isSquare()) {
            throw new IllegalArgumentException("plus(scalar) adds a multiple of the identity and needs a square object; "
                    + "this one has dims " + dims);
        }
        return new Qobj(Data.add(data, CsrMatrix.identity(data.rows()), z.re(), z.im()), dims, null);
    }

    /** @return {@code A + x 1} for a square operator */
    public Qobj plus(double x) {
        return plus(Complex.of(x));
    }

    /** @return {@code this · other}: matrix product, the inner dims must agree */
    public Qobj times(Qobj other) {
        Dims d = dims.product(other.dims, "times");
        return new Qobj(Data.matmul(data, other.data), d, null);
    }

    /** @return {@code x · this} */
    public Qobj times(double x) {
        // 0 A = 0 is Hermitian even when A is not
        return new Qobj(Data.scale(data, x, 0), dims, x == 0 ? null : herm);
    }

    /** @return {@code z · this} */
    public Qobj times(Complex z) {
        return new Qobj(Data.scale(data, z.re(), z.im()), dims, z.im() == 0 && z.re() != 0 ? herm : null);
    }

    /** @return {@code this / x} */
    public Qobj div(double x) {
        return times(1 / x);
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
        // (A^0 = 1, a nilpotent A^2 = 0): only "true" carries over
        return new Qobj(result, dims, Boolean.TRUE.equals(herm) ? Boolean.TRUE : null);
    }

    // ---------------------------------------------------------------- scalars

    /** @return the trace {@code tr A} */
    public Complex tr() {
        return Data.trace(data);
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
        return Data.frobeniusNorm(data);
    }

    /** @return {@code this / norm()} */
    public Qobj unit() {
        double n = norm();
        if (n == 0) {
            throw new ArithmeticException("unit: the object has norm 0 and cannot be normalised");
        }
        return new Qobj(Data.scale(data, 1 / n, 0), dims, herm);
    }

    /**
     * @return {@code <bra|A|ket>}; bra may be given as a bra or as a ket (then its adjoint is used)
     */
    public Complex matrixElement(Qobj bra, Qobj ket) {
        Qobj b = bra.isKet() ? bra.dag() : bra;
        if (!b.isBra() || !ket.isKet()) {
            throw new IllegalArgumentException("matrixElement needs a bra (or ket) and a ket, got " + bra.type() + " and "
                    + ket.type());
        }
        return b.times(this).times(ket).get(0, 0);
    }

    /**
     * @return the overlap {@code <this|other>} of two kets (or a bra and a ket)
     */
    public Complex overlap(Qobj other) {
        Qobj b = isKet() ? dag() : this;
        Qobj k = other.isBra() ? other.dag() : other;
        return b.times(k).get(0, 0);
    }

    // ---------------------------------------------------------------- functions of matrices

    /** @return the matrix exponential {@code e^A} (dense) */
    public Qobj expm() {
        if (!data.isSquare()) {
            throw new IllegalArgumentException("expm needs a square object; dims are " + dims);
        }
        MemoryCheck.expm(data.rows());
        return new Qobj(Linalg.expm(data), dims, null);
    }

    /**
     * @return the square root of a Hermitian positive semidefinite operator
     * @throws IllegalArgumentException if the operator is not Hermitian or has a negative eigenvalue
     */
    public Qobj sqrtm() {
        if (!data.isSquare()) {
            throw new IllegalArgumentException("sqrtm needs a square object; dims are " + dims);
        }
        return new Qobj(Linalg.sqrtm(data), dims, null);
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
            states[k] = new Qobj(DenseMatrix.wrap(n, 1, col), kd, false);
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
     * Partial trace keeping the listed subsystems in the listed order, as QuTiP's
     * {@code ptrace(sel)}; a ket gives the reduced density matrix of {@code |psi><psi|}.
     *
     * @param keep subsystem indices to keep, distinct and in range
     * @return the reduced density operator, dims {@code [[kept...], [kept...]]}
     */
    public Qobj ptrace(int... keep) {
        int[] sub = dims.subsystems();
        if (keep.length == 0) {
            throw new IllegalArgumentException("ptrace: keep at least one subsystem of " + Arrays.toString(sub));
        }
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
        return new Qobj(r, Dims.oper(kd), null);
    }

    /**
     * Reorders the subsystems: the new subsystem k is the old subsystem {@code order[k]}.
     *
     * @param order a permutation of 0..n-1
     * @return the permuted object
     */
    public Qobj permute(int... order) {
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
                yield new Qobj(m, Dims.of(no, ni), herm);
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
        if (parts.length == 0) {
            throw new IllegalArgumentException("tensor needs at least one operand");
        }
        Matrix m = parts[0].data;
        Dims[] ds = new Dims[parts.length];
        ds[0] = parts[0].dims;
        for (int k = 1; k < parts.length; k++) {
            m = Data.kron(m, parts[k].data);
            ds[k] = parts[k].dims;
        }
        return new Qobj(m, Dims.tensor(ds), null);
    }

    /** @return the tensor product of a list */
    public static Qobj tensor(List<Qobj> parts) {
        return tensor(parts.toArray(Qobj[]::new));
    }

    /**
     * Expectation value {@code <psi|A|psi>} for a ket, {@code tr(A rho)} for a density matrix,
     * computed without forming {@code A psi} or {@code A rho}.
     *
     * @param oper  the operator A
     * @param state a ket or density matrix with A's dims
     * @return the complex expectation value
     */
    public static Complex expectComplex(Qobj oper, Qobj state) {
        if (!oper.isOper()) {
            throw new IllegalArgumentException("expect needs an operator as first argument, got a " + oper.type());
        }
        if (state.isKet()) {
            if (!Arrays.equals(oper.dims.in(), state.dims.out())) {
                throw new DimensionMismatchException("expect", oper.dims, state.dims);
            }
            return Data.expectKet(oper.data, state.data.toDense().array());
        }
        if (state.isOper()) {
            if (!oper.dims.equals(state.dims)) {
                throw new DimensionMismatchException("expect", oper.dims, state.dims);
            }
            return Data.expectRho(oper.data, state.data);
        }
        throw new IllegalArgumentException("expect needs a ket or density matrix as state, got a " + state.type());
    }

    /**
     * @return the real expectation value of a Hermitian operator (QuTiP returns a real number
     *         for Hermitian operators)
     */
    public static double expect(Qobj oper, Qobj state) {
        return expectComplex(oper, state).re();
    }

    // ---------------------------------------------------------------- comparison and display

    /**
     * @return whether both objects have the same dims and every entry differs by at most tol
     */
    public boolean isClose(Qobj other, double tol) {
        return dims.equals(other.dims) && Data.maxAbs(Data.sub(data, other.data)) <= tol;
    }

    /** @return a copy with entries of modulus below atol set to zero */
    public Qobj tidyup(double atol) {
        // zeroing small entries can make a matrix Hermitian or break its symmetry: recompute
        return new Qobj(Data.tidyup(data, atol), dims, null);
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
