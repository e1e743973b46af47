package dev.lindblad.foreign;

import static dev.lindblad.Lindblad.destroy;
import static dev.lindblad.Lindblad.qeye;
import static dev.lindblad.Lindblad.tensor;

import dev.lindblad.Qobj;
import dev.lindblad.data.DenseMatrix;
import java.util.List;

/**
 * A driven Jaynes–Cummings system with a three-level (ladder) atom: cavity a (N levels), atom
 * lowering operator {@code s = |g><e| + sqrt(2) |e><f|}, levels g, e, f at energies 0, wa, 2 wa + 
 * anharmonicity, {@code H = wc a†a + Σ E_k |k><k| + g (a† s + a s†) + eps (a + a†)}, cavity decay
 * kappa, atomic decay gamma, atomic dephasing on |f>.
 */
final class JaynesCummings3 {

    private JaynesCummings3() {
    }

    /** @return H followed by the collapse operators */
    static List<Qobj> system(int levels) {
        double wc = 1.0, wa = 1.0, anharmonicity = -0.2, g = 0.1, eps = 0.2, kappa = 0.1, gamma = 0.05, dephasing = 0.02;
        double[] s3 = new double[2 * 9];
        s3[2 * (0 + 1 * 3)] = 1;                 // |g><e|
        s3[2 * (1 + 2 * 3)] = Math.sqrt(2);      // |e><f|
        Qobj s = Qobj.of(DenseMatrix.wrap(3, 3, s3));
        double[] e3 = new double[2 * 9];
        e3[2 * (1 + 1 * 3)] = wa;
        e3[2 * (2 + 2 * 3)] = 2 * wa + anharmonicity;
        Qobj energies = Qobj.of(DenseMatrix.wrap(3, 3, e3));
        double[] f3 = new double[2 * 9];
        f3[2 * (2 + 2 * 3)] = 1;
        Qobj projectorF = Qobj.of(DenseMatrix.wrap(3, 3, f3));
        Qobj a = tensor(destroy(levels), qeye(3));
        Qobj sm = tensor(qeye(levels), s);
        Qobj h = a.dag().times(a).times(wc).plus(tensor(qeye(levels), energies))
                .plus(a.dag().times(sm).plus(a.times(sm.dag())).times(g))
                .plus(a.plus(a.dag()).times(eps));
        return List.of(h, a.times(Math.sqrt(kappa)), sm.times(Math.sqrt(gamma)),
                tensor(qeye(levels), projectorF).times(Math.sqrt(dephasing)));
    }
}
