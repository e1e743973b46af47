package dev.lindblad;

/**
 * A complex time-dependent coefficient {@code f(t)} of a {@link QobjEvo} term. Real
 * coefficients are plain {@link java.util.function.DoubleUnaryOperator}s; this interface
 * carries a different name because a bare lambda cannot be told apart by its return type.
 */
@FunctionalInterface
public interface Coefficient {

    /** @return {@code f(t)} */
    Complex at(double t);
}
