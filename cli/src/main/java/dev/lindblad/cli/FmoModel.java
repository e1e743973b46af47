package dev.lindblad.cli;

import dev.lindblad.Lindblad;
import dev.lindblad.Qobj;
import dev.lindblad.heom.Bath;
import dev.lindblad.heom.DrudeLorentzBath;
import java.util.ArrayList;
import java.util.List;

/**
 * The Fenna–Matthews–Olson complex of QuTiP's HEOM tutorial (Ishizaki and Fleming, PNAS 106,
 * 17255 (2009)) in angular frequency rad/ps and time in ps: site energies and couplings in
 * cm⁻¹ times {@code 2 pi c} with c = 0.03 cm/ps (the tutorial's 3e10 cm/s), λ = 35 cm⁻¹,
 * 1/γ = 166 fs, T = 300 K (k_B = 0.6949 cm⁻¹/K), one Drude–Lorentz bath (Matsubara, Nk = 1) per
 * site coupled through the site's projector. {@code bench/qutip_peer.py} builds the same.
 */
final class FmoModel {
    /** {@code 2 pi c}: cm⁻¹ to rad/ps. */
    static final double CM = 2 * Math.PI * 0.03;
    static final double LAMBDA = 35 * CM;
    static final double GAMMA = 1 / 0.166;
    static final double TEMPERATURE = 300 * 0.6949 * CM;

    private FmoModel() {
    }

    static Qobj hamiltonian() {
        double[][] h = {
            {200, -87.7, 5.5, -5.9, 6.7, -13.7, -9.9},
            {-87.7, 320, 30.8, 8.2, 0.7, 11.8, 4.3},
            {5.5, 30.8, 0, -53.5, -2.2, -9.6, 6.0},
            {-5.9, 8.2, -53.5, 110, -70.7, -17.0, -63.3},
            {6.7, 0.7, -2.2, -70.7, 270, 81.1, -1.3},
            {-13.7, 11.8, -9.6, -17.0, 81.1, 420, 39.7},
            {-9.9, 4.3, 6.0, -63.3, -1.3, 39.7, 230}};
        return Qobj.fromArray(h).times(CM);
    }

    /** @return the projectors on the seven sites */
    static List<Qobj> populations() {
        List<Qobj> p = new ArrayList<>();
        for (int m = 0; m < 7; m++) {
            p.add(Lindblad.basis(7, m).times(Lindblad.basis(7, m).dag()));
        }
        return p;
    }

    static List<Bath> baths() {
        List<Bath> b = new ArrayList<>();
        for (Qobj p : populations()) {
            b.add(new DrudeLorentzBath(p, LAMBDA, GAMMA, TEMPERATURE, 1));
        }
        return b;
    }
}
