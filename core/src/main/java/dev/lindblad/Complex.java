package dev.lindblad;

/**
 * An immutable complex number {@code re + i im}.
 *
 * <p>Hot kernels never box complex values: they work on interleaved {@code (re, im)} pairs in
 * {@code double[]}. This record is for the public surface: matrix elements, expectation values,
 * scalars and coefficients.
 *
 * @param re real part
 * @param im imaginary part
 */
public record Complex(double re, double im) implements java.io.Serializable {

    /** 0. */
    public static final Complex ZERO = new Complex(0, 0);
    /** 1. */
    public static final Complex ONE = new Complex(1, 0);
    /** The imaginary unit i. */
    public static final Complex I = new Complex(0, 1);

    /** @return {@code re + i im} */
    public static Complex of(double re, double im) {
        return new Complex(re, im);
    }

    /** @return the real number {@code re} as a complex number */
    public static Complex of(double re) {
        return new Complex(re, 0);
    }

    /** @return {@code r e^{i phi}} */
    public static Complex polar(double r, double phi) {
        return new Complex(r * Math.cos(phi), r * Math.sin(phi));
    }

    /** @return {@code this + o} */
    public Complex plus(Complex o) {
        Require.nonNull(o, "plus", "o");
        return new Complex(re + o.re, im + o.im);
    }

    /** @return {@code this + x} */
    public Complex plus(double x) {
        return new Complex(re + x, im);
    }

    /** @return {@code this - o} */
    public Complex minus(Complex o) {
        Require.nonNull(o, "minus", "o");
        return new Complex(re - o.re, im - o.im);
    }

    /** @return {@code this * o} */
    public Complex times(Complex o) {
        Require.nonNull(o, "times", "o");
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    /** @return {@code this * x} */
    public Complex times(double x) {
        return new Complex(re * x, im * x);
    }

    /** @return {@code this / o}, computed with Smith's scaling to avoid overflow */
    public Complex div(Complex o) {
        Require.nonNull(o, "div", "o");
        if (Math.abs(o.re) >= Math.abs(o.im)) {
            double r = o.im / o.re, d = o.re + o.im * r;
            return new Complex((re + im * r) / d, (im - re * r) / d);
        }
        double r = o.re / o.im, d = o.re * r + o.im;
        return new Complex((re * r + im) / d, (im * r - re) / d);
    }

    /** @return {@code this / x} */
    public Complex div(double x) {
        return new Complex(re / x, im / x);
    }

    /** @return the complex conjugate {@code re - i im} */
    public Complex conj() {
        return new Complex(re, -im);
    }

    /** @return {@code -this} */
    public Complex negate() {
        return new Complex(-re, -im);
    }

    /** @return the modulus {@code |z|} */
    public double abs() {
        return Math.hypot(re, im);
    }

    /** @return {@code |z|^2} */
    public double abs2() {
        return re * re + im * im;
    }

    /** @return the argument of z in (-pi, pi] */
    public double arg() {
        return Math.atan2(im, re);
    }

    /** @return {@code e^z} */
    public Complex exp() {
        double e = Math.exp(re);
        return new Complex(e * Math.cos(im), e * Math.sin(im));
    }

    /** @return the principal square root */
    public Complex sqrt() {
        if (re == 0 && im == 0) {
            return ZERO;
        }
        if (Math.abs(re) > 0x1p1020 || Math.abs(im) > 0x1p1020) {
            // |re| + |z| would overflow; sqrt(z) = 4 sqrt(z/16), and dividing by 16 is exact here
            return new Complex(re / 16, im / 16).sqrt().times(4);
        }
        double t = Math.sqrt((Math.abs(re) + abs()) / 2);
        return re >= 0 ? new Complex(t, im / (2 * t)) : new Complex(Math.abs(im) / (2 * t), Math.copySign(t, im));
    }

    /** @return whether {@code |this - o| <= tol} */
    public boolean isClose(Complex o, double tol) {
        Require.nonNull(o, "isClose", "o");
        return Math.hypot(re - o.re, im - o.im) <= tol;
    }

    @Override
    public String toString() {
        if (im == 0) {
            return Double.toString(re);
        }
        return "(" + re + (im < 0 || (im == 0 && 1 / im < 0) ? "-" : "+") + Math.abs(im) + "j)";
    }
}
