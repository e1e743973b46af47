package dev.lindblad.heom;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import dev.lindblad.data.DenseMatrix;

/** Small numerical helpers shared by the bath classes (package-private). */
final class BathFunctions {
    private BathFunctions() {
    }

    static void checkPositive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }

    static void checkFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
    }

    static void checkNk(int nk, int min) {
        if (nk < min) {
            throw new IllegalArgumentException("Nk must be >= " + min + ", got " + nk);
        }
    }

    /** @return the Bose–Einstein occupation {@code 1 / (e^{w/T} - 1)} */
    static double nThermal(double w, double temperature) {
        return 1.0 / Math.expm1(w / temperature);
    }

    /** @return {@code cot(x)} */
    static double cot(double x) {
        return Math.cos(x) / Math.sin(x);
    }

    /** @return {@code coth(x)} for a complex argument */
    static Complex coth(Complex z) {
        // coth z = (e^{2z} + 1) / (e^{2z} - 1)
        Complex e = z.times(2).exp();
        return e.plus(1).div(e.plus(-1));
    }

    /** @return the Fermi function {@code 1 / (e^z + 1)} of a complex argument */
    static Complex fermi(Complex z) {
        return Complex.ONE.div(z.exp().plus(1));
    }

    /**
     * Eigenvalues, ascending, of the real symmetric tridiagonal matrix with zero diagonal and
     * off-diagonal {@code offDiagonal[k]} between rows k and k+1, by the dense Hermitian
     * eigensolver (the matrices of the Padé decompositions are small, 2Nk at most).
     */
    static double[] tridiagonalEigenvalues(double[] offDiagonal) {
        int n = offDiagonal.length + 1;
        double[][] a = new double[n][n];
        for (int k = 0; k < offDiagonal.length; k++) {
            a[k][k + 1] = offDiagonal[k];
            a[k + 1][k] = offDiagonal[k];
        }
        return Qobj.fromArray(a).eigenenergies();
    }

    /** @return whether two operators agree entrywise: {@code |a - b| <= atol + rtol |b|} */
    static boolean allClose(Qobj a, Qobj b, double rtol, double atol) {
        if (!a.dims().equals(b.dims())) {
            return false;
        }
        DenseMatrix x = a.data().toDense();
        DenseMatrix y = b.data().toDense();
        double[] p = x.array();
        double[] q = y.array();
        int n = 2 * x.rows() * x.cols();
        for (int i = 0; i < n; i += 2) {
            double dr = p[i] - q[i];
            double di = p[i + 1] - q[i + 1];
            if (Math.hypot(dr, di) > atol + rtol * Math.hypot(q[i], q[i + 1])) {
                return false;
            }
        }
        return true;
    }

    /** @return whether {@code |a - b| <= atol + rtol |b|} (numpy's isclose) */
    static boolean isClose(Complex a, Complex b, double rtol, double atol) {
        return a.minus(b).abs() <= atol + rtol * b.abs();
    }
}
