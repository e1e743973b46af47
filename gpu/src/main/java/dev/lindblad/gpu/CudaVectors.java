package dev.lindblad.gpu;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link VectorOps} on the device: vectors are {@code cudaMalloc}'ed {@code cuDoubleComplex}
 * arrays with a cuSPARSE dense-vector descriptor each, the generator a cuSPARSE CSR matrix
 * uploaded once; every operation is one cuBLAS or cuSPARSE call on the same (default) stream, so
 * they run in order and only the scalars of {@link #norm} and {@link #dotu} (and
 * {@link #download}) synchronise with the host.
 */
final class CudaVectors implements VectorOps<CudaVectors.DeviceVector> {

    /** A device vector: its memory and its cuSPARSE descriptor. */
    record DeviceVector(MemorySegment data, MemorySegment descriptor) {
    }

    private final CudaRuntime rt;
    private final CuBlas blas;
    private final CuSparse sparse;
    private final int n;
    private MemorySegment blasHandle;
    private MemorySegment sparseHandle;
    private MemorySegment matrix;
    private MemorySegment buffer = MemorySegment.NULL;
    private final List<MemorySegment> allocations = new ArrayList<>();
    private final List<DeviceVector> vectors = new ArrayList<>();

    private CudaVectors(CudaRuntime rt, CuBlas blas, CuSparse sparse, int n) {
        this.rt = rt;
        this.blas = blas;
        this.sparse = sparse;
        this.n = n;
    }

    /**
     * Selects the device, creates the cuBLAS and cuSPARSE handles and uploads the generator.
     *
     * @param rt     the loaded runtime
     * @param device the device ordinal
     * @param n      rows = columns of the generator
     */
    static CudaVectors open(CudaRuntime rt, int device, int n, int[] rowPtr, int[] colIdx, double[] values) {
        rt.setDevice(device);
        CudaVectors v = new CudaVectors(rt, CuBlas.load(), CuSparse.load(), n);
        try {
            v.blasHandle = v.blas.create();
            v.sparseHandle = v.sparse.create();
            MemorySegment rp = v.deviceArray((long) rowPtr.length * 4);
            rt.upload(rowPtr, rp);
            MemorySegment ci = v.deviceArray(Math.max(4, (long) colIdx.length * 4));
            rt.upload(colIdx, ci);
            MemorySegment va = v.deviceArray(Math.max(16, (long) values.length * 8));
            rt.upload(values, va);
            v.matrix = v.sparse.createCsr(n, n, colIdx.length, rp, ci, va);
            DeviceVector x = v.allocate();
            DeviceVector y = v.allocate();
            long bytes = v.sparse.spmvBufferSize(v.sparseHandle, v.matrix, x.descriptor(), y.descriptor());
            if (bytes > 0) {
                v.buffer = v.deviceArray(bytes);
            }
            return v;
        } catch (RuntimeException e) {
            v.close();
            throw e;
        }
    }

    private MemorySegment deviceArray(long bytes) {
        MemorySegment p = rt.malloc(bytes);
        allocations.add(p);
        return p;
    }

    @Override
    public int length() {
        return n;
    }

    @Override
    public DeviceVector allocate() {
        MemorySegment d = deviceArray((long) n * 16);
        rt.zero(d, (long) n * 16);
        DeviceVector v = new DeviceVector(d, sparse.createDnVec(n, d));
        vectors.add(v);
        return v;
    }

    @Override
    public void upload(double[] values, DeviceVector v) {
        rt.upload(values, v.data());
    }

    @Override
    public double[] download(DeviceVector v) {
        double[] out = new double[2 * n];
        rt.download(v.data(), out);
        return out;
    }

    @Override
    public void copy(DeviceVector from, DeviceVector to) {
        blas.zcopy(blasHandle, n, from.data(), to.data());
    }

    @Override
    public void axpy(double re, double im, DeviceVector x, DeviceVector y) {
        blas.zaxpy(blasHandle, n, re, im, x.data(), y.data());
    }

    @Override
    public void scale(double s, DeviceVector x) {
        blas.zdscal(blasHandle, n, s, x.data());
    }

    @Override
    public double norm(DeviceVector x) {
        return blas.dznrm2(blasHandle, n, x.data());
    }

    @Override
    public void apply(DeviceVector x, DeviceVector y) {
        sparse.spmv(sparseHandle, matrix, x.descriptor(), y.descriptor(), buffer);
    }

    @Override
    public double[] dotu(DeviceVector w, DeviceVector x) {
        return blas.zdotu(blasHandle, n, w.data(), x.data());
    }

    /** Destroys descriptors and handles and frees every allocation (errors after the first are ignored). */
    @Override
    public void close() {
        RuntimeException first = null;
        List<Runnable> steps = new ArrayList<>();
        for (DeviceVector v : vectors) {
            steps.add(() -> sparse.destroyDnVec(v.descriptor()));
        }
        if (matrix != null) {
            steps.add(() -> sparse.destroySpMat(matrix));
        }
        if (sparseHandle != null) {
            steps.add(() -> sparse.destroy(sparseHandle));
        }
        if (blasHandle != null) {
            steps.add(() -> blas.destroy(blasHandle));
        }
        for (MemorySegment a : allocations) {
            steps.add(() -> rt.free(a));
        }
        for (Runnable r : steps) {
            try {
                r.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        vectors.clear();
        allocations.clear();
        if (first != null) {
            throw first;
        }
    }
}
