package dev.lindblad.parallel;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.DiaMatrix;
import dev.lindblad.data.LinearMap;
import dev.lindblad.data.Matrix;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code lindblad bench spmv} benchmark (a benchmark, not a test): a STREAM triad in Java
 * ({@code a[i] = b[i] + s c[i]} over three arrays of 64 MiB, 24 bytes per element) and the
 * sparse matrix–vector bandwidth for the Liouvillians of the transverse-field Ising chain
 * (N = 4..9 spins) and the driven Kerr resonator (N = 20..200 levels), at each requested
 * thread count. For each case it prints one line
 * <pre>spmv &lt;name&gt; &lt;dim&gt; &lt;nnz&gt; &lt;threads&gt; &lt;GB/s&gt; &lt;triad GB/s&gt; &lt;fraction&gt; &lt;us&gt;</pre>
 * where GB/s counts the bytes the kernel must move once: CSR values (16 bytes per entry),
 * column indices (4), row pointers (4 per row + 4), x (16 per column) and y (16 per row).
 * Lines named {@code <name>:dia} are the same product with the matrix in {@link DiaMatrix}
 * storage (nnz there is the stored positions, padding included, 16 bytes each, and no indices).
 * Lines named {@code <name>:local} (Ising N = 8 and 9, the matrices larger than the caches) are
 * a control: the same row pointers and values with each row's column indices replaced by
 * {@code i, i+1, ...} (clamped to the last column), so that the bytes moved are the same but
 * every read of x hits a line the previous row brought in; the gap to the real matrix is what
 * the gathers from x cost. Lines named {@code <name>:split-csr} and {@code <name>:sliced-split}
 * (Ising) are the products the solvers run, on the matrix as {@link Data#prepareProduct} stores
 * it: its real and imaginary parts apart, in CSR rows (the storage before the sliced one, taken
 * with {@code lindblad.sliced=false}) and in slices of eight rows (the default); for the Kerr
 * matrices the line named after the solvers' storage ({@code :split-dia}) is theirs; their GB/s
 * count that storage's own bytes ({@link LinearMap#storedBytes()}, x and y). Lines named
 * {@code <name>:mkl} are Intel MKL's {@code mkl_sparse_z_mv} (inspector–executor with the
 * product hint and {@code mkl_sparse_optimize}) on the same complex CSR matrix at the same thread
 * count, when the native backend and MKL are present. Lines named {@code <name>:picked} are the
 * product the solvers pick for the matrix at that thread count ({@link Data#prepareProduct} under
 * the backend choice in effect: under {@code auto}, the Java storage or the library, whichever
 * measured faster on the matrix), timed as the master-equation solver runs it: for these
 * Liouvillians, which preserve Hermiticity, the upper triangle of vec(ρ) mirrored
 * ({@link Data#matvecUpper}) when the Java storage runs, every row when a library does; its GB/s
 * count the picked storage's bytes once. A comment line before it names the storage picked and
 * the measured ratio. The goal of issue 16, the picked product at least as fast as MKL's on every
 * matrix, compares the {@code :picked} and {@code :mkl} lines. The last field of every line is the best
 * time of one product in microseconds: the yardstick between kernels (the fraction of the triad
 * measures the machine's balance, not the kernel). Lines starting with {@code #} are comments.
 */
public final class SpmvBenchmark {
    private SpmvBenchmark() {
    }

    /**
     * Runs the benchmark with {@code args} thread counts (default: 1 and all cores).
     *
     * @param args thread counts, e.g. {@code 1 2}
     */
    public static void main(String[] args) {
        int[] threads;
        if (args.length == 0) {
            int all = Parallelism.threads();
            threads = all > 1 ? new int[] {1, all} : new int[] {1};
        } else {
            threads = new int[args.length];
            for (int k = 0; k < args.length; k++) {
                threads[k] = Integer.parseInt(args[k]);
            }
        }
        run(threads, System.out);
    }

    /**
     * Runs every case at every thread count and prints the lines (see the class comment).
     *
     * @param threadCounts thread counts to measure, each at least 1
     * @param out          where the lines go
     * @return the {@code spmv} lines printed
     */
    public static List<String> run(int[] threadCounts, PrintStream out) {
        List<String> lines = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Matrix> cases = new ArrayList<>();
        for (int n = 4; n <= 9; n++) {
            names.add("ising" + n);
            cases.add(BenchmarkModels.isingLiouvillian(n));
        }
        for (int n : new int[] {20, 50, 100, 200}) {
            names.add("kerr" + n);
            cases.add(BenchmarkModels.kerrLiouvillian(n));
        }
        for (int t : threadCounts) {
            Parallelism.threads(t);
            double triad = triad(t);
            out.printf(Locale.ROOT, "# triad %d threads %.2f GB/s%n", t, triad);
            for (int c = 0; c < cases.size(); c++) {
                CsrMatrix a = cases.get(c).toCsr();
                long bytes = a.nnz() * 20 + 4L * (a.rows() + 1) + 16L * a.cols() + 16L * a.rows();
                double seconds = time(a);
                lines.add(print(out, names.get(c), a.rows(), a.nnz(), t, bytes / seconds / 1e9, triad, seconds));
                if (names.get(c).equals("ising8") || names.get(c).equals("ising9")) {
                    double ls = time(localColumns(a));
                    lines.add(print(out, names.get(c) + ":local", a.rows(), a.nnz(), t, bytes / ls / 1e9, triad, ls));
                }
                if (names.get(c).startsWith("ising")) {
                    for (LinearMap m : new LinearMap[] {prepareSplitCsr(a),
                            dev.lindblad.backend.Backends.with("java", () -> Data.prepareProduct(a))}) {
                        long mb = m.storedBytes() + 16L * a.cols() + 16L * a.rows();
                        double ms = time(m);
                        lines.add(print(out, names.get(c) + ":" + m.storage(), a.rows(), a.nnz(), t, mb / ms / 1e9, triad, ms));
                    }
                }
                if (!names.get(c).startsWith("ising")) {
                    // the solvers' own storage of this matrix (the Java one, whatever a backend would pick)
                    LinearMap m = dev.lindblad.backend.Backends.with("java", () -> Data.prepareProduct(a));
                    long mb = m.storedBytes() + 16L * a.cols() + 16L * a.rows();
                    double ms = time(m);
                    lines.add(print(out, names.get(c) + ":" + m.storage(), a.rows(), a.nnz(), t, mb / ms / 1e9, triad, ms));
                }
                String mkl = mklLine(out, names.get(c), a, t, triad);
                if (mkl != null) {
                    lines.add(mkl);
                }
                lines.add(pickedLine(out, names.get(c), a, t, triad));
                DiaMatrix g = DiaMatrix.fromCsr(a);
                long stored = (long) g.diagonals() * g.rows();
                if (stored <= 4 * a.nnz()) {
                    long diaBytes = stored * 16 + 4L * g.diagonals() + 16L * a.cols() + 16L * a.rows();
                    double ds = time(g);
                    lines.add(print(out, names.get(c) + ":dia", a.rows(), stored, t, diaBytes / ds / 1e9, triad, ds));
                }
            }
        }
        Parallelism.resetThreads();
        return lines;
    }

    /** The solvers' storage before the sliced one: the CSR split ({@code lindblad.sliced=false}). */
    static LinearMap prepareSplitCsr(Matrix a) {
        String old = System.getProperty("lindblad.sliced");
        System.setProperty("lindblad.sliced", "false");
        try {
            return dev.lindblad.backend.Backends.with("java", () -> Data.prepareProduct(a));
        } finally {
            if (old == null) {
                System.clearProperty("lindblad.sliced");
            } else {
                System.setProperty("lindblad.sliced", old);
            }
        }
    }

    /** The control matrix of the {@code :local} lines: a's rows, with columns i, i+1, ... in row i. */
    static CsrMatrix localColumns(CsrMatrix a) {
        int[] rp = a.rowPointers();
        int[] cj = new int[rp[a.rows()]];
        for (int i = 0; i < a.rows(); i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                cj[p] = Math.min(a.cols() - 1, i + p - rp[i]);
            }
        }
        return CsrMatrix.of(a.rows(), a.cols(), rp.clone(), cj, a.valueArray().clone());
    }

    private static String print(PrintStream out, String name, int dim, long nnz, int threads, double gbs, double triad,
                                double seconds) {
        String line = String.format(Locale.ROOT, "spmv %s %d %d %d %.2f %.2f %.3f %.2f", name, dim, nnz, threads, gbs,
                triad, gbs / triad, seconds * 1e6);
        out.println(line);
        return line;
    }

    /**
     * The {@code <name>:mkl} line: MKL's {@code mkl_sparse_z_mv} (inspector–executor, optimised) on
     * the same complex CSR matrix at the same thread count, when the MKL backend is available;
     * its GB/s count the CSR bytes as the plain line does. Null (and a comment saying why) without MKL.
     */
    private static String mklLine(PrintStream out, String name, CsrMatrix a, int threads, double triad) {
        dev.lindblad.backend.Backend mkl = dev.lindblad.backend.Backends.find("mkl").orElse(null);
        if (mkl == null || !mkl.available()) {
            if (MKL_NOTE.compareAndSet(false, true)) {
                out.println("# no :mkl lines: " + (mkl == null ? "the native backend is not on the class path"
                        : "MKL is not available (" + mkl.unavailableReason() + ")"));
            }
            return null;
        }
        try (dev.lindblad.backend.SparseProduct p = mkl.prepareSparseProduct(a.rows(), a.cols(), a.rowPointers(),
                a.columnIndices(), a.valueArray())) {
            long bytes = a.nnz() * 20 + 4L * (a.rows() + 1) + 16L * a.cols() + 16L * a.rows();
            double seconds = time((x, y) -> p.matvec(x, 0, y, 0, 1, 0, 0, 0, threads), a.rows(), a.cols());
            return print(out, name + ":mkl", a.rows(), a.nnz(), threads, bytes / seconds / 1e9, triad, seconds);
        }
    }

    /**
     * The {@code <name>:picked} line (see the class comment), after a comment naming the storage
     * picked.
     */
    private static String pickedLine(PrintStream out, String name, CsrMatrix a, int threads, double triad) {
        LinearMap m = Data.prepareProduct(a);
        out.printf(Locale.ROOT, "# %s %d threads picked: %s%n", name, threads, m.storage());
        int n = solverHalfProductDimension(a);
        long bytes = m.storedBytes() + 16L * a.cols() + 16L * a.rows();
        double seconds = n > 0
                ? time((x, y) -> {
                    if (Data.matvecUpper(m, n, x, y, 1, 0)) {
                        Data.hermitianFromUpper(n, y);
                    }
                }, a.rows(), a.cols())
                : time(m);
        return print(out, name + ":picked", a.rows(), a.nnz(), threads, bytes / seconds / 1e9, triad, seconds);
    }

    /** @return n when a is an n²×n² superoperator preserving Hermiticity (mesolve's half product), else 0 */
    static int solverHalfProductDimension(Matrix a) {
        int n = (int) Math.round(Math.sqrt(a.rows()));
        return n >= 2 && (long) n * n == a.rows() && a.rows() == a.cols() && Data.preservesHermiticity(a, n, 1e-14)
                ? n : 0;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean MKL_NOTE = new java.util.concurrent.atomic.AtomicBoolean();

    /** One product {@code y = A x}. */
    private interface Product {
        void apply(double[] x, double[] y);
    }

    /** Best time of one y = a x, repeated for at least 0.25 s (at least 5 times) after warm-up. */
    static double time(Matrix a) {
        return time((x, y) -> Data.matvec(a, x, 0, y, 0, 1, 0, 0, 0), a.rows(), a.cols());
    }

    /** As {@link #time(Matrix)}, for a prepared product. */
    static double time(LinearMap a) {
        return time((x, y) -> Data.matvec(a, x, 0, y, 0, 1, 0, 0, 0), a.rows(), a.cols());
    }

    private static double time(Product product, int rows, int cols) {
        double[] x = new double[2 * cols], y = new double[2 * rows];
        for (int k = 0; k < x.length; k++) {
            x[k] = 1.0 / (k + 1);
        }
        for (int w = 0; w < 3; w++) {
            product.apply(x, y);
        }
        double best = Double.MAX_VALUE;
        long start = System.nanoTime();
        for (int rep = 0; rep < 5 || System.nanoTime() - start < 250_000_000L; rep++) {
            long t0 = System.nanoTime();
            product.apply(x, y);
            best = Math.min(best, System.nanoTime() - t0);
            if (rep > 20000) {
                break;
            }
        }
        return best / 1e9;
    }

    /** STREAM triad over 3 arrays of 8 Mi doubles (larger than the last-level cache), best of 8, in GB/s. */
    static double triad(int threads) {
        int len = 1 << 23;
        double[] a = new double[len], b = new double[len], c = new double[len];
        int chunks = threads;
        Parallelism.forEachChunk(chunks, ch -> {   // first touch by the threads that will stream them
            for (int i = (int) ((long) len * ch / chunks); i < (int) ((long) len * (ch + 1) / chunks); i++) {
                b[i] = 1;
                c[i] = 2;
            }
        });
        double s = 3, best = Double.MAX_VALUE;
        for (int rep = 0; rep < 10; rep++) {
            long t0 = System.nanoTime();
            Parallelism.forEachChunk(chunks, ch -> {
                int lo = (int) ((long) len * ch / chunks), hi = (int) ((long) len * (ch + 1) / chunks);
                for (int i = lo; i < hi; i++) {
                    a[i] = b[i] + s * c[i];
                }
            });
            if (rep >= 2) {
                best = Math.min(best, System.nanoTime() - t0);
            }
        }
        if (a[len / 2] != 7) {
            throw new IllegalStateException("triad computed " + a[len / 2]);
        }
        return 24.0 * len / best;
    }
}
