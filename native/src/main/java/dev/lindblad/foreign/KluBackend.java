package dev.lindblad.foreign;

import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Kernel;
import dev.lindblad.backend.NativeLibrary;
import dev.lindblad.backend.SparseFactorization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * SuiteSparse KLU ({@code klu_zl_*}, {@link Klu}) from the system for the sparse direct solve
 * only, found by file name in the standard library directories ({@link Native#searchPath()}; on
 * Debian the package {@code libsuitesparse-dev}). Its name for {@code -Dlindblad.backend} is
 * {@code klu}, which forces KLU for every sparse direct solve (the dense kernels then run in
 * Java: KLU has none).
 *
 * <p>KLU runs on the calling thread only (it calls no BLAS), so it is usable inside tasks:
 * {@link #threadLocalThreads()} is true.
 */
public final class KluBackend implements Backend {

    private static final String[] KLU = {"libklu.so.2", "libklu.so.1", "libklu.so"};

    private volatile State state;

    /** Found by {@link java.util.ServiceLoader}; loads nothing until first asked. */
    public KluBackend() {
    }

    record State(Klu.Functions functions, String description, List<NativeLibrary> libraries, String failure) {
    }

    private State state() {
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
        Path klu = Native.find(KLU);
        if (klu == null) {
            String why = "not found in " + Native.searchPath().size() + " library directories (Debian: apt-get install"
                    + " libsuitesparse-dev)";
            return new State(null, null, List.of(new NativeLibrary("SuiteSparse KLU", null, null, why)), "KLU " + why);
        }
        try {
            Klu.Functions f = new Klu.Functions(Native.load(klu), "libklu");
            Path real = klu.toRealPath();
            String file = real.getFileName().toString();
            String kluVersion = file.startsWith("libklu.so.") ? file.substring("libklu.so.".length()) : "unknown";
            String version = "KLU " + kluVersion + ", SuiteSparse " + OpenBlasBackend.suiteSparseVersion();
            return new State(f, version, List.of(new NativeLibrary("SuiteSparse KLU", real, version,
                    "klu_zl_* (complex, 64-bit indices); one thread")), null);
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError v) {
                throw v;
            }
            return new State(null, null, List.of(new NativeLibrary("SuiteSparse KLU", klu, null, "loading failed: " + e)),
                    "KLU: " + e);
        }
    }

    @Override
    public String name() {
        return "klu";
    }

    /** After MKL (0) and OpenBLAS with UMFPACK (1): {@code native} means PARDISO, then UMFPACK, then KLU. */
    @Override
    public int rank() {
        return 2;
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
        return available() ? Set.of(Kernel.SPARSE_SOLVE) : Set.of();
    }

    @Override
    public boolean threadLocalThreads() {
        return true;
    }

    /** The library's real path and size, found without loading it. */
    @Override
    public String versionKey() {
        Path p = Native.find(KLU);
        try {
            return "klu;" + (p == null ? "none" : p.toRealPath() + ":" + Files.size(p));
        } catch (java.io.IOException e) {
            return "klu;" + p;
        }
    }

    /** @param threads ignored: KLU runs on the calling thread */
    @Override
    public SparseFactorization factorSparse(int n, int[] rowPointers, int[] columnIndices, double[] values,
                                            int threads) {
        State s = state();
        if (s.functions() == null) {
            throw new IllegalStateException("KLU is not available: " + s.failure());
        }
        return Klu.factor(s.functions(), s.description(), n, rowPointers, columnIndices, values);
    }
}
