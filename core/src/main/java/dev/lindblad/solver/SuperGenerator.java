package dev.lindblad.solver;

import dev.lindblad.Coefficient;
import dev.lindblad.Complex;
import dev.lindblad.data.Data;
import dev.lindblad.data.LinearMap;
import dev.lindblad.data.Matrix;
import dev.lindblad.ode.OdeSystem;
import java.util.List;

/**
 * The right-hand side {@code d vec(rho)/dt = (L_0 + sum_k f_k(t) L_k) vec(rho)} with sparse
 * superoperators: one matrix-vector product per term. Cheapest for small systems, where the
 * N²×N² Liouvillian is small and one product replaces several.
 */
final class SuperGenerator implements OdeSystem {

    /** A time-dependent part {@code f(t) L}. */
    record Term(Matrix l, Coefficient f) {
    }

    private final Matrix constant;
    private final List<Term> terms;
    /**
     * The same superoperators in the storage chosen for products ({@link Data#prepareProduct}),
     * made on the first product: a caller that only wants the Liouvillian (steadystate, the
     * propagator's generator, {@code liouvillianSuperoperator}) does not pay for the storage or
     * for the per-matrix timing of the native product.
     */
    private volatile Prepared prepared;

    private record Prepared(LinearMap constantMap, LinearMap[] termMaps) {
    }

    SuperGenerator(Matrix constant, List<Term> terms) {
        this.constant = constant;
        this.terms = List.copyOf(terms);
    }

    /**
     * The products' storage, chosen once: DIA for banded Liouvillians, else the real and
     * imaginary parts apart when most entries are one or the other (the usual case), in slices of
     * eight rows when the rows are about equally long (or a native library's product when it
     * measured faster on the matrix).
     */
    private Prepared prepared() {
        Prepared p = prepared;
        if (p == null) {
            synchronized (this) {
                p = prepared;
                if (p == null) {
                    p = new Prepared(constant == null ? null : Data.prepareProduct(constant),
                            terms.stream().map(t -> Data.prepareProduct(t.l())).toArray(LinearMap[]::new));
                    prepared = p;
                }
            }
        }
        return p;
    }

    /** Relative tolerance of the Hermiticity-preservation check of the superoperators. */
    static final double HERMITIAN_TOLERANCE = 1e-14;

    /** Whether every superoperator preserves Hermiticity, checked on first use. */
    private volatile Boolean preserves;

    /**
     * The same right-hand side for Hermitian density matrices at half the cost: only the upper
     * triangle of {@code d vec(rho)/dt} is computed ({@link Data#matvecUpper}) and the lower one
     * mirrored from it. Exact (to rounding) when rho is Hermitian, every superoperator maps
     * Hermitian operators to Hermitian operators and the coefficients are real; at a time where
     * a coefficient is complex, that evaluation falls back to the full product.
     *
     * @param n the operator dimension (the superoperators are n²×n²)
     * @return the half-cost right-hand side, or null when a superoperator does not preserve
     *         Hermiticity (a non-Hermitian Hamiltonian, a Liouvillian given without that symmetry)
     */
    OdeSystem hermitian(int n) {
        Boolean p = preserves;
        if (p == null) {
            boolean all = constant == null || Data.preservesHermiticity(constant, n, HERMITIAN_TOLERANCE);
            for (Term t : terms) {
                all &= Data.preservesHermiticity(t.l(), n, HERMITIAN_TOLERANCE);
            }
            preserves = p = all;
        }
        if (!p) {
            return null;
        }
        Prepared prep = prepared();
        LinearMap constantMap = prep.constantMap();
        LinearMap[] termMaps = prep.termMaps();
        Complex[] z = new Complex[termMaps.length];
        return (t, y, out) -> {
            for (int k = 0; k < termMaps.length; k++) {
                z[k] = terms.get(k).f().at(t);
                if (z[k].im() != 0) {
                    apply(t, y, out);
                    return;
                }
            }
            boolean written = false, upperOnly = false;
            if (constantMap != null) {
                upperOnly = Data.matvecUpper(constantMap, n, y, out, 1, 0);
                written = true;
            }
            for (int k = 0; k < termMaps.length; k++) {
                upperOnly |= Data.matvecUpper(termMaps[k], n, y, out, z[k].re(), written ? 1 : 0);
                written = true;
            }
            if (!written) {
                java.util.Arrays.fill(out, 0.0);
            } else if (upperOnly) {
                Data.hermitianFromUpper(n, out);
            }
        };
    }

    /**
     * @return complex multiply-adds of one evaluation, the cost model (a real or imaginary part
     *         of a split superoperator counts half, as in {@link LinearMap#work()})
     */
    double cost() {
        Prepared p = prepared();
        double c = p.constantMap() == null ? 0 : p.constantMap().work() / 4.0;
        for (LinearMap l : p.termMaps()) {
            c += l.work() / 4.0;
        }
        return c;
    }

    /** @return the storages of the superoperators' products, distinct, e.g. {@code "sliced-split"} */
    String storage() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        Prepared p = prepared();
        if (p.constantMap() != null) {
            names.add(p.constantMap().storage());
        }
        for (LinearMap l : p.termMaps()) {
            names.add(l.storage());
        }
        return String.join(", ", names);
    }

    Matrix constantPart() {
        return constant;
    }

    List<Term> terms() {
        return terms;
    }

    boolean isConstant() {
        return terms.isEmpty();
    }

    @Override
    public void apply(double t, double[] y, double[] out) {
        Prepared p = prepared();
        LinearMap constantMap = p.constantMap();
        LinearMap[] termMaps = p.termMaps();
        boolean written = false;
        if (constantMap != null) {
            Data.matvec(constantMap, y, 0, out, 0, 1, 0, 0, 0);
            written = true;
        }
        for (int k = 0; k < termMaps.length; k++) {
            Complex z = terms.get(k).f().at(t);
            Data.matvec(termMaps[k], y, 0, out, 0, z.re(), z.im(), written ? 1 : 0, 0);
            written = true;
        }
        if (!written) {
            java.util.Arrays.fill(out, 0.0);
        }
    }
}
