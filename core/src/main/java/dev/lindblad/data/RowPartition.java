package dev.lindblad.data;

/**
 * Contiguous row ranges of a CSR matrix, {@code [bounds[c], bounds[c+1])} for chunk c, split so
 * every chunk holds about the same number of stored entries (the work of a row is its entries).
 * Two kinds are cached on each matrix: the work partition into as many chunks as threads, and
 * the reduction blocks of about {@link #BLOCK_WORK} entries, which depend on the matrix only, so
 * a sum over blocks has the same bits whatever the thread count.
 */
final class RowPartition {

    /** Stored entries per reduction block: one block (the plain serial sum) below this. */
    static final int BLOCK_WORK = 1 << 14;

    final int[] bounds;

    private RowPartition(int[] bounds) {
        this.bounds = bounds;
    }

    int chunks() {
        return bounds.length - 1;
    }

    /** Balanced by entries: chunk c starts at the first row whose entries begin at or after c*nnz/chunks. */
    static RowPartition byEntries(int[] rowPtr, int rows, int chunks) {
        long nnz = rowPtr[rows];
        int[] b = new int[chunks + 1];
        b[chunks] = rows;
        for (int c = 1; c < chunks; c++) {
            long target = nnz * c / chunks;
            int lo = b[c - 1], hi = rows;   // first row r >= lo with rowPtr[r] >= target
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (rowPtr[mid] < target) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            b[c] = lo;
        }
        return new RowPartition(b);
    }

    /** Equal row counts (dense rows all cost the same). */
    static RowPartition even(int rows, int chunks) {
        int[] b = new int[chunks + 1];
        for (int c = 0; c <= chunks; c++) {
            b[c] = (int) ((long) rows * c / chunks);
        }
        return new RowPartition(b);
    }

    static RowPartition work(CsrMatrix a, int chunks) {
        RowPartition p = a.workPartition;
        if (p == null || p.chunks() != chunks) {
            p = byEntries(a.rowPtr, a.rows, chunks);
            a.workPartition = p;
        }
        return p;
    }

    static RowPartition blocks(CsrMatrix a) {
        RowPartition p = a.blockPartition;
        if (p == null) {
            int blocks = (int) Math.max(1, (a.nnz() + BLOCK_WORK - 1) / BLOCK_WORK);
            p = byEntries(a.rowPtr, a.rows, blocks);
            a.blockPartition = p;
        }
        return p;
    }

    /** Groups consecutive chunks of this partition into {@code groups} contiguous runs of chunk indices. */
    static int[] groupBounds(int chunks, int groups) {
        int g = Math.min(groups, chunks);
        int[] b = new int[g + 1];
        for (int k = 0; k <= g; k++) {
            b[k] = (int) ((long) chunks * k / g);
        }
        return b;
    }
}
