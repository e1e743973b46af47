package dev.lindblad.heom;

import java.util.List;
import java.util.Objects;

/**
 * A bath: the list of exponents of the expansion of its correlation function, as QuTiP's
 * {@code Bath}. Every exponent carries the bath's coupling operator {@code Q}. The solver
 * builds one hierarchy over the exponents of all the baths it is given.
 *
 * <p>Use {@link BosonicBath} or {@link FermionicBath} (or one of the named baths such as
 * {@link DrudeLorentzBath} or {@link LorentzianBath}); this class takes any list of exponents.
 */
public class Bath implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final List<BathExponent> exponents;

    /**
     * @param exponents the exponents, at least one
     * @throws IllegalArgumentException when the list is empty or its coupling operators have
     *                                  different dims
     */
    public Bath(List<BathExponent> exponents) {
        Objects.requireNonNull(exponents, "exponents");
        if (exponents.isEmpty()) {
            throw new IllegalArgumentException("a bath needs at least one exponent");
        }
        for (int k = 0; k < exponents.size(); k++) {
            BathExponent e = Objects.requireNonNull(exponents.get(k), "exponent " + k);
            if (!e.Q().dims().equals(exponents.get(0).Q().dims())) {
                throw new IllegalArgumentException("exponent " + k + " has a coupling operator with dims "
                        + e.Q().dims() + ", exponent 0 has " + exponents.get(0).Q().dims());
            }
        }
        this.exponents = List.copyOf(exponents);
    }

    /** @return the exponents, in hierarchy order (unmodifiable) */
    public final List<BathExponent> exponents() {
        return exponents;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + ": " + exponents.size() + " exponents";
    }
}
