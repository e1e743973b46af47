package dev.lindblad;

import dev.lindblad.data.DenseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Index gymnastics on tensor-product objects, as QuTiP's {@code tensor_contract} and
 * {@code expand_operator}.
 *
 * <h2>Flat dims indices</h2>
 * The indices a contraction names are positions in QuTiP's flattened dims list: for an operator
 * with dims {@code [[a, b], [c, d]]} they are 0..3 for a, b, c, d; for a superoperator with dims
 * {@code [[[a], [b]], [[c], [d]]]} they are 0..3 likewise. Column stacking is resolved as QuTiP
 * does: the row index of a superoperator is {@code i + j·dim(out)} for the element
 * {@code rho_{ij}}, so its tensor axes run over the operators' column factors first.
 */
public final class Tensors {
    private Tensors() {
    }

    /** One side (rows or columns) of the matrix: a plain list of factors or a vectorised operator space. */
    private record Side(int[] first, int[] second) {
        boolean vectorised() {
            return second != null;
        }
    }

    /**
     * Contracts (traces over) pairs of tensor indices, QuTiP's {@code tensor_contract}:
     * {@code T'_{…} = Σ_k T_{…k…k…}} for each pair, with the paired indices removed from the dims
     * (a side left with no index gets the size {@code [1]}).
     *
     * @param q     a ket, bra, operator, operator-ket, operator-bra or superoperator
     * @param pairs pairs {@code {i, j}} of flat dims indices (see the class comment) of equal size
     * @return the contracted object, e.g. {@code tensorContract(qeye(2,3,4), {1,4}) = 3·qeye(2,4)}
     * @throws IllegalArgumentException when a pair is not two distinct in-range indices, an index
     *                                  appears twice, or the paired sizes differ
     */
    public static Qobj tensorContract(Qobj q, int[]... pairs) {
        Require.nonNull(q, "tensorContract", "q");
        Require.elements(pairs, "tensorContract", "pairs");
        Dims d = q.dims();
        Side rows, cols;
        switch (d.type()) {
            case SUPER -> {
                rows = new Side(d.outSpace().out(), d.outSpace().in());
                cols = new Side(d.inSpace().out(), d.inSpace().in());
            }
            case OPERATOR_KET -> {
                rows = new Side(d.outSpace().out(), d.outSpace().in());
                cols = new Side(d.in(), null);
            }
            case OPERATOR_BRA -> {
                rows = new Side(d.dag().in(), null);
                cols = new Side(d.inSpace().out(), d.inSpace().in());
            }
            default -> {
                rows = new Side(d.out(), null);
                cols = new Side(d.in(), null);
            }
        }
        // flat labels in dims order, and each label's tensor axis
        List<Integer> sizes = new ArrayList<>();
        for (Side s : List.of(rows, cols)) {
            for (int x : s.first()) {
                sizes.add(x);
            }
            if (s.vectorised()) {
                for (int x : s.second()) {
                    sizes.add(x);
                }
            }
        }
        int nLabels = sizes.size();
        // tensor axes order: a plain side in order; a vectorised side second group first
        int[] axisOfLabel = new int[nLabels];
        int[] labelOfAxis = new int[nLabels];
        int axis = 0, label = 0;
        int rowAxes = 0;
        for (Side s : List.of(rows, cols)) {
            int f = s.first().length, g = s.vectorised() ? s.second().length : 0;
            if (s.vectorised()) {
                for (int k = 0; k < g; k++) {
                    axisOfLabel[label + f + k] = axis + k;
                }
                for (int k = 0; k < f; k++) {
                    axisOfLabel[label + k] = axis + g + k;
                }
            } else {
                for (int k = 0; k < f; k++) {
                    axisOfLabel[label + k] = axis + k;
                }
            }
            if (s == rows) {
                rowAxes = f + g;
            }
            axis += f + g;
            label += f + g;
        }
        for (int l = 0; l < nLabels; l++) {
            labelOfAxis[axisOfLabel[l]] = l;
        }
        boolean[] contracted = new boolean[nLabels];
        for (int p = 0; p < pairs.length; p++) {
            int[] pair = pairs[p];
            if (pair.length != 2) {
                throw new IllegalArgumentException("tensorContract: pairs[" + p + "] must hold two indices, got "
                        + Arrays.toString(pair));
            }
            for (int idx : pair) {
                if (idx < 0 || idx >= nLabels) {
                    throw new IllegalArgumentException("tensorContract: index " + idx + " in pairs[" + p
                            + "] is outside 0.." + (nLabels - 1) + " (the flattened dims " + d + ")");
                }
                if (contracted[idx]) {
                    throw new IllegalArgumentException("tensorContract: index " + idx + " appears twice in pairs");
                }
                contracted[idx] = true;
            }
            if (pair[0] == pair[1]) {
                throw new IllegalArgumentException("tensorContract: pairs[" + p + "] names index " + pair[0] + " twice");
            }
            if (!sizes.get(pair[0]).equals(sizes.get(pair[1]))) {
                throw new IllegalArgumentException("tensorContract: pairs[" + p + "] = " + Arrays.toString(pair)
                        + " joins indices of sizes " + sizes.get(pair[0]) + " and " + sizes.get(pair[1]));
            }
        }
        // strides of each axis in the original row or column index (row-major over the side's axes)
        int[] stride = new int[nLabels];
        boolean[] onRow = new boolean[nLabels];
        int s = 1;
        for (int a = rowAxes - 1; a >= 0; a--) {
            stride[a] = s;
            onRow[a] = true;
            s *= sizes.get(labelOfAxis[a]);
        }
        s = 1;
        for (int a = nLabels - 1; a >= rowAxes; a--) {
            stride[a] = s;
            s *= sizes.get(labelOfAxis[a]);
        }
        // kept axes, in tensor order, make the new row and column indices
        List<Integer> keptRow = new ArrayList<>(), keptCol = new ArrayList<>();
        for (int a = 0; a < nLabels; a++) {
            if (!contracted[labelOfAxis[a]]) {
                (onRow[a] ? keptRow : keptCol).add(a);
            }
        }
        int newRows = 1, newCols = 1;
        for (int a : keptRow) {
            newRows *= sizes.get(labelOfAxis[a]);
        }
        for (int a : keptCol) {
            newCols *= sizes.get(labelOfAxis[a]);
        }
        double[] src = q.toArray();
        int oldRows = d.rows();
        double[] out = new double[2 * newRows * newCols];
        int[] kept = new int[keptRow.size() + keptCol.size()];
        for (int k = 0; k < keptRow.size(); k++) {
            kept[k] = keptRow.get(k);
        }
        for (int k = 0; k < keptCol.size(); k++) {
            kept[keptRow.size() + k] = keptCol.get(k);
        }
        int[] keptSize = new int[kept.length];
        for (int k = 0; k < kept.length; k++) {
            keptSize[k] = sizes.get(labelOfAxis[kept[k]]);
        }
        int[] pairSize = new int[pairs.length];
        for (int p = 0; p < pairs.length; p++) {
            pairSize[p] = sizes.get(pairs[p][0]);
        }
        int[] ki = new int[kept.length];
        int[] pi = new int[pairs.length];
        for (int r = 0; r < newRows; r++) {
            for (int c = 0; c < newCols; c++) {
                // decompose (r, c) into the kept axes' indices (row-major within each side)
                int rr = r, cc = c;
                for (int k = keptRow.size() - 1; k >= 0; k--) {
                    ki[k] = rr % keptSize[k];
                    rr /= keptSize[k];
                }
                for (int k = kept.length - 1; k >= keptRow.size(); k--) {
                    ki[k] = cc % keptSize[k];
                    cc /= keptSize[k];
                }
                int baseRow = 0, baseCol = 0;
                for (int k = 0; k < kept.length; k++) {
                    if (onRow[kept[k]]) {
                        baseRow += ki[k] * stride[kept[k]];
                    } else {
                        baseCol += ki[k] * stride[kept[k]];
                    }
                }
                double sr = 0, si = 0;
                Arrays.fill(pi, 0);
                while (true) {
                    int row = baseRow, col = baseCol;
                    for (int p = 0; p < pairs.length; p++) {
                        for (int idx : pairs[p]) {
                            int a = axisOfLabel[idx];
                            if (onRow[a]) {
                                row += pi[p] * stride[a];
                            } else {
                                col += pi[p] * stride[a];
                            }
                        }
                    }
                    sr += src[2 * (row + col * oldRows)];
                    si += src[2 * (row + col * oldRows) + 1];
                    int p = pairs.length - 1;
                    while (p >= 0 && ++pi[p] == pairSize[p]) {
                        pi[p] = 0;
                        p--;
                    }
                    if (p < 0) {
                        break;
                    }
                }
                out[2 * (r + c * newRows)] = sr;
                out[2 * (r + c * newRows) + 1] = si;
            }
        }
        // the new dims: each group without its contracted labels
        int[][] groups = new int[4][];
        int at = 0, g = 0;
        for (Side sd : List.of(rows, cols)) {
            groups[g++] = remaining(sizes, contracted, at, sd.first().length);
            at += sd.first().length;
            if (sd.vectorised()) {
                groups[g++] = remaining(sizes, contracted, at, sd.second().length);
                at += sd.second().length;
            } else {
                groups[g++] = null;
            }
        }
        Dims rowDims = rows.vectorised() ? Dims.of(groups[0], groups[1]) : null;
        Dims colDims = cols.vectorised() ? Dims.of(groups[2], groups[3]) : null;
        Dims nd;
        if (rowDims != null && colDims != null) {
            nd = Dims.superOf(rowDims, colDims);
        } else if (rowDims != null) {
            nd = Dims.operatorKetOf(rowDims);
        } else if (colDims != null) {
            nd = Dims.operatorKetOf(colDims).dag();
        } else {
            nd = Dims.of(groups[0], groups[2]);
        }
        return Qobj.of(DenseMatrix.of(newRows, newCols, out), nd);
    }

