package dev.lindblad;

import java.util.Arrays;

/**
 * A cubic spline through samples {@code (t_k, y_k)} of a real function, with natural end
 * conditions (zero second derivative at both ends), evaluated by binary search on the knots.
 * Array coefficients of {@link QobjEvo} (control pulses, measured drives) use it, as QuTiP
 * interpolates array coefficients with cubic splines. Outside the grid it extrapolates with the
 * end polynomial.
 */
public final class CubicSpline implements java.io.Serializable {
    private final double[] t;
    private final double[] y;
    private final double[] m;   // second derivatives at the knots

    /**
     * @param t strictly increasing knots, at least 2
     * @param y values at the knots
     */
    public CubicSpline(double[] t, double[] y) {
        if (t.length != y.length || t.length < 2) {
            throw new IllegalArgumentException("spline needs at least 2 knots and as many values; got " + t.length
                    + " knots and " + y.length + " values");
        }
        for (int k = 1; k < t.length; k++) {
            if (!(t[k] > t[k - 1])) {
                throw new IllegalArgumentException("spline knots must increase strictly; t[" + (k - 1) + "] = "
                        + t[k - 1] + ", t[" + k + "] = " + t[k]);
            }
        }
        this.t = t.clone();
        this.y = y.clone();
        int n = t.length;
        m = new double[n];
        if (n > 2) {
            // tridiagonal system for the interior second derivatives (Thomas algorithm)
            double[] c = new double[n], d = new double[n];
            for (int k = 1; k < n - 1; k++) {
                double h0 = t[k] - t[k - 1], h1 = t[k + 1] - t[k];
                double a = h0 / 6, b = (h0 + h1) / 3, cc = h1 / 6;
                double r = (y[k + 1] - y[k]) / h1 - (y[k] - y[k - 1]) / h0;
                double den = b - a * c[k - 1];
                c[k] = cc / den;
                d[k] = (r - a * d[k - 1]) / den;
            }
            for (int k = n - 2; k >= 1; k--) {
                m[k] = d[k] - c[k] * m[k + 1];
            }
        }
    }

    /** @return the spline's value at {@code x} */
    public double value(double x) {
        int n = t.length;
        int k = Arrays.binarySearch(t, x);
        if (k < 0) {
            k = -k - 2;
        }
        k = Math.max(0, Math.min(k, n - 2));
        double h = t[k + 1] - t[k];
        double a = (t[k + 1] - x) / h, b = (x - t[k]) / h;
        return a * y[k] + b * y[k + 1] + ((a * a * a - a) * m[k] + (b * b * b - b) * m[k + 1]) * h * h / 6;
    }
}
