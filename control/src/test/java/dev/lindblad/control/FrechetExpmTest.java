package dev.lindblad.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.linalg.Expm;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The blockwise augmented exponential against the full 2n×2n one, at every Padé degree and with squarings. */
class FrechetExpmTest {

    static double[] random(int n, double scale, SplittableRandom r) {
        double[] a = new double[2 * n * n];
        for (int p = 0; p < a.length; p++) {
            a[p] = scale * (2 * r.nextDouble() - 1);
        }
        return a;
    }

    @Test
    void matchesTheFullAugmentedExponential() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 6;
        // norms from below θ_3 to far above θ_13 (several squarings)
        for (double scale : new double[] {1e-3, 0.02, 0.1, 0.25, 0.5, 1.0, 3.0}) {
            double[] a = random(n, scale, r);
            double[] e = random(n, scale, r);
            double[] aug = new double[8 * n * n];
            int n2 = 2 * n;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < 2; c++) {
                        aug[2 * (i + j * n2) + c] = a[2 * (i + j * n) + c];
                        aug[2 * (i + n + (j + n) * n2) + c] = a[2 * (i + j * n) + c];
                        aug[2 * (i + (j + n) * n2) + c] = e[2 * (i + j * n) + c];
                    }
                }
            }
            double[] full = Expm.expm(n2, aug);
            double[] expA = new double[2 * n * n];
            double[] l = new double[2 * n * n];
            FrechetExpm f = new FrechetExpm(n);
            f.compute(a, e, expA, l);
            double[] alone = new double[2 * n * n];
            f.compute(a, null, alone, null);
            double[] core = Expm.expm(n, a);
            for (int p = 0; p < alone.length; p++) {
                assertTrue(Math.abs(alone[p] - core[p]) <= 1e-13 * Math.max(1, Math.abs(core[p])),
                        "exp(A) alone at scale " + scale);
            }
            double worst = 0;
            double size = 0;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < 2; c++) {
                        double fe = full[2 * (i + j * n2) + c];
                        double fl = full[2 * (i + (j + n) * n2) + c];
                        worst = Math.max(worst, Math.abs(fe - expA[2 * (i + j * n) + c]));
                        worst = Math.max(worst, Math.abs(fl - l[2 * (i + j * n) + c]));
                        size = Math.max(size, Math.max(Math.abs(fe), Math.abs(fl)));
                    }
                }
            }
            assertTrue(worst <= 1e-13 * size, "scale " + scale + ": difference " + worst + " of " + size);
        }
    }
}