    private static int[] remaining(List<Integer> sizes, boolean[] contracted, int from, int count) {
        List<Integer> r = new ArrayList<>();
        for (int k = from; k < from + count; k++) {
            if (!contracted[k]) {
                r.add(sizes.get(k));
            }
        }
        if (r.isEmpty()) {
            return new int[] {1};
        }
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Expands an operator on some subsystems to the whole space, QuTiP's {@code expand_operator}:
     * the factor k of {@code oper} acts on subsystem {@code targets[k]}, identities on the rest,
     * e.g. {@code expandOperator(A, {2,3,4,5}, 2) = I₂ ⊗ I₃ ⊗ A ⊗ I₅} and
     * {@code expandOperator(A ⊗ B, {2,3,4,5}, 2, 0) = B ⊗ I₃ ⊗ A ⊗ I₅}.
     *
     * @param oper    a square operator with as many subsystems as targets
     * @param dims    the subsystem sizes of the whole space
     * @param targets distinct subsystem indices, one per factor of oper
     * @return the expanded operator with dims {@code [dims, dims]}
     * @throws IllegalArgumentException when the targets are out of range or repeated, their number
     *                                  differs from oper's subsystems, or the sizes differ
     */
    public static Qobj expandOperator(Qobj oper, int[] dims, int... targets) {
        Require.nonNull(oper, "expandOperator", "oper");
        Require.nonNull(dims, "expandOperator", "dims");
        Require.nonNull(targets, "expandOperator", "targets");
        if (oper.type() != Dims.Type.OPER || !Arrays.equals(oper.dims().out(), oper.dims().in())) {
            throw new IllegalArgumentException("expandOperator: oper must be an operator with the same input and output "
                    + "dims, got dims " + oper.dims());
        }
        int[] od = oper.dims().out();
        int n = dims.length;
        if (targets.length != od.length) {
            throw new IllegalArgumentException("expandOperator: oper has " + od.length + " subsystems " + Arrays.toString(od)
                    + " but " + targets.length + " targets were given");
        }
        for (int x : dims) {
            if (x <= 0) {
                throw new IllegalArgumentException("expandOperator: dims must be positive, got " + Arrays.toString(dims));
            }
        }
        boolean[] used = new boolean[n];
        for (int k = 0; k < targets.length; k++) {
            int t = targets[k];
            if (t < 0 || t >= n) {
                throw new IllegalArgumentException("expandOperator: target " + t + " is outside 0.." + (n - 1));
            }
            if (used[t]) {
                throw new IllegalArgumentException("expandOperator: target " + t + " appears twice");
            }
            used[t] = true;
            if (dims[t] != od[k]) {
                throw new IllegalArgumentException("expandOperator: the operator dims " + Arrays.toString(od)
                        + " do not match the target dims (subsystem " + t + " has size " + dims[t] + ")");
            }
        }
        int[] order = new int[n];
        for (int k = 0; k < targets.length; k++) {
            order[targets[k]] = k;
        }
        List<Qobj> parts = new ArrayList<>();
        parts.add(oper);
        int next = targets.length;
        for (int t = 0; t < n; t++) {
            if (!used[t]) {
                order[t] = next++;
                parts.add(Operators.qeye(dims[t]));
            }
        }
        return Qobj.tensor(parts).permute(order);
    }
}
