package dev.lindblad.backend;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A test backend whose kernels all throw, as a broken native library would; available only while
 * a test turns it on ({@link #enabled}), so that other tests never see it.
 */
public final class FailingBackend implements Backend {

    static volatile boolean enabled;
    static volatile int calls;

    @Override
    public String name() {
        return "failing";
    }

    @Override
    public int rank() {
        return 100;
    }

    @Override
    public boolean available() {
        return enabled;
    }

    @Override
    public String unavailableReason() {
        return enabled ? null : "only for BackendsTest";
    }

    @Override
    public List<NativeLibrary> libraries() {
        return List.of(new NativeLibrary("libfailing", null, null, "a test double"));
    }

    @Override
    public Set<Kernel> kernels() {
        return enabled ? EnumSet.of(Kernel.HERMITIAN_EIGEN, Kernel.GEMM) : EnumSet.noneOf(Kernel.class);
    }

    @Override
    public String versionKey() {
        return "failing";
    }

    @Override
    public boolean threadLocalThreads() {
        return true;
    }

    @Override
    public double[] hermitianEigen(int n, double[] a, double[] vectors, int threads) {
        calls++;
        throw new UnsatisfiedLinkError("libfailing.so: cannot open shared object file");
    }

    @Override
    public void gemm(int m, int k, int n, double[] a, double[] b, double[] c, double alphaRe, double alphaIm,
                     double betaRe, double betaIm, int threads) {
        calls++;
        java.util.Arrays.fill(c, Double.NaN);    // writes garbage, then fails: the Java result must not see it
        throw new IllegalStateException("zgemm crashed");
    }
}
