package dev.lindblad.gpu;

/**
 * {@link VectorOps} on Java arrays with the generator in CSR: the CPU twin of
 * {@link CudaVectors}, operation for operation, so that the integrator's host-side logic runs
 * and is tested on any machine (serially: it is a reference, not a fast path).
 */
final class HostVectors implements VectorOps<double[]> {

    private final int n;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final double[] values;

    /** @param rowPtr, colIdx, values the generator in CSR, values interleaved; n rows = columns */
    HostVectors(int n, int[] rowPtr, int[] colIdx, double[] values) {
        this.n = n;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.values = values;
    }

    @Override
    public int length() {
        return n;
    }

    @Override
    public double[] allocate() {
        return new double[2 * n];
    }

    @Override
    public void upload(double[] v, double[] to) {
        System.arraycopy(v, 0, to, 0, 2 * n);
    }

    @Override
    public double[] download(double[] v) {
        return v.clone();
    }

    @Override
    public void copy(double[] from, double[] to) {
        System.arraycopy(from, 0, to, 0, 2 * n);
    }

    @Override
    public void axpy(double re, double im, double[] x, double[] y) {
        for (int i = 0; i < 2 * n; i += 2) {
            double xr = x[i];
            double xi = x[i + 1];
            y[i] += re * xr - im * xi;
            y[i + 1] += re * xi + im * xr;
        }
    }

    @Override
    public void scale(double s, double[] x) {
        for (int i = 0; i < 2 * n; i++) {
            x[i] *= s;
        }
    }

    @Override
    public double norm(double[] x) {
        double scale = 0;
        for (double v : x) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0) {
            return 0;
        }
        double s = 0;
        for (double v : x) {
            double t = v / scale;
            s += t * t;
        }
        return scale * Math.sqrt(s);
    }

    @Override
    public void apply(double[] x, double[] y) {
        for (int r = 0; r < n; r++) {
            double sr = 0;
            double si = 0;
            for (int k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
                int c = colIdx[k];
                double ar = values[2 * k];
                double ai = values[2 * k + 1];
                sr += ar * x[2 * c] - ai * x[2 * c + 1];
                si += ar * x[2 * c + 1] + ai * x[2 * c];
            }
            y[2 * r] = sr;
            y[2 * r + 1] = si;
        }
    }

    @Override
    public double[] dotu(double[] w, double[] x) {
        double sr = 0;
        double si = 0;
        for (int i = 0; i < 2 * n; i += 2) {
            sr += w[i] * x[i] - w[i + 1] * x[i + 1];
            si += w[i] * x[i + 1] + w[i + 1] * x[i];
        }
        return new double[] {sr, si};
    }

    @Override
    public void close() {
    }
}
