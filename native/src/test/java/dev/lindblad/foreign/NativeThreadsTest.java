package dev.lindblad.foreign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Backends;
import dev.lindblad.backend.Kernel;
import dev.lindblad.linalg.HermitianEigen;
import dev.lindblad.parallel.Parallelism;
import dev.lindblad.parallel.TaskMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Native calls use {@code Parallelism.threads()} threads, and one inside a task: N tasks never
 * start N×N threads (QuTiP's issue #1175).
 */
class NativeThreadsTest {

    @AfterEach
    void reset() {
        Parallelism.resetThreads();
    }

    /** MKL's own count on the calling thread during a call: the configured threads outside tasks, 1 inside. */
    @Test
    void mklUsesOneThreadInsideTasks() {
        MklBackend mkl = (MklBackend) NativeKernelsTest.backend("mkl", Kernel.GEMM);
        Parallelism.threads(2);
        assertEquals(2, Backends.callThreads());
        assertEquals(2, mkl.maxThreadsDuring(Backends.callThreads()));
        List<Integer> inside = TaskMap.threads(2).map(List.of(0, 1, 2, 3),
                i -> mkl.maxThreadsDuring(Backends.callThreads()));
        assertEquals(List.of(1, 1, 1, 1), inside);
        // and the setting is the calling thread's only: outside again, all of them
        assertEquals(2, mkl.maxThreadsDuring(Backends.callThreads()));
    }

    /** Inside tasks a forced MKL still runs (one thread each) and gives the same bits as one thread outside. */
    @Test
    void tasksRunTheNativeKernelSeriallyWithTheSameBits() {
        NativeKernelsTest.backend("mkl", Kernel.HERMITIAN_EIGEN);
        Parallelism.threads(2);
        int n = 60;
        double[] a = NativeKernelsTest.randomHermitian(n, 31);
        Parallelism.threads(1);
        HermitianEigen.Result serial = Backends.with("mkl", () -> HermitianEigen.decompose(n, a, true));
        Parallelism.threads(2);
        List<HermitianEigen.Result> inTasks = TaskMap.threads(2).map(List.of(0, 1, 2),
                i -> Backends.with("mkl", () -> HermitianEigen.decompose(n, a, true)));
        for (HermitianEigen.Result r : inTasks) {
            assertArrayEquals(serial.eigenvalues(), r.eigenvalues());
            assertArrayEquals(serial.eigenvectors(), r.eigenvectors());
        }
    }

    /** OpenBLAS cannot give one call one thread, so inside a task (threads > 1) the Java kernel runs. */
    @Test
    void openBlasStaysOutOfTasks() {
        Backend openblas = NativeKernelsTest.backend("openblas", Kernel.HERMITIAN_EIGEN);
        Parallelism.threads(2);
        assertSame(openblas, Backends.with("openblas", () -> Backends.select(Kernel.HERMITIAN_EIGEN, 500)));
        List<Backend> inside = TaskMap.threads(2).map(List.of(0, 1),
                i -> Backends.with("openblas", () -> Backends.select(Kernel.HERMITIAN_EIGEN, 500)));
        assertNull(inside.get(0));
        assertNull(inside.get(1));
        Parallelism.threads(1);
        assertSame(openblas, Parallelism.serial(
                () -> Backends.with("openblas", () -> Backends.select(Kernel.HERMITIAN_EIGEN, 500))),
                "with one thread configured there is nothing to oversubscribe");
    }
}
