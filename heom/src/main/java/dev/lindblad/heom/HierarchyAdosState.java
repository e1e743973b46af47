package dev.lindblad.heom;

import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.data.DenseMatrix;
import java.util.Arrays;
import java.util.Objects;

/**
 * The state of a whole hierarchy at one time, as QuTiP's {@code HierarchyADOsState}: the system
 * density matrix and every ADO. The ADOs are stored one after the other in index order, each
 * as {@code vec(rho_n)} (columns stacked, interleaved {@code (re, im)}), QuTiP's layout.
 */
public final class HierarchyAdosState implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final HierarchyAdos ados;
    private final Dims dims;
    private final int n;
    private final double[] state;

    HierarchyAdosState(HierarchyAdos ados, Dims dims, double[] state) {
        this.ados = ados;
        this.dims = dims;
        this.n = dims.rows();
        this.state = state;
    }

    /**
     * A hierarchy state from the ADOs' values.
     *
     * @param ados  the hierarchy
     * @param dims  the system operators' dims
     * @param state {@code vec(rho_n)} of every ADO in index order, interleaved, length
     *              {@code 2 N² size()}; copied
     * @return the state
     */
    public static HierarchyAdosState of(HierarchyAdos ados, Dims dims, double[] state) {
        Objects.requireNonNull(ados, "ados");
        Objects.requireNonNull(dims, "dims");
        Objects.requireNonNull(state, "state");
        long expected = 2L * dims.rows() * dims.rows() * ados.size();
        if (state.length != expected) {
            throw new IllegalArgumentException("a state of " + ados.size() + " ADOs of dims " + dims + " has "
                    + expected + " doubles, got " + state.length);
        }
        return new HierarchyAdosState(ados, dims, state.clone());
    }

    /** @return the hierarchy */
    public HierarchyAdos ados() {
        return ados;
    }

    /** @return the system's density matrix (ADO 0) */
    public Qobj rho() {
        return extract(0);
    }

    /** @return ADO i as an operator */
    public Qobj extract(int i) {
        Objects.checkIndex(i, ados.size());
        int w = 2 * n * n;
        return Qobj.of(DenseMatrix.wrap(n, n, Arrays.copyOfRange(state, i * w, (i + 1) * w)), dims);
    }

    /** @return the ADO with this label as an operator */
    public Qobj extract(int[] label) {
        return extract(ados.idx(label));
    }

    /** @return every ADO's {@code vec(rho_n)}, interleaved (a copy) */
    public double[] toArray() {
        return state.clone();
    }

    double[] array() {
        return state;
    }

    /** @return the system operators' dims */
    public Dims dims() {
        return dims;
    }
}
