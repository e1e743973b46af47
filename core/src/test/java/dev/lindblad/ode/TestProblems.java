package dev.lindblad.ode;

import java.util.List;

/** Initial value problems with known solutions, after Hipparchus' TestProblems. */
final class TestProblems {

    private TestProblems() {
    }

    /** A problem {@code y' = f(t, y)}, {@code y(t0) = y0}, with its exact solution. */
    interface Problem {
        String name();

        int dimension();

        double t0();

        double[] y0();

        OdeSystem system();

        /** Writes the exact solution at {@code t} into {@code out}. */
        void exact(double t, double[] out);
    }

    record Simple(String name, int dimension, double t0, double[] y0, OdeSystem system, Exact exactSolution)
            implements Problem {
        @Override
        public void exact(double t, double[] out) {
            exactSolution.at(t, out);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    interface Exact {
        void at(double t, double[] out);
    }

    /** {@code y' = -y}, {@code y = e^{-t}}. */
    static Problem decay() {
        return new Simple("decay", 1, 0, new double[] {1}, (t, y, out) -> out[0] = -y[0],
                (t, out) -> out[0] = Math.exp(-t));
    }

    /** {@code x' = v, v' = -x}, {@code (x, v) = (cos t, -sin t)}. */
    static Problem harmonicOscillator() {
        return new Simple("harmonic", 2, 0, new double[] {1, 0}, (t, y, out) -> {
            out[0] = y[1];
            out[1] = -y[0];
        }, (t, out) -> {
            out[0] = Math.cos(t);
            out[1] = -Math.sin(t);
        });
    }

    /**
     * {@code z_k' = -i omega_k z_k} for two complex components stored interleaved,
     * {@code z_k(t) = z_k(0) e^{-i omega_k t}}.
     */
    static Problem complexRotation() {
        double[] omega = {1.0, 2.5};
        double[] z0 = {1.0, 0.5, -0.3, 0.2};
        return new Simple("complex", 4, 0, z0.clone(), (t, y, out) -> {
            for (int k = 0; k < 2; k++) {
                double re = y[2 * k];
                double im = y[2 * k + 1];
                // -i w (re + i im) = w im - i w re
                out[2 * k] = omega[k] * im;
                out[2 * k + 1] = -omega[k] * re;
            }
        }, (t, out) -> {
            for (int k = 0; k < 2; k++) {
                double c = Math.cos(omega[k] * t);
                double s = -Math.sin(omega[k] * t);
                out[2 * k] = z0[2 * k] * c - z0[2 * k + 1] * s;
                out[2 * k + 1] = z0[2 * k] * s + z0[2 * k + 1] * c;
            }
        });
    }

    /** {@code y' = y^2}, {@code y(0) = 0.5}, {@code y = 1 / (2 - t)} (blows up at t = 2). */
    static Problem riccati() {
        return new Simple("riccati", 1, 0, new double[] {0.5}, (t, y, out) -> out[0] = y[0] * y[0],
                (t, out) -> out[0] = 1 / (2 - t));
    }

    /** {@code y' = cos t}, {@code y = sin t}. */
    static Problem timeDependent() {
        return new Simple("cos", 1, 0, new double[] {0}, (t, y, out) -> out[0] = Math.cos(t),
                (t, out) -> out[0] = Math.sin(t));
    }

    /** {@code y' = y cos t}, {@code y = e^{sin t}}: nonlinear in t, for convergence orders. */
    static Problem exponentialOfSine() {
        return new Simple("expsin", 1, 0, new double[] {1}, (t, y, out) -> out[0] = y[0] * Math.cos(t),
                (t, out) -> out[0] = Math.exp(Math.sin(t)));
    }

    static List<Problem> all() {
        return List.of(decay(), harmonicOscillator(), complexRotation(), riccati(), timeDependent());
    }
}
