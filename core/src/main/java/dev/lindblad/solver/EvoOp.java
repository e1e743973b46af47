package dev.lindblad.solver;

import dev.lindblad.Coefficient;
import dev.lindblad.Complex;
import dev.lindblad.QobjEvo;
import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A time-dependent operator {@code X(t) = K + sum_a f_a(t) X_a + sum_b F_b(t)} (constant part K,
 * coefficient terms, function parts) applied from the left to an interleaved column-major
 * block, for the stochastic solvers. Constant parts are summed once, in their best storage.
 * Immutable, so shared by every trajectory.
 */
final class EvoOp {
    private final Matrix constant;
    /** The constant part prepared for matrix–vector products (kets), {@link Data#prepareProduct}. */
    private final dev.lindblad.data.LinearMap constantMap;
    private final Matrix[] mats;
    private final Coefficient[] coefs;
    private final List<DoubleFunction<Matrix>> funcs;

    private EvoOp(Matrix constant, List<Matrix> mats, List<Coefficient> coefs, List<DoubleFunction<Matrix>> funcs) {
        this.constant = constant == null ? null : Data.toBestFormat(constant);
        this.constantMap = this.constant == null ? null : Data.prepareProduct(this.constant);
        this.mats = new Matrix[mats.size()];
        for (int a = 0; a < this.mats.length; a++) {
            this.mats[a] = Data.toBestFormat(mats.get(a));
        }
        this.coefs = coefs.toArray(new Coefficient[0]);
        this.funcs = List.copyOf(funcs);
    }

    /** A builder of sums of parts. */
    static final class Builder {
        private Matrix constant;
        private final List<Matrix> mats = new ArrayList<>();
        private final List<Coefficient> coefs = new ArrayList<>();
        private final List<DoubleFunction<Matrix>> funcs = new ArrayList<>();

        /** Adds {@code f(t) m} (f null: constant). */
        Builder add(Matrix m, Coefficient f) {
            if (f == null) {
                constant = constant == null ? m : Data.add(constant, m);
            } else {
                mats.add(m);
                coefs.add(f);
            }
            return this;
        }

        /** Adds a function part. */
        Builder add(DoubleFunction<Matrix> f) {
            funcs.add(f);
            return this;
        }

        /** Adds {@code z · e(t)}. */
        Builder add(QobjEvo e, Complex z) {
            for (QobjEvo.Term term : e.operatorTerms()) {
                add(Data.scale(term.operator().data(), z.re(), z.im()), term.coefficient());
            }
            for (DoubleFunction<dev.lindblad.Qobj> f : e.functionParts()) {
                add(t -> Data.scale(f.apply(t).data(), z.re(), z.im()));
            }
            return this;
        }

        EvoOp build() {
            return new EvoOp(constant, mats, coefs, funcs);
        }
    }

    static EvoOp of(QobjEvo e, Complex z) {
        return new Builder().add(e, z).build();
    }

    /** The adjoint {@code X(t)^†}: adjoint parts, conjugate coefficients. */
    EvoOp adjoint() {
        List<Matrix> m = new ArrayList<>();
        List<Coefficient> c = new ArrayList<>();
        for (int a = 0; a < mats.length; a++) {
            m.add(Data.adjoint(mats[a]));
            Coefficient f = coefs[a];
            c.add(t -> f.at(t).conj());
        }
        List<DoubleFunction<Matrix>> fs = new ArrayList<>();
        for (DoubleFunction<Matrix> f : funcs) {
            fs.add(t -> Data.adjoint(f.apply(t)));
        }
        return new EvoOp(constant == null ? null : Data.adjoint(constant), m, c, fs);
    }

    boolean isConstant() {
        return mats.length == 0 && funcs.isEmpty();
    }

    /** @return the constant matrix (only for a constant operator; null when zero) */
    Matrix constantMatrix() {
        return constant;
    }

    /** @return {@code X(t)} as one matrix (allocates; for set-up and the function parts) */
    Matrix at(double t, int n) {
        Matrix out = constant;
        for (int a = 0; a < mats.length; a++) {
            Complex z = coefs[a].at(t);
            Matrix s = Data.scale(mats[a], z.re(), z.im());
            out = out == null ? s : Data.add(out, s);
        }
        for (DoubleFunction<Matrix> f : funcs) {
            Matrix s = f.apply(t);
            out = out == null ? s : Data.add(out, s);
        }
        return out == null ? dev.lindblad.data.CsrMatrix.zeros(n, n) : out;
    }

    /**
     * {@code out = (sr + i si) X(t) x + (accumulate ? out : 0)} for a block x of {@code cols}
     * columns.
     */
    void apply(double t, double[] x, int cols, double[] out, double sr, double si, boolean accumulate) {
        boolean written = accumulate;
        if (constant != null) {
            if (cols == 1) {
                Data.matvec(constantMap, x, 0, out, 0, sr, si, written ? 1 : 0, 0);
            } else {
                mul(constant, x, cols, out, sr, si, written);
            }
            written = true;
        }
        for (int a = 0; a < mats.length; a++) {
            Complex z = coefs[a].at(t);
            double zr = z.re() * sr - z.im() * si, zi = z.re() * si + z.im() * sr;
            mul(mats[a], x, cols, out, zr, zi, written);
            written = true;
        }
        for (DoubleFunction<Matrix> f : funcs) {
            mul(f.apply(t), x, cols, out, sr, si, written);
            written = true;
        }
        if (!written) {
            java.util.Arrays.fill(out, 0, x.length, 0.0);
        }
    }

    private static void mul(Matrix m, double[] x, int cols, double[] out, double sr, double si, boolean accumulate) {
        if (cols == 1) {
            Data.matvec(m, x, 0, out, 0, sr, si, accumulate ? 1 : 0, 0);
        } else {
            Data.matmulInto(m, x, cols, out, sr, si, accumulate ? 1 : 0, 0);
        }
    }
}
