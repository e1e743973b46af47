package dev.lindblad.solver;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import java.util.Objects;

/**
 * An e-op given as a callback: a value computed from the state at each output time, as
 * QuTiP accepts functions {@code f(t, state)} among its e-ops. A real callback is a lambda;
 * a complex one is wrapped by {@link #ofComplex(ComplexExpectFunction)}, and its values are read
 * with {@link Result#expectComplex(int)} ({@link Result#expect(int)} refuses a value whose
 * imaginary part is not zero).
 */
@FunctionalInterface
public interface ExpectFunction {

    /**
     * @param t     the output time
     * @param state the state at t (a ket or density matrix)
     * @return the value to record
     */
    double apply(double t, Qobj state);

    /**
     * The value as a complex number; the solvers record this one. By default
     * {@code apply(t, state) + 0i}.
     *
     * @param t     the output time
     * @param state the state at t
     * @return the value to record
     */
    default Complex applyComplex(double t, Qobj state) {
        return new Complex(apply(t, state), 0);
    }

    /**
     * A complex-valued callback, as QuTiP's e-op functions that return a complex number.
     */
    @FunctionalInterface
    interface ComplexExpectFunction {
        /**
         * @param t     the output time
         * @param state the state at t
         * @return the complex value to record
         */
        Complex apply(double t, Qobj state);
    }

    /**
     * Wraps a complex callback: the solvers record {@code f(t, state)} with its imaginary part;
     * {@link #apply(double, Qobj)} of the wrapper gives the real part when the imaginary part is
     * zero and throws otherwise.
     *
     * @param f the complex callback
     * @return an e-op callback recording complex values
     */
    static ExpectFunction ofComplex(ComplexExpectFunction f) {
        Objects.requireNonNull(f, "ofComplex: f is null");
        return new ExpectFunction() {
            @Override
            public double apply(double t, Qobj state) {
                Complex z = applyComplex(t, state);
                if (z.im() != 0) {
                    throw new IllegalStateException("ExpectFunction.apply: the callback's value " + z
                            + " is complex; use applyComplex");
                }
                return z.re();
            }

            @Override
            public Complex applyComplex(double t, Qobj state) {
                Complex z = f.apply(t, state);
                if (z == null) {
                    throw new IllegalStateException("the complex e-op callback returned null at t = " + t);
                }
                return z;
            }
        };
    }
}
