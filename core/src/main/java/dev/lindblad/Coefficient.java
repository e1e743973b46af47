package dev.lindblad;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A complex time-dependent coefficient {@code f(t)} of a {@link QobjEvo} term. Real
 * coefficients are plain {@link java.util.function.DoubleUnaryOperator}s; this interface
 * carries a different name because a bare lambda cannot be told apart by its return type.
 *
 * <p>The static factories make coefficients from sampled values, as QuTiP's
 * {@code coefficient(array, tlist=..., order=...)}: {@link #step} is QuTiP's {@code order=0}
 * (zero-order hold), {@link #spline} the cubic spline.
 *
 * <p>A coefficient is {@link java.io.Serializable}, so its lambdas are too: a {@link QobjEvo}
 * built from them travels to a cluster's executors (module {@code spark}) when what the lambda
 * captures is serialisable. A real coefficient given as a plain {@code DoubleUnaryOperator} is
 * not; write {@code (DoubleUnaryOperator & Serializable) t -> ...} for it to travel.
 */
@FunctionalInterface
public interface Coefficient extends java.io.Serializable {

    /** @return {@code f(t)} */
    Complex at(double t);

    /**
     * @param f a real function of time
     * @return the coefficient {@code t -> f(t) + 0i}
     */
    static Coefficient of(DoubleUnaryOperator f) {
        Require.nonNull(f, "Coefficient.of", "f");
        return t -> Complex.of(f.applyAsDouble(t));
    }

    /**
     * Zero-order hold of real samples, QuTiP's {@code order=0}: {@code f(t) = values[k]} for
     * {@code times[k] <= t < times[k+1]}, {@code values[0]} for {@code t <= times[0]} and the
     * last value for {@code t >= times[n-1]}.
     *
     * @param times  sample times, strictly increasing, at least one
     * @param values the values, as many as the times
     * @return the step coefficient
     */
    static Coefficient step(double[] times, double[] values) {
        Require.finite(times, "Coefficient.step", "times");
        Require.finite(values, "Coefficient.step", "values");
        Complex[] c = new Complex[values.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = Complex.of(values[k]);
        }
        return step(times, c);
    }

    /**
     * Zero-order hold of complex samples; see {@link #step(double[], double[])}.
     *
     * @param times  sample times, strictly increasing, at least one
     * @param values the values, as many as the times
     * @return the step coefficient
     */
    static Coefficient step(double[] times, Complex[] values) {
        Require.finite(times, "Coefficient.step", "times");
        Require.elements(values, "Coefficient.step", "values");
        if (times.length == 0 || times.length != values.length) {
            throw new IllegalArgumentException("step coefficient needs at least 1 sample time and as many values; got "
                    + times.length + " times and " + values.length + " values");
        }
        for (int k = 0; k < times.length; k++) {
            if (!Double.isFinite(times[k]) || (k > 0 && !(times[k] > times[k - 1]))) {
                throw new IllegalArgumentException("step coefficient: sample times must be finite and increase strictly; t["
                        + k + "] = " + times[k]);
            }
            Require.finite(values[k], "Coefficient.step", "values[" + k + "]");
        }
        double[] t = times.clone();
        Complex[] v = values.clone();
        return x -> {
            if (x <= t[0]) {
                return v[0];
            }
            if (x >= t[t.length - 1]) {
                return v[v.length - 1];
            }
            int k = Arrays.binarySearch(t, x);
            return v[k >= 0 ? k : -k - 2];
        };
    }

    /**
     * Cubic-spline interpolation of real samples ({@link CubicSpline}, natural end conditions).
     *
     * @param times  sample times, strictly increasing, at least two
     * @param values the values at those times
     * @return the spline coefficient
     */
    static Coefficient spline(double[] times, double[] values) {
        Require.finite(times, "Coefficient.spline", "times");
        Require.finite(values, "Coefficient.spline", "values");
        CubicSpline s = new CubicSpline(times, values);
        return t -> Complex.of(s.value(t));
    }

    /**
     * Cubic-spline interpolation of complex samples: the real and imaginary parts each by
     * {@link CubicSpline}.
     *
     * @param times  sample times, strictly increasing, at least two
     * @param values the complex values at those times
     * @return the spline coefficient
     */
    static Coefficient spline(double[] times, Complex[] values) {
        Require.finite(times, "Coefficient.spline", "times");
        Require.elements(values, "Coefficient.spline", "values");
        double[] re = new double[values.length], im = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            Complex v = Require.finite(values[k], "Coefficient.spline", "values[" + k + "]");
            re[k] = v.re();
            im[k] = v.im();
        }
        CubicSpline sr = new CubicSpline(times, re), si = new CubicSpline(times, im);
        return t -> Complex.of(sr.value(t), si.value(t));
    }
}
