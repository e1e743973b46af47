package dev.lindblad;

import java.util.List;

/**
 * Argument checks of the public surface. Every message starts with the operation the user
 * called and names the user's argument, so an error never points at an internal matrix.
 */
final class Require {
    private Require() {
    }

    /** @return x, or a {@link NullPointerException} "op: name is null" */
    static <T> T nonNull(T x, String op, String name) {
        if (x == null) {
            throw new NullPointerException(op + ": " + name + " is null");
        }
        return x;
    }

    /** @return the array, checked: neither it nor an element is null ("op: name[k] is null") */
    static <T> T[] elements(T[] xs, String op, String name) {
        nonNull(xs, op, name);
        for (int k = 0; k < xs.length; k++) {
            if (xs[k] == null) {
                throw new NullPointerException(op + ": " + name + "[" + k + "] is null");
            }
        }
        return xs;
    }

    /** @return the list, checked: neither it nor an element is null ("op: name[k] is null") */
    static <T> List<T> elements(List<T> xs, String op, String name) {
        nonNull(xs, op, name);
        for (int k = 0; k < xs.size(); k++) {
            if (xs.get(k) == null) {
                throw new NullPointerException(op + ": " + name + "[" + k + "] is null");
            }
        }
        return xs;
    }

    /** @return x when finite, else an {@link IllegalArgumentException} naming it and its value */
    static double finite(double x, String op, String name) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(op + ": " + name + " = " + x + " is not finite");
        }
        return x;
    }

    /** @return z when not null and finite, else an exception naming it (and its value) */
    static Complex finite(Complex z, String op, String name) {
        nonNull(z, op, name);
        if (!Double.isFinite(z.re()) || !Double.isFinite(z.im())) {
            throw new IllegalArgumentException(op + ": " + name + " = " + z + " is not finite");
        }
        return z;
    }

    /** @return xs when not null and every entry finite, else an exception naming the entry */
    static double[] finite(double[] xs, String op, String name) {
        nonNull(xs, op, name);
        for (int k = 0; k < xs.length; k++) {
            if (!Double.isFinite(xs[k])) {
                throw new IllegalArgumentException(op + ": " + name + "[" + k + "] = " + xs[k] + " is not finite");
            }
        }
        return xs;
    }
}
