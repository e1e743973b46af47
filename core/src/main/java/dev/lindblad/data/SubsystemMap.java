package dev.lindblad.data;

import java.util.Arrays;

/**
 * Splits flat indices of a composite space into a kept part (the listed subsystems, in the
 * listed order) and a traced part (the others, in their original order):
 * {@code index[a][t]} is the flat index whose kept digits spell a and traced digits spell t.
 */
final class SubsystemMap {
    final int keptSize;
    final int tracedSize;
    final int[][] index;

    SubsystemMap(int[] dims, int[] keep, int size) {
        checkSelection(dims, keep, size, "ptrace");
        int n = dims.length;
        boolean[] kept = new boolean[n];
        for (int k : keep) {
            kept[k] = true;
        }
        int[] stride = new int[n];
        int s = 1;
        for (int k = n - 1; k >= 0; k--) {
            stride[k] = s;
            s *= dims[k];
        }
        int[] keptStride = new int[keep.length];
        int ks = 1;
        for (int k = 0; k < keep.length; k++) {
            keptStride[k] = stride[keep[k]];
            ks *= dims[keep[k]];
        }
        int[] tr = java.util.stream.IntStream.range(0, n).filter(k -> !kept[k]).toArray();
        int ts = size / ks;
        keptSize = ks;
        tracedSize = ts;
        int[] keptOffset = offsets(keep, dims, stride, ks);
        int[] tracedOffset = offsets(tr, dims, stride, ts);
        index = new int[ks][ts];
        for (int a = 0; a < ks; a++) {
            for (int t = 0; t < ts; t++) {
                index[a][t] = keptOffset[a] + tracedOffset[t];
            }
        }
    }

    /** Flat offsets of every combination of the listed subsystems' digits, first listed slowest. */
    private static int[] offsets(int[] subs, int[] dims, int[] stride, int count) {
        int[] off = new int[count];
        int[] digit = new int[subs.length];
        for (int c = 0; c < count; c++) {
            int v = 0;
            for (int k = 0; k < subs.length; k++) {
                v += digit[k] * stride[subs[k]];
            }
            off[c] = v;
            for (int k = subs.length - 1; k >= 0; k--) {
                if (++digit[k] < dims[subs[k]]) {
                    break;
                }
                digit[k] = 0;
            }
        }
        return off;
    }

    /** @return for every flat index, its kept index a */
    int[] keptOf() {
        int[] r = new int[keptSize * tracedSize];
        for (int a = 0; a < keptSize; a++) {
            for (int t = 0; t < tracedSize; t++) {
                r[index[a][t]] = a;
            }
        }
        return r;
    }

    /** @return for every flat index, its traced index t */
    int[] tracedOf() {
        int[] r = new int[keptSize * tracedSize];
        for (int a = 0; a < keptSize; a++) {
            for (int t = 0; t < tracedSize; t++) {
                r[index[a][t]] = t;
            }
        }
        return r;
    }

    static void checkSelection(int[] dims, int[] sel, int size, String op) {
        long prod = 1;
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException(op + ": subsystem sizes must be positive, got " + Arrays.toString(dims));
            }
            prod *= d;
        }
        if (prod != size) {
            throw new IllegalArgumentException(op + ": subsystem sizes " + Arrays.toString(dims) + " multiply to " + prod
                    + ", but the space has dimension " + size);
        }
        boolean[] seen = new boolean[dims.length];
        for (int k : sel) {
            if (k < 0 || k >= dims.length) {
                throw new IllegalArgumentException(op + ": subsystem index " + k + " out of range 0.." + (dims.length - 1)
                        + " in " + Arrays.toString(sel));
            }
            if (seen[k]) {
                throw new IllegalArgumentException(op + ": subsystem index " + k + " repeated in " + Arrays.toString(sel));
            }
            seen[k] = true;
        }
    }
}
