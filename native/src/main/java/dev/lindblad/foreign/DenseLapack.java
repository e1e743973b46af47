package dev.lindblad.foreign;

import static dev.lindblad.foreign.Native.ADDRESS;
import static dev.lindblad.foreign.Native.INT;
import static dev.lindblad.foreign.Native.LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The dense kernels over a BLAS/LAPACK library (MKL or OpenBLAS): {@code cblas_zgemm} and the
 * Fortran LAPACK routines {@code zheevd_} (and, where the library has them, {@code zheevd_2stage_} and
 * {@code zheevr_}), {@code zgeev_}, {@code zgetrf_}, {@code zgetrs_}
 * (every argument by reference, LP64 integers; the hidden lengths of the character arguments
 * that gfortran-built LAPACKs expect are passed as 1). Matrices cross as copies in native memory
 * ({@link Scratch}: large arrays in a block kept between calls, so that they are not faulted in
 * anew each time): the kernels cost O(n³) against the O(n²) copy, and the Java heap is not held
 * while a long factorisation runs. Only {@code zgemm} below {@link #CRITICAL_WORK} reads and writes the
 * heap arrays in place (a critical call), because a small product is dominated by the copy.
 */
final class DenseLapack {

    /** Largest product work (m k n) passed in place as heap arrays (about 3 ms of zgemm). */
    static final long CRITICAL_WORK = 1L << 24;
    /**
     * Smallest n whose eigenvalues alone take the two-stage reduction ({@link #twoStageFrom}), on
     * several threads and on one, MKL. One thread: 20.1 against 23.1 ms at n = 384; on the quiet
     * machine 37.6 against 48.2 ms at 500, 211 against 246 ms at 1000, 1.42 against 1.50 s at
     * 2000. Several threads: never. Measured on a loaded machine the two-stage driver won on two
     * threads (7.5 against 16.7 ms at n = 200: the one-stage reduction synchronises its threads
     * once per column, which a busy machine makes slow), but on the quiet machine it lost or tied
     * (2026-12-03, {@code bench/probes/hermitian-eigen/run.sh EigHarness mkl N 2 5 500 1000 2000}:
     * 32.6 against 31.0 ms at 500, 165 against 168 ms at 1000, 1.04 against 0.92 s at 2000).
     */
    static final int[] TWO_STAGE_FROM_MKL = {Integer.MAX_VALUE, 384};
    /**
     * The same for OpenBLAS (Debian's 0.3): two threads 4.4 against 3.6 ms at n = 200, 9.7 against
     * 10.2 ms at 300; one thread even at 384, 32.7 against 35.4 ms at 500.
     */
    static final int[] TWO_STAGE_FROM_OPENBLAS = {300, 448};
    private static final int COL_MAJOR = 102, NO_TRANS = 111;

    private final String library;
    private final ThreadControl threads;
    private final boolean bigStack;
    /** {@link #twoStageFrom}: on several threads, on one. */
    private final int[] twoStageFrom;
    private final MethodHandle zgemm, zgemmCritical, zheevd, zgeev, zgetrf, zgetrs;
    /** Optional routines (null when the library lacks the symbol): two-stage reduction, MRRR. */
    private final MethodHandle zheevd2stage, zheevr;

    /** The LAPACK driver of a Hermitian eigen-decomposition. */
    enum HermitianDriver {
        /** {@code zheevd}: one-stage Householder tridiagonalisation ({@code zhetrd}), divide and conquer. */
        EVD("zheevd"),
        /**
         * {@code zheevd_2stage}: dense to band by blocked (BLAS-3) reflectors, band to tridiagonal by
         * bulge chasing, then as {@code zheevd}; eigenvalues only (LAPACK has no vectors for it).
         */
        EVD_2STAGE("zheevd_2stage"),
        /** {@code zheevr}: one-stage tridiagonalisation, MRRR ({@code zstemr}) for the vectors. */
        EVR("zheevr");

        final String routine;

        HermitianDriver(String routine) {
            this.routine = routine;
        }
    }

    /**
     * @param bigStack     whether the LAPACK calls must run on {@link BigStack}'s threads (OpenBLAS)
     * @param twoStageFrom the smallest n whose eigenvalues alone take {@code zheevd_2stage}, on
     *                     several threads and on one (measured per library)
     */
    DenseLapack(SymbolLookup lookup, String library, ThreadControl threads, boolean bigStack, int[] twoStageFrom) {
        this.library = library;
        this.twoStageFrom = twoStageFrom.clone();
        this.threads = threads;
        this.bigStack = bigStack;
        FunctionDescriptor gemm = FunctionDescriptor.ofVoid(INT, INT, INT, INT, INT, INT, ADDRESS, ADDRESS, INT, ADDRESS,
                INT, ADDRESS, ADDRESS, INT);
        zgemm = Native.bind(lookup, library, "cblas_zgemm", gemm);
        zgemmCritical = Native.bind(lookup, library, "cblas_zgemm", gemm, Linker.Option.critical(true));
        zheevd = Native.bind(lookup, library, "zheevd_", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, LONG, LONG));
        FunctionDescriptor evd = FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, LONG, LONG);
        zheevd2stage = optional(lookup, "zheevd_2stage_", evd);
        zheevr = optional(lookup, "zheevr_", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, LONG, LONG, LONG));
        zgeev = Native.bind(lookup, library, "zgeev_", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, LONG, LONG));
        zgetrf = Native.bind(lookup, library, "zgetrf_", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, ADDRESS));
        zgetrs = Native.bind(lookup, library, "zgetrs_", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, LONG));
    }

    private static MethodHandle optional(SymbolLookup lookup, String name, FunctionDescriptor fd) {
        return lookup.find(name).map(address -> Native.LINKER.downcallHandle(address, fd)).orElse(null);
    }

    /** @return whether the library has the driver (and, for the two-stage one, can do what is asked) */
    boolean has(HermitianDriver driver, boolean vectors) {
        return switch (driver) {
            case EVD -> true;
            case EVD_2STAGE -> zheevd2stage != null && !vectors;
            case EVR -> zheevr != null;
        };
    }

    private static MemorySegment ints(SegmentAllocator arena, int... v) {
        return arena.allocateFrom(INT, v);
    }

    private static MemorySegment chars(SegmentAllocator arena, char c) {
        return arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) c);
    }

    private static MemorySegment copy(SegmentAllocator arena, double[] a, int length) {
        MemorySegment s = arena.allocate(ValueLayout.JAVA_DOUBLE, Math.max(1, length));
        MemorySegment.copy(a, 0, s, ValueLayout.JAVA_DOUBLE, 0, length);
        return s;
    }

    private static MemorySegment complex(SegmentAllocator arena, double re, double im) {
        return arena.allocateFrom(ValueLayout.JAVA_DOUBLE, re, im);
    }

    /** {@code C = alpha A B + beta C}. */
    void gemm(int m, int k, int n, double[] a, double[] b, double[] c, double ar, double ai, double br, double bi,
              int nThreads) {
        if (m == 0 || n == 0) {
            return;
        }
        int token = threads.enter(nThreads);
        try (Scratch arena = Scratch.open()) {
            MemorySegment alpha = complex(arena, ar, ai), beta = complex(arena, br, bi);
            int lda = Math.max(1, m), ldb = Math.max(1, k);
            if ((long) m * k * n <= CRITICAL_WORK) {
                zgemmCritical.invokeExact(COL_MAJOR, NO_TRANS, NO_TRANS, m, n, k, alpha, MemorySegment.ofArray(a), lda,
                        MemorySegment.ofArray(b), ldb, beta, MemorySegment.ofArray(c), lda);
            } else {
                MemorySegment sa = copy(arena, a, 2 * m * k), sb = copy(arena, b, 2 * k * n);
                MemorySegment sc = br == 0 && bi == 0 ? arena.allocate(ValueLayout.JAVA_DOUBLE, 2L * m * n)
                        : copy(arena, c, 2 * m * n);
                zgemm.invokeExact(COL_MAJOR, NO_TRANS, NO_TRANS, m, n, k, alpha, sa, lda, sb, ldb, beta, sc, lda);
                MemorySegment.copy(sc, ValueLayout.JAVA_DOUBLE, 0, c, 0, 2 * m * n);
            }
        } catch (Throwable t) {
            throw Native.rethrow(t);
        } finally {
            threads.exit(token);
        }
    }

    /**
     * Hermitian eigen-decomposition, lower triangle read, by the driver {@link #driverFor} picks:
     * {@code zheevd_2stage} for eigenvalues alone from n = {@link #twoStageFrom}, else {@code zheevd}.
     */
    double[] hermitianEigen(int n, double[] a, double[] vectors, int nThreads) {
        return hermitianEigen(n, a, vectors, nThreads, driverFor(n, vectors != null, nThreads));
    }

    /**
     * The driver of {@link #hermitianEigen(int, double[], double[], int)}. Eigenvalues alone from
     * n = {@link #twoStageFrom} take the two-stage reduction when the library has it: the
     * one-stage {@code zhetrd} spends half its flops in matrix-vector products that stream the
     * trailing matrix from memory once per column (and synchronise the threads once per column),
     * the two-stage one does most of its work in matrix-matrix products. Eigenvectors take
     * {@code zheevd}: LAPACK has no vectors for the two-stage drivers, and {@code zheevr} (MRRR)
     * was no faster than {@code zheevd} at n = 500 to 2000 on MKL (docs/performance.md).
     */
    HermitianDriver driverFor(int n, boolean vectors, int nThreads) {
        return !vectors && n >= twoStageFrom(nThreads) && has(HermitianDriver.EVD_2STAGE, false)
                ? HermitianDriver.EVD_2STAGE : HermitianDriver.EVD;
    }

    /** @return the smallest n whose eigenvalues alone take the two-stage driver on this library */
    int twoStageFrom(int nThreads) {
        return nThreads > 1 ? twoStageFrom[0] : twoStageFrom[1];
    }

    /**
     * Hermitian eigen-decomposition by the given driver, lower triangle read.
     *
     * @throws IllegalArgumentException when the library lacks the driver ({@link #has})
     */
    double[] hermitianEigen(int n, double[] a, double[] vectors, int nThreads, HermitianDriver driver) {
        if (!has(driver, vectors != null)) {
            throw new IllegalArgumentException(library + " has no " + driver.routine
                    + (vectors != null ? " with eigenvectors" : ""));
        }
        return bigStack ? BigStack.call(() -> hermitianEigenHere(n, a, vectors, nThreads, driver))
                : hermitianEigenHere(n, a, vectors, nThreads, driver);
    }

    private double[] hermitianEigenHere(int n, double[] a, double[] vectors, int nThreads, HermitianDriver driver) {
        double[] w = new double[n];
        if (n == 0) {
            return w;
        }
        int token = threads.enter(nThreads);
        try (Scratch arena = Scratch.open()) {
            MemorySegment sa = copy(arena, a, 2 * n * n);
            MemorySegment jobz = chars(arena, vectors == null ? 'N' : 'V'), uplo = chars(arena, 'L');
            MemorySegment sn = ints(arena, n), sw = arena.allocate(ValueLayout.JAVA_DOUBLE, n);
            MemorySegment info = ints(arena, 0);
            MemorySegment qWork = arena.allocate(ValueLayout.JAVA_DOUBLE, 2), qRwork = arena.allocate(ValueLayout.JAVA_DOUBLE, 1);
            MemorySegment qIwork = ints(arena, 0), minusOne = ints(arena, -1);
            MemorySegment result = sa;
            if (driver == HermitianDriver.EVR) {
                // all eigenvalues (RANGE = 'A'); ABSTOL = 0 takes LAPACK's default tolerance
                MemorySegment range = chars(arena, 'A'), zero = arena.allocate(ValueLayout.JAVA_DOUBLE, 1);
                MemorySegment found = ints(arena, 0), one = ints(arena, 1);
                MemorySegment z = vectors == null ? arena.allocate(ValueLayout.JAVA_DOUBLE, 2)
                        : arena.allocate(ValueLayout.JAVA_DOUBLE, 2L * n * n);
                MemorySegment ldz = vectors == null ? one : sn, isuppz = arena.allocate(INT, 2L * n);
                zheevr.invokeExact(jobz, range, uplo, sn, sa, sn, zero, zero, one, sn, zero, found, sw, z, ldz, isuppz,
                        qWork, minusOne, qRwork, minusOne, qIwork, minusOne, info, 1L, 1L, 1L);
                check("zheevr (workspace query)", info);
                Workspace ws = Workspace.of(arena, qWork, qRwork, qIwork);
                zheevr.invokeExact(jobz, range, uplo, sn, sa, sn, zero, zero, one, sn, zero, found, sw, z, ldz, isuppz,
                        ws.work, ints(arena, ws.lwork), ws.rwork, ints(arena, ws.lrwork), ws.iwork, ints(arena, ws.liwork),
                        info, 1L, 1L, 1L);
                check("zheevr", info);
                int m = found.getAtIndex(INT, 0);
                if (m != n) {
                    throw new ArithmeticException(library + ": zheevr found " + m + " of " + n + " eigenvalues");
                }
                result = z;
            } else {
                MethodHandle h = driver == HermitianDriver.EVD ? zheevd : zheevd2stage;
                h.invokeExact(jobz, uplo, sn, sa, sn, sw, qWork, minusOne, qRwork, minusOne, qIwork, minusOne, info,
                        1L, 1L);
                check(driver.routine + " (workspace query)", info);
                Workspace ws = Workspace.of(arena, qWork, qRwork, qIwork);
                h.invokeExact(jobz, uplo, sn, sa, sn, sw, ws.work, ints(arena, ws.lwork), ws.rwork, ints(arena, ws.lrwork),
                        ws.iwork, ints(arena, ws.liwork), info, 1L, 1L);
                check(driver.routine, info);
            }
            MemorySegment.copy(sw, ValueLayout.JAVA_DOUBLE, 0, w, 0, n);
            if (vectors != null) {
                MemorySegment.copy(result, ValueLayout.JAVA_DOUBLE, 0, vectors, 0, 2 * n * n);
            }
            return w;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        } finally {
            threads.exit(token);
        }
    }

    /** The work arrays of a LAPACK call, sized by its workspace query (complex, real, integer). */
    private record Workspace(MemorySegment work, int lwork, MemorySegment rwork, int lrwork, MemorySegment iwork,
                             int liwork) {
        static Workspace of(SegmentAllocator arena, MemorySegment qWork, MemorySegment qRwork, MemorySegment qIwork) {
            int lwork = (int) Math.ceil(qWork.getAtIndex(ValueLayout.JAVA_DOUBLE, 0));
            int lrwork = (int) Math.ceil(qRwork.getAtIndex(ValueLayout.JAVA_DOUBLE, 0));
            int liwork = qIwork.getAtIndex(INT, 0);
            return new Workspace(arena.allocate(ValueLayout.JAVA_DOUBLE, 2L * Math.max(1, lwork)), lwork,
                    arena.allocate(ValueLayout.JAVA_DOUBLE, Math.max(1, lrwork)), lrwork,
                    arena.allocate(INT, Math.max(1, liwork)), liwork);
        }
    }

    /** General eigen-decomposition by {@code zgeev} (right vectors, unit 2-norm). */
    double[] generalEigen(int n, double[] a, double[] vectors, int nThreads) {
        return bigStack ? BigStack.call(() -> generalEigenHere(n, a, vectors, nThreads))
                : generalEigenHere(n, a, vectors, nThreads);
    }

    private double[] generalEigenHere(int n, double[] a, double[] vectors, int nThreads) {
        double[] w = new double[2 * n];
        if (n == 0) {
            return w;
        }
        int token = threads.enter(nThreads);
        try (Scratch arena = Scratch.open()) {
            MemorySegment sa = copy(arena, a, 2 * n * n);
            MemorySegment jobvl = chars(arena, 'N'), jobvr = chars(arena, vectors == null ? 'N' : 'V');
            MemorySegment sn = ints(arena, n), one = ints(arena, 1), info = ints(arena, 0);
            MemorySegment sw = arena.allocate(ValueLayout.JAVA_DOUBLE, 2L * n);
            MemorySegment vl = arena.allocate(ValueLayout.JAVA_DOUBLE, 2);
            MemorySegment vr = arena.allocate(ValueLayout.JAVA_DOUBLE, vectors == null ? 2 : 2L * n * n);
            MemorySegment ldvr = vectors == null ? one : sn;
            MemorySegment rwork = arena.allocate(ValueLayout.JAVA_DOUBLE, 2L * n);
            MemorySegment qWork = arena.allocate(ValueLayout.JAVA_DOUBLE, 2);
            zgeev.invokeExact(jobvl, jobvr, sn, sa, sn, sw, vl, one, vr, ldvr, qWork, ints(arena, -1), rwork, info, 1L, 1L);
            check("zgeev (workspace query)", info);
            int lwork = (int) Math.ceil(qWork.getAtIndex(ValueLayout.JAVA_DOUBLE, 0));
            MemorySegment work = arena.allocate(ValueLayout.JAVA_DOUBLE, 2L * Math.max(1, lwork));
            zgeev.invokeExact(jobvl, jobvr, sn, sa, sn, sw, vl, one, vr, ldvr, work, ints(arena, lwork), rwork, info, 1L, 1L);
            check("zgeev", info);
            MemorySegment.copy(sw, ValueLayout.JAVA_DOUBLE, 0, w, 0, 2 * n);
            if (vectors != null) {
                MemorySegment.copy(vr, ValueLayout.JAVA_DOUBLE, 0, vectors, 0, 2 * n * n);
            }
            return w;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        } finally {
            threads.exit(token);
        }
    }

    /** {@code zgetrf} in place; pivots returned 0-based. An exactly zero pivot is not an error here. */
    int[] luFactor(int n, double[] lu, int nThreads) {
        return bigStack ? BigStack.call(() -> luFactorHere(n, lu, nThreads))
                : luFactorHere(n, lu, nThreads);
    }

    private int[] luFactorHere(int n, double[] lu, int nThreads) {
        int[] pivots = new int[n];
        if (n == 0) {
            return pivots;
        }
        int token = threads.enter(nThreads);
        try (Scratch arena = Scratch.open()) {
            MemorySegment sa = copy(arena, lu, 2 * n * n);
            MemorySegment sn = ints(arena, n), ipiv = arena.allocate(INT, n), info = ints(arena, 0);
            zgetrf.invokeExact(sn, sn, sa, sn, ipiv, info);
            int i = info.getAtIndex(INT, 0);
            if (i < 0) {
                throw new IllegalStateException(library + ": zgetrf rejected argument " + (-i));
            }
            MemorySegment.copy(sa, ValueLayout.JAVA_DOUBLE, 0, lu, 0, 2 * n * n);
            for (int k = 0; k < n; k++) {
                pivots[k] = ipiv.getAtIndex(INT, k) - 1;
            }
            return pivots;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        } finally {
            threads.exit(token);
        }
    }

    /** {@code zgetrs}: {@code A X = B} in place with the factors of {@link #luFactor}. */
    void luSolve(int n, double[] lu, int[] pivots, double[] b, int columns, int nThreads) {
        if (bigStack) {
            BigStack.call(() -> {
                luSolveHere(n, lu, pivots, b, columns, nThreads);
                return null;
            });
        } else {
            luSolveHere(n, lu, pivots, b, columns, nThreads);
        }
    }

    private void luSolveHere(int n, double[] lu, int[] pivots, double[] b, int columns, int nThreads) {
        if (n == 0 || columns == 0) {
            return;
        }
        int token = threads.enter(nThreads);
        try (Scratch arena = Scratch.open()) {
            MemorySegment sa = copy(arena, lu, 2 * n * n);
            MemorySegment ipiv = arena.allocate(INT, n);
            for (int k = 0; k < n; k++) {
                ipiv.setAtIndex(INT, k, pivots[k] + 1);
            }
            MemorySegment sb = copy(arena, b, 2 * n * columns);
            MemorySegment sn = ints(arena, n), info = ints(arena, 0);
            zgetrs.invokeExact(chars(arena, 'N'), sn, ints(arena, columns), sa, sn, ipiv, sb, sn, info, 1L);
            check("zgetrs", info);
            MemorySegment.copy(sb, ValueLayout.JAVA_DOUBLE, 0, b, 0, 2 * n * columns);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        } finally {
            threads.exit(token);
        }
    }

    /** info > 0 is a numerical failure (ArithmeticException: Java takes over); info < 0 a bad argument. */
    private void check(String routine, MemorySegment info) {
        int i = info.getAtIndex(INT, 0);
        if (i > 0) {
            throw new ArithmeticException(library + ": " + routine + " did not converge (info = " + i + ")");
        }
        if (i < 0) {
            throw new IllegalStateException(library + ": " + routine + " rejected argument " + (-i));
        }
    }
}
