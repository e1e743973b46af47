package dev.lindblad.foreign;

import static dev.lindblad.foreign.Native.ADDRESS;
import static dev.lindblad.foreign.Native.INT;

import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Kernel;
import dev.lindblad.backend.NativeLibrary;
import dev.lindblad.backend.SparseFactorization;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The system's OpenBLAS (with its LAPACK) for the dense kernels, and SuiteSparse's UMFPACK for
 * sparse direct solves, found by file name in the standard library directories
 * ({@link Native#searchPath()}; on Debian the packages {@code libopenblas0-pthread} and
 * {@code libsuitesparse-dev}). Either part may be missing; the backend offers what loaded.
 *
 * <p>OpenBLAS's thread count is one setting for the whole process
 * ({@code openblas_set_num_threads}), so this backend cannot give one call a single thread while
 * another thread's call uses all of them: {@link #threadLocalThreads()} is false, and the
 * dispatcher keeps it out of tasks when more than one thread is configured. UMFPACK's dense
 * frontal work runs on the same OpenBLAS (Debian's {@code libblas.so.3} alternative).
 */
public final class OpenBlasBackend implements Backend {

    private static final String[] OPENBLAS = {"libopenblas.so.0", "libopenblas.so"};
    private static final String[] UMFPACK = {"libumfpack.so.6", "libumfpack.so.5", "libumfpack.so"};

    private volatile State state;

    /** Found by {@link java.util.ServiceLoader}; loads nothing until first asked. */
    public OpenBlasBackend() {
    }

    record State(DenseLapack dense, Umfpack.Functions umfpack, String umfpackDescription, ThreadControl threads,
                 List<NativeLibrary> libraries, Set<Kernel> kernels, String failure) {
    }

    State state() {
        State s = state;
        if (s == null) {
            synchronized (this) {
                s = state;
                if (s == null) {
                    s = load();
                    state = s;
                }
            }
        }
        return s;
    }

    /** The process-wide OpenBLAS setting, changed only when a call asks for another count. */
    private static final class GlobalThreads implements ThreadControl {
        private final MethodHandle set;
        private int current = -1;

        GlobalThreads(MethodHandle set) {
            this.set = set;
        }

        @Override
        public synchronized int enter(int threads) {
            int n = Math.max(1, threads);
            if (n != current) {
                try {
                    set.invokeExact(n);
                } catch (Throwable t) {
                    throw Native.rethrow(t);
                }
                current = n;
            }
            return n;
        }

        @Override
        public void exit(int token) {
        }

        @Override
        public boolean threadLocal() {
            return false;
        }
    }

    private static State load() {
        List<NativeLibrary> libs = new ArrayList<>();
        Set<Kernel> kernels = EnumSet.noneOf(Kernel.class);
        DenseLapack dense = null;
        ThreadControl threads = null;
        List<String> failures = new ArrayList<>();
        Path openblas = Native.find(OPENBLAS);
        if (openblas == null) {
            String why = "not found in " + Native.searchPath().size() + " library directories (Debian: apt-get install"
                    + " libopenblas0-pthread)";
            libs.add(new NativeLibrary("OpenBLAS", null, null, why));
            failures.add("OpenBLAS " + why);
        } else {
            try {
                SymbolLookup l = Native.load(openblas);
                MethodHandle config = Native.bind(l, "libopenblas", "openblas_get_config", FunctionDescriptor.of(ADDRESS));
                String version = Native.string((MemorySegment) config.invokeExact(), 512).strip();
                threads = new GlobalThreads(Native.bind(l, "libopenblas", "openblas_set_num_threads",
                        FunctionDescriptor.ofVoid(INT)));
                dense = new DenseLapack(l, "libopenblas", threads, true, DenseLapack.TWO_STAGE_FROM_OPENBLAS);
                kernels.addAll(EnumSet.of(Kernel.GEMM, Kernel.HERMITIAN_EIGEN, Kernel.GENERAL_EIGEN, Kernel.LU));
                libs.add(new NativeLibrary("OpenBLAS", openblas.toRealPath(), version, "with its LAPACK; one thread"
                        + " count per process (not used inside tasks when threads > 1)"));
            } catch (Throwable e) {
                if (e instanceof VirtualMachineError v) {
                    throw v;
                }
                libs.add(new NativeLibrary("OpenBLAS", openblas, null, "loading failed: " + e));
                failures.add("OpenBLAS: " + e);
                dense = null;
            }
        }
        Umfpack.Functions umf = null;
        String umfDescription = null;
        Path umfpack = Native.find(UMFPACK);
        if (umfpack == null) {
            String why = "not found (Debian: apt-get install libsuitesparse-dev)";
            libs.add(new NativeLibrary("SuiteSparse UMFPACK", null, null, why));
            failures.add("UMFPACK " + why);
        } else {
            try {
                SymbolLookup l = Native.load(umfpack);
                umf = new Umfpack.Functions(l, "libumfpack");
                String version = suiteSparseVersion();
                umfDescription = "UMFPACK, SuiteSparse " + version;
                if (threads == null) {   // UMFPACK without OpenBLAS: its BLAS threads are not ours to set
                    threads = new ThreadControl() {
                        @Override
                        public int enter(int n) {
                            return n;
                        }

                        @Override
                        public void exit(int token) {
                        }

                        @Override
                        public boolean threadLocal() {
                            return false;
                        }
                    };
                }
                kernels.add(Kernel.SPARSE_SOLVE);
                libs.add(new NativeLibrary("SuiteSparse UMFPACK", umfpack.toRealPath(), "SuiteSparse " + version,
                        "umfpack_zl_* (complex, 64-bit indices)"));
            } catch (Throwable e) {
                if (e instanceof VirtualMachineError v) {
                    throw v;
                }
                libs.add(new NativeLibrary("SuiteSparse UMFPACK", umfpack, null, "loading failed: " + e));
                failures.add("UMFPACK: " + e);
                umf = null;
            }
        }
        String failure = kernels.isEmpty() ? String.join("; ", failures) : null;
        return new State(dense, umf, umfDescription, threads, List.copyOf(libs), Set.copyOf(kernels), failure);
    }

    static String suiteSparseVersion() {
        Path config = Native.find("libsuitesparseconfig.so.7", "libsuitesparseconfig.so.5", "libsuitesparseconfig.so");
        if (config == null) {
            return "unknown version";
        }
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup l = Native.load(config);
            MethodHandle version = Native.bind(l, "libsuitesparseconfig", "SuiteSparse_version",
                    FunctionDescriptor.of(INT, ADDRESS));
            MemorySegment v = arena.allocate(INT, 3);
            int ignored = (int) version.invokeExact(v);
            return v.getAtIndex(INT, 0) + "." + v.getAtIndex(INT, 1) + "." + v.getAtIndex(INT, 2);
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError e) {
                throw e;
            }
            return "unknown version (" + t + ")";
        }
    }

    @Override
    public String name() {
        return "openblas";
    }

    @Override
    public int rank() {
        return 1;
    }

    @Override
    public boolean loaded() {
        return state != null;
    }

    @Override
    public boolean available() {
        return state().failure() == null;
    }

    @Override
    public String unavailableReason() {
        return state().failure();
    }

    @Override
    public List<NativeLibrary> libraries() {
        return state().libraries();
    }

    @Override
    public Set<Kernel> kernels() {
        return state().kernels();
    }

    @Override
    public boolean threadLocalThreads() {
        return false;
    }

    /** The libraries' real paths and sizes, found without loading them. */
    @Override
    public String versionKey() {
        StringBuilder b = new StringBuilder("openblas");
        for (Path p : new Path[] {Native.find(OPENBLAS), Native.find(UMFPACK)}) {
            try {
                b.append(';').append(p == null ? "none" : p.toRealPath() + ":" + java.nio.file.Files.size(p));
            } catch (java.io.IOException e) {
                b.append(';').append(p);
            }
        }
        return b.toString();
    }

    private DenseLapack dense() {
        DenseLapack d = state().dense();
        if (d == null) {
            throw new IllegalStateException("OpenBLAS is not available: " + libraries().get(0).note());
        }
        return d;
    }

    @Override
    public void gemm(int m, int k, int n, double[] a, double[] b, double[] c, double alphaRe, double alphaIm,
                     double betaRe, double betaIm, int threads) {
        dense().gemm(m, k, n, a, b, c, alphaRe, alphaIm, betaRe, betaIm, threads);
    }

    @Override
    public double[] hermitianEigen(int n, double[] a, double[] vectors, int threads) {
        return dense().hermitianEigen(n, a, vectors, threads);
    }

    @Override
    public double[] generalEigen(int n, double[] a, double[] vectors, int threads) {
        return dense().generalEigen(n, a, vectors, threads);
    }

    @Override
    public int[] luFactor(int n, double[] lu, int threads) {
        return dense().luFactor(n, lu, threads);
    }

    @Override
    public void luSolve(int n, double[] lu, int[] pivots, double[] b, int columns, int threads) {
        dense().luSolve(n, lu, pivots, b, columns, threads);
    }

    @Override
    public SparseFactorization factorSparse(int n, int[] rowPointers, int[] columnIndices, double[] values,
                                            int threads) {
        State s = state();
        if (s.umfpack() == null) {
            throw new IllegalStateException("UMFPACK is not available");
        }
        return Umfpack.factor(s.umfpack(), s.threads(), s.umfpackDescription(), n, rowPointers, columnIndices, values,
                threads);
    }
}
