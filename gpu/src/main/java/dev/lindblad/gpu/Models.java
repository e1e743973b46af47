package dev.lindblad.gpu;

import static dev.lindblad.Lindblad.basis;
import static dev.lindblad.Lindblad.destroy;
import static dev.lindblad.Lindblad.fock;
import static dev.lindblad.Lindblad.linspace;
import static dev.lindblad.Lindblad.qeye;
import static dev.lindblad.Lindblad.sigmam;
import static dev.lindblad.Lindblad.sigmax;
import static dev.lindblad.Lindblad.sigmaz;
import static dev.lindblad.Lindblad.tensor;

import dev.lindblad.Qobj;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark problems of issue #19, as {@code lindblad bench} defines them (cli's
 * BenchProblems): QuantumToolbox.jl's dissipative Ising chain and "nho" Kerr resonator.
 */
final class Models {

    /** A master-equation problem. */
    record Model(String name, Qobj h, Qobj rho0, List<Qobj> cOps, List<Qobj> eOps, double[] tlist) {
    }

    private Models() {
    }

    /**
     * {@code H = 50 Σ sz_i + 25 Σ sx_i sx_{i+1}} (open chain), {@code c_i = sm_i},
     * {@code psi0 = basis(2,0)^⊗N}, {@code tlist = linspace(0, 10, 100)}, e-op {@code sz} of the last site.
     */
    static Model ising(int n) {
        Qobj h = null;
        for (int i = 0; i < n; i++) {
            Qobj term = site(sigmaz(), i, n).times(50);
            h = h == null ? term : h.plus(term);
        }
        for (int i = 0; i + 1 < n; i++) {
            h = h.plus(site(sigmax(), i, n).times(site(sigmax(), i + 1, n)).times(25));
        }
        List<Qobj> cOps = new ArrayList<>();
        List<Qobj> zeros = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cOps.add(site(sigmam(), i, n));
            zeros.add(basis(2, 0));
        }
        Qobj psi0 = tensor(zeros);
        return new Model("ising N=" + n, h, psi0.times(psi0.dag()), cOps, List.of(site(sigmaz(), n - 1, n)),
                linspace(0, 10, 100));
    }

    /**
     * {@code H = 0.1 a†a + 0.025 a†²a² + 2(a + a†)}, {@code c = sqrt(1.2) a, sqrt(0.2) a†},
     * {@code psi0 = fock(N, 0)}, {@code tlist = linspace(0, 10, 100)}, e-op {@code a†a}.
     */
    static Model nho(int n) {
        Qobj a = destroy(n);
        Qobj ad = a.dag();
        Qobj h = ad.times(a).times(0.1).plus(ad.times(ad).times(a).times(a).times(0.025)).plus(a.plus(ad).times(2));
        Qobj psi0 = fock(n, 0);
        return new Model("nho N=" + n, h, psi0.times(psi0.dag()), List.of(a.times(Math.sqrt(1.2)), ad.times(Math.sqrt(0.2))),
                List.of(ad.times(a)), linspace(0, 10, 100));
    }

    private static Qobj site(Qobj op, int i, int n) {
        List<Qobj> parts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            parts.add(k == i ? op : qeye(2));
        }
        return tensor(parts);
    }
}
