package dev.lindblad.foreign;

import static dev.lindblad.foreign.Native.ADDRESS;
import static dev.lindblad.foreign.Native.INT;

import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Kernel;
import dev.lindblad.backend.NativeLibrary;
import dev.lindblad.backend.SparseFactorization;
import dev.lindblad.backend.SparseProduct;
import dev.lindblad.parallel.Parallelism;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Intel oneAPI MKL through its single dynamic library {@code libmkl_rt.so.2}, unpacked from the
 * {@code org.bytedeco:mkl} jar ({@link MklLibraries}): dense products and LAPACK
 * ({@link DenseLapack}), the inspector–executor sparse product ({@link MklSparseProduct}) and
 * PARDISO ({@link Pardiso}).
 *
 * <p>Set-up before any other MKL call: the LP64 interface ({@code MKL_Set_Interface_Layer}) and
 * the Intel OpenMP threading layer ({@code MKL_Set_Threading_Layer}; the jar carries
 * {@code libiomp5.so} but no sequential layer). Each call then runs with
 * {@code mkl_set_num_threads_local(threads)} on the calling thread (set when it changes, and left
 * set), so a call inside a task uses one thread while another thread's call uses all of them. {@code KMP_BLOCKTIME} defaults to
 * {@value #DEFAULT_BLOCKTIME} ms (set in the process environment before MKL starts its threads).
 *
 * <p>MKL is licensed under the Intel Simplified Software License (see {@code NOTICE}).
 */
public final class MklBackend implements Backend {

    private static final int MKL_INTERFACE_LP64 = 0, MKL_THREADING_INTEL = 0;
    /**
     * How long Intel OpenMP's threads spin after a parallel region before they sleep, ms, unless
     * the environment sets {@code KMP_BLOCKTIME}. Intel's default, 200 ms, keeps them busy
     * long after each call, taking the cores from Lindblad's own kernel threads and from other
     * processes (on a shared two-core machine MKL's products ran two to five times slower than
     * OpenBLAS's with it).
     */
    static final String DEFAULT_BLOCKTIME = "1";

    private volatile State state;

    /** Found by {@link java.util.ServiceLoader}; loads nothing until first asked. */
    public MklBackend() {
    }

    /** What loading found: the library handles, or why there are none. */
    record State(DenseLapack dense, MklSparseProduct.Functions sparse, Pardiso.Functions pardiso,
                 ThreadControl threads, MethodHandle maxThreads, NativeLibrary library, String version,
                 String failure) {
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

    private static State load() {
        MklLibraries.Location where;
        try {
            where = MklLibraries.locate(Parallelism.cacheDirectory());
        } catch (RuntimeException e) {
            return failed(null, e.getMessage());
        }
        Path rt = where.directory().resolve(MklLibraries.RUNTIME);
        try {
            String blocktime = Native.setenvUnlessSet("KMP_BLOCKTIME", DEFAULT_BLOCKTIME);
            SymbolLookup lookup = Native.load(rt);
            String lib = "libmkl_rt";
            MethodHandle setInterface = Native.bind(lookup, lib, "MKL_Set_Interface_Layer", FunctionDescriptor.of(INT, INT));
            MethodHandle setThreading = Native.bind(lookup, lib, "MKL_Set_Threading_Layer", FunctionDescriptor.of(INT, INT));
            int layer = (int) setInterface.invokeExact(MKL_INTERFACE_LP64);
            int threading = (int) setThreading.invokeExact(MKL_THREADING_INTEL);
            if (layer != MKL_INTERFACE_LP64 || threading != MKL_THREADING_INTEL) {
                return failed(rt, "MKL was already set to interface " + layer + ", threading " + threading
                        + " (LP64 and Intel OpenMP needed; MKL_INTERFACE_LAYER or MKL_THREADING_LAYER set?)");
            }
            MethodHandle versionString = Native.bind(lookup, lib, "MKL_Get_Version_String",
                    FunctionDescriptor.ofVoid(ADDRESS, INT));
            String version;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buf = arena.allocate(256);
                versionString.invokeExact(buf, 256);
                version = buf.getString(0).strip();
            }
            MethodHandle setLocal = Native.bind(lookup, lib, "MKL_Set_Num_Threads_Local", FunctionDescriptor.of(INT, INT));
            MethodHandle maxThreads = Native.bind(lookup, lib, "MKL_Get_Max_Threads", FunctionDescriptor.of(INT));
            ThreadControl threads = new ThreadControl() {
                // the count set on each thread: MKL is told only when it changes, since setting it
                // on every call and restoring it after made a small sparse product cost 10-70 us
                // instead of about 1 (Intel OpenMP re-forms its team when the count changes)
                private final ThreadLocal<int[]> current = ThreadLocal.withInitial(() -> new int[] {0});

                @Override
                public int enter(int n) {
                    int want = Math.max(1, n);
                    int[] c = current.get();
                    if (c[0] != want) {
                        try {
                            int ignored = (int) setLocal.invokeExact(want);
                        } catch (Throwable t) {
                            throw Native.rethrow(t);
                        }
                        c[0] = want;
                    }
                    return want;
                }

                @Override
                public void exit(int token) {
                }

                @Override
                public boolean threadLocal() {
                    return true;
                }
            };
            String note = "Intel OpenMP threading (libiomp5 from the jar, KMP_BLOCKTIME=" + blocktime + " ms), LP64; "
                    + (where.unpacked() ? "unpacked now" : "unpacked before") + " from "
                    + (where.jar() == null ? "a directory" : where.jar().getFileName() + " into " + where.directory());
            NativeLibrary library = new NativeLibrary("Intel MKL", rt, shortVersion(version, where.version()), note);
            return new State(new DenseLapack(lookup, lib, threads, false, DenseLapack.TWO_STAGE_FROM_MKL), new MklSparseProduct.Functions(lookup),
                    new Pardiso.Functions(lookup), threads, maxThreads, library, version, null);
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError v) {
                throw v;
            }
            return failed(rt, "loading " + rt + " failed: " + e);
        }
    }

    private static String shortVersion(String full, String jarVersion) {
        // "Intel(R) oneAPI Math Kernel Library Version 2025.2-Product Build 20250620 for ..."
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Version ([0-9.]+)").matcher(full);
        String v = m.find() ? m.group(1) : full;
        return "MKL " + v + (jarVersion == null ? "" : ", jar " + jarVersion);
    }

    private static State failed(Path path, String why) {
        return new State(null, null, null, null, null, new NativeLibrary("Intel MKL", path, null, why), null, why);
    }

    @Override
    public String name() {
        return "mkl";
    }

    @Override
    public int rank() {
        return 0;
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
        return List.of(state().library());
    }

    @Override
    public Set<Kernel> kernels() {
        return available() ? EnumSet.allOf(Kernel.class) : EnumSet.noneOf(Kernel.class);
    }

    @Override
    public boolean threadLocalThreads() {
        return true;
    }

    /** The jar's path, size and time stamp: changes with another MKL build, read without loading it. */
    @Override
    public String versionKey() {
        java.net.URL url = MklBackend.class.getClassLoader().getResource(MklLibraries.PREFIX + MklLibraries.RUNTIME);
        if (url == null) {
            return "mkl: no jar";
        }
        try {
            if (url.getProtocol().equals("jar")) {
                Path jar = Path.of(((java.net.JarURLConnection) url.openConnection()).getJarFileURL().toURI());
                return "mkl:" + jar + ":" + java.nio.file.Files.size(jar) + ":" + java.nio.file.Files.getLastModifiedTime(jar);
            }
            return "mkl:" + url;
        } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
            return "mkl:" + url;
        }
    }

    private State ready() {
        State s = state();
        if (s.failure() != null) {
            throw new IllegalStateException("MKL is not available: " + s.failure());
        }
        return s;
    }

    /**
     * @return what {@code mkl_get_max_threads} reports on the calling thread while a call with
     *         {@code threads} runs (for the test that a call inside a task uses one thread)
     */
    int maxThreadsDuring(int threads) {
        State s = ready();
        int token = s.threads().enter(threads);
        try {
            return (int) s.maxThreads().invokeExact();
        } catch (Throwable t) {
            throw Native.rethrow(t);
        } finally {
            s.threads().exit(token);
        }
    }

    @Override
    public void gemm(int m, int k, int n, double[] a, double[] b, double[] c, double alphaRe, double alphaIm,
                     double betaRe, double betaIm, int threads) {
        ready().dense().gemm(m, k, n, a, b, c, alphaRe, alphaIm, betaRe, betaIm, threads);
    }

    @Override
    public double[] hermitianEigen(int n, double[] a, double[] vectors, int threads) {
        return ready().dense().hermitianEigen(n, a, vectors, threads);
    }

    @Override
    public double[] generalEigen(int n, double[] a, double[] vectors, int threads) {
        return ready().dense().generalEigen(n, a, vectors, threads);
    }

    @Override
    public int[] luFactor(int n, double[] lu, int threads) {
        return ready().dense().luFactor(n, lu, threads);
    }

    @Override
    public void luSolve(int n, double[] lu, int[] pivots, double[] b, int columns, int threads) {
        ready().dense().luSolve(n, lu, pivots, b, columns, threads);
    }

    @Override
    public SparseFactorization factorSparse(int n, int[] rowPointers, int[] columnIndices, double[] values,
                                            int threads) {
        State s = ready();
        return Pardiso.factor(s.pardiso(), s.threads(), shortVersion(s.version(), null), n, rowPointers, columnIndices,
                values, threads);
    }

    @Override
    public SparseProduct prepareSparseProduct(int rows, int cols, int[] rowPointers, int[] columnIndices,
                                              double[] values) {
        State s = ready();
        return MklSparseProduct.create(s.sparse(), s.threads(), rows, cols, rowPointers, columnIndices, values);
    }
}
