package dev.lindblad.heom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The auxiliary density operators (ADOs) of a hierarchy, as QuTiP's {@code HierarchyADOs}.
 * Each ADO is named by a label: how many excitations of each bath exponent it carries. Its
 * level is the sum of the label; the level-0 label {@code (0, ..., 0)} is the system's density
 * matrix. A bosonic exponent takes up to {@code maxDepth} excitations, a fermionic one at most
 * one; the level is at most {@code maxDepth}.
 *
 * <p>Labels are ordered as QuTiP orders them (its {@code state_number_enumerate}):
 * lexicographically, the last exponent varying fastest, so that index {@code i} here is index
 * {@code i} in QuTiP's ADO state. Labels are {@code int[]} arrays; the arrays handed out are
 * copies.
 */
public final class HierarchyAdos implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final List<BathExponent> exponents;
    private final int maxDepth;
    private final int[] dims;
    private final int[][] labels;
    private final Map<Label, Integer> index;

    /** A label as a map key. */
    private record Label(int[] n) implements java.io.Serializable {
        @Override
        public boolean equals(Object o) {
            return o instanceof Label l && Arrays.equals(n, l.n);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(n);
        }
    }

    /**
     * @param exponents the exponents of every bath, in order
     * @param maxDepth  the largest level, {@code >= 0}
     * @throws IllegalArgumentException when the hierarchy would hold more than 2^31 - 1 ADOs
     */
    public HierarchyAdos(List<BathExponent> exponents, int maxDepth) {
        Objects.requireNonNull(exponents, "exponents");
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be >= 0, got " + maxDepth);
        }
        this.exponents = List.copyOf(exponents);
        this.maxDepth = maxDepth;
        dims = new int[exponents.size()];
        for (int k = 0; k < dims.length; k++) {
            int d = exponents.get(k).dim();
            dims[k] = d == 0 ? maxDepth + 1 : d;
        }
        long count = count(dims, maxDepth);
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the hierarchy of " + dims.length + " exponents to depth " + maxDepth
                    + " has " + count + " ADOs, more than an array can index");
        }
        labels = new int[(int) count][];
        enumerate(new int[dims.length], 0, 0, new int[] {0});
        index = new HashMap<>(labels.length * 2);
        for (int i = 0; i < labels.length; i++) {
            index.put(new Label(labels[i]), i);
        }
    }

    /**
     * The number of labels with {@code 0 <= n_k < dims[k]} and {@code sum n_k <= maxDepth},
     * without enumerating them (for the memory estimate made before a hierarchy is built).
     *
     * @param exponents the exponents
     * @param maxDepth  the largest level
     * @return the number of ADOs
     */
    public static long count(List<BathExponent> exponents, int maxDepth) {
        Objects.requireNonNull(exponents, "exponents");
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be >= 0, got " + maxDepth);
        }
        int[] d = new int[exponents.size()];
        for (int k = 0; k < d.length; k++) {
            int dim = exponents.get(k).dim();
            d[k] = dim == 0 ? maxDepth + 1 : dim;
        }
        return count(d, maxDepth);
    }

    /** Counts by dynamic programming over the levels (saturating at Long.MAX_VALUE). */
    private static long count(int[] dims, int maxDepth) {
        long[] ways = new long[maxDepth + 1];   // labels of the exponents seen so far, by level
        ways[0] = 1;
        for (int d : dims) {
            long[] next = new long[maxDepth + 1];
            for (int level = 0; level <= maxDepth; level++) {
                if (ways[level] == 0) {
                    continue;
                }
                for (int n = 0; n < d && level + n <= maxDepth; n++) {
                    next[level + n] = saturatingAdd(next[level + n], ways[level]);
                }
            }
            ways = next;
        }
        long total = 0;
        for (long w : ways) {
            total = saturatingAdd(total, w);
        }
        return total;
    }

    private static long saturatingAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    private void enumerate(int[] current, int position, int level, int[] next) {
        if (position == dims.length) {
            labels[next[0]++] = current.clone();
            return;
        }
        for (int n = 0; n < dims[position] && level + n <= maxDepth; n++) {
            current[position] = n;
            enumerate(current, position + 1, level + n, next);
        }
        current[position] = 0;
    }

    /** @return the exponents (unmodifiable) */
    public List<BathExponent> exponents() {
        return exponents;
    }

    /** @return the largest level */
    public int maxDepth() {
        return maxDepth;
    }

    /** @return the number of ADOs */
    public int size() {
        return labels.length;
    }

    /** @return the most excitations of each exponent plus one (a copy) */
    public int[] dims() {
        return dims.clone();
    }

    /** @return every label, in index order (copies) */
    public List<int[]> labels() {
        List<int[]> out = new ArrayList<>(labels.length);
        for (int[] l : labels) {
            out.add(l.clone());
        }
        return out;
    }

    /** @return the label of ADO i (a copy) */
    public int[] label(int i) {
        Objects.checkIndex(i, labels.length);
        return labels[i].clone();
    }

    /** @return the level (number of excitations) of ADO i */
    public int level(int i) {
        Objects.checkIndex(i, labels.length);
        int s = 0;
        for (int n : labels[i]) {
            s += n;
        }
        return s;
    }

    /**
     * @param label a label, one entry per exponent
     * @return its index
     * @throws IllegalArgumentException when the label has the wrong length or is not in the
     *                                  hierarchy
     */
    public int idx(int... label) {
        Objects.requireNonNull(label, "label");
        if (label.length != dims.length) {
            throw new IllegalArgumentException("a label has one entry per exponent (" + dims.length + "), got "
                    + label.length + ": " + Arrays.toString(label));
        }
        Integer i = index.get(new Label(label));
        if (i == null) {
            throw new IllegalArgumentException("label " + Arrays.toString(label) + " is not in the hierarchy (dims "
                    + Arrays.toString(dims) + ", maxDepth " + maxDepth + ")");
        }
        return i;
    }

    /** @return the index of the label, or -1 when it is not in the hierarchy (no check of the length) */
    int indexOrMinusOne(int[] label) {
        Integer i = index.get(new Label(label));
        return i == null ? -1 : i;
    }

    /**
     * @param label a label
     * @param k     an exponent
     * @return the label with one more excitation of exponent k, or null when that exceeds the
     *         exponent's dimension or the depth
     */
    public int[] next(int[] label, int k) {
        Objects.checkIndex(k, dims.length);
        if (label[k] >= dims[k] - 1 || Arrays.stream(label).sum() >= maxDepth) {
            return null;
        }
        int[] l = label.clone();
        l[k]++;
        return l;
    }

    /**
     * @param label a label
     * @param k     an exponent
     * @return the label with one fewer excitation of exponent k, or null when it has none
     */
    public int[] prev(int[] label, int k) {
        Objects.checkIndex(k, dims.length);
        if (label[k] <= 0) {
            return null;
        }
        int[] l = label.clone();
        l[k]--;
        return l;
    }

    /**
     * @param label a label
     * @return one exponent per excitation, in exponent order (QuTiP's {@code exps})
     */
    public List<BathExponent> exps(int[] label) {
        List<BathExponent> out = new ArrayList<>();
        for (int k = 0; k < label.length; k++) {
            for (int n = 0; n < label[k]; n++) {
                out.add(exponents.get(k));
            }
        }
        return out;
    }

    /**
     * @param level a level
     * @return the labels of that level, in index order
     */
    public List<int[]> filter(int level) {
        List<int[]> out = new ArrayList<>();
        for (int[] l : labels) {
            if (Arrays.stream(l).sum() == level) {
                out.add(l.clone());
            }
        }
        return out;
    }

    /**
     * The labels whose excitations, one per position of the lists, match the given exponent
     * types and tags (QuTiP's {@code filter(level, tags, types)}): a label of level
     * {@code n = types.size()} matches when its excitations can be assigned to the positions so
     * that every position's type (null: any) and tag (null: any) match the exponent.
     *
     * @param types the type of each excitation, or null entries for any
     * @param tags  the tag of each excitation (same length), or null for no tag filter
     * @return the matching labels, in index order
     */
    public List<int[]> filter(List<BathExponent.Type> types, List<?> tags) {
        Objects.requireNonNull(types, "types");
        int n = types.size();
        if (tags != null && tags.size() != n) {
            throw new IllegalArgumentException("types and tags must have the same length, got " + n + " and "
                    + tags.size());
        }
        if (n > maxDepth) {
            throw new IllegalArgumentException("the hierarchy's depth is " + maxDepth + " but " + n
                    + " excitations were given");
        }
        int[] allowed = new int[dims.length];
        for (int pos = 0; pos < n; pos++) {
            for (int k = 0; k < dims.length; k++) {
                BathExponent e = exponents.get(k);
                boolean typeOk = types.get(pos) == null || types.get(pos) == e.type();
                boolean tagOk = tags == null || tags.get(pos) == null || Objects.equals(tags.get(pos), e.tag());
                if (typeOk && tagOk) {
                    allowed[k] = Math.min(dims[k] - 1, allowed[k] + 1);
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int[] l : labels) {
            int s = 0;
            boolean ok = true;
            for (int k = 0; k < l.length; k++) {
                s += l[k];
                ok &= l[k] <= allowed[k];
            }
            if (ok && s == n) {
                out.add(l.clone());
            }
        }
        return out;
    }
}
