package dev.lindblad.ode;

import java.util.List;
import java.util.Objects;

/** Creates integrators by method name, as QuTiP's {@code options={"method": ...}}. */
public final class Integrators {

    /** The method names accepted by {@link #create}. */
    public static final List<String> METHODS = List.of("adams", "dopri5", "dop853", "tsit5", "vern7", "vern9");

    private Integrators() {
    }

    /**
     * The number of state-sized {@code double[]} arrays an integrator of this method allocates
     * (stages, history, interpolation and error scratch), for memory estimates made before a
     * large run: Adams keeps 14 history rows and 8 more, the Runge–Kutta pairs their stages
     * (with the extra stages of their interpolants) and 5 more.
     *
     * @param method a method of {@link #METHODS}
     * @return the number of arrays of {@code dimension} doubles
     */
    public static int stateArrays(String method) {
        Objects.requireNonNull(method, "method");
        return switch (method) {
            case "adams" -> 22;
            case "dopri5" -> 16;
            case "tsit5" -> 12;
            case "dop853" -> 28;
            case "vern7" -> 21;
            case "vern9" -> 31;
            default -> throw new IllegalArgumentException("unknown integration method '" + method
                    + "'; valid names are " + METHODS);
        };
    }

    /**
     * Creates an integrator for {@code y' = f(t, y)} with {@code dimension} real unknowns.
     *
     * <ul>
     *   <li>{@code "dopri5"}: Dormand–Prince 5(4) with its 4th-order continuous extension;</li>
     *   <li>{@code "dop853"}: Hairer's DOP853, 8(5,3), with its 7th-order dense output;</li>
     *   <li>{@code "tsit5"}: Tsitouras 5(4) (2011) with its 4th-order interpolant;</li>
     *   <li>{@code "vern7"}: Verner's "most efficient" 7(6) pair with its 7th-order interpolant;</li>
     *   <li>{@code "vern9"}: Verner's "most efficient" 9(8) pair with its 9th-order interpolant;</li>
     *   <li>{@code "adams"}: variable-order (1 to 12), variable-step Adams–Bashforth–Moulton
     *       PECE, as QuTiP's default (zvode/lsoda "adams").</li>
     * </ul>
     *
     * @param method    the method name, one of {@link #METHODS}
     * @param dimension the number of real unknowns ({@code 2n} for {@code n} complex ones)
     * @param system    the right-hand side
     * @param options   tolerances and step limits
     * @return a new integrator; call {@link Integrator#reset} before integrating
     * @throws IllegalArgumentException for an unknown method name or a dimension below 1
     */
    public static Integrator create(String method, int dimension, OdeSystem system, IntegratorOptions options) {
        Objects.requireNonNull(method, "method");
        return switch (method) {
            case "dopri5" -> new DormandPrince5Integrator(dimension, system, options);
            case "tsit5" -> new Tsitouras5Integrator(dimension, system, options);
            case "dop853" -> new DormandPrince853Integrator(dimension, system, options);
            case "vern7" -> new Verner7Integrator(dimension, system, options);
            case "vern9" -> new Verner9Integrator(dimension, system, options);
            case "adams" -> new AdamsIntegrator(dimension, system, options);
            default -> throw new IllegalArgumentException("unknown integration method '" + method
                    + "'; valid names are " + METHODS);
        };
    }
}
