package dev.lindblad.ode;

/**
 * Dormand–Prince 5(4) pair (Dormand &amp; Prince, J. Comput. Appl. Math. 6, 19–26, 1980): seven
 * stages, first same as last, local extrapolation with the 5th-order solution, the 4th-order
 * solution for the error estimate. Dense output is Shampine's 4th-order continuous extension
 * in the form of Hairer's DOPRI5 ({@code CONTD5}; HNW I, §II.6):
 * {@code y(t0 + theta h) = y0 + theta (r1 + (1-theta)(r2 + theta (r3 + (1-theta) r4)))} with
 * {@code r1 = y1 - y0}, {@code r2 = h k1 - r1}, {@code r3 = r1 - h k7 - r2},
 * {@code r4 = h sum d_s k_s}. Step control as DOPRI5: PI with {@code beta = 0.04}, step
 * change factor in {@code [0.2, 10]}.
 */
final class DormandPrince5Integrator extends RungeKuttaIntegrator {

    private static final double[] C = {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1};
    private static final double[][] A = {
        {},
        {1.0 / 5},
        {3.0 / 40, 9.0 / 40},
        {44.0 / 45, -56.0 / 15, 32.0 / 9},
        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
        {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84},
    };
    private static final double[] B = {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84, 0};
    /** {@code b - bHat}, bHat the 4th-order weights. */
    private static final double[] E = {71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200,
        22.0 / 525, -1.0 / 40};
    /** Dense-output coefficients of the continuous extension (Hairer's DOPRI5, d1..d7). */
    private static final double[] D = {-12715105075.0 / 11282082432.0, 0, 87487479700.0 / 32700410799.0,
        -10690763975.0 / 1880347072.0, 701980252875.0 / 199316789632.0, -1453857185.0 / 822651844.0,
        69997945.0 / 29380423.0};

    private final double[] r1;
    private final double[] r2;
    private final double[] r3;
    private final double[] r4;

    DormandPrince5Integrator(int dimension, OdeSystem system, IntegratorOptions options) {
        super("dopri5", dimension, system, options, C, A, B, E, 5, 4, 0.04, 0.2, 10.0, 0);
        r1 = new double[dimension];
        r2 = new double[dimension];
        r3 = new double[dimension];
        r4 = new double[dimension];
    }

    @Override
    void prepareDenseOutput() {
        double h = tEnd - tStart;
        double[] k1 = k[0];
        double[] k7 = k[6];
        for (int i = 0; i < dimension; i++) {
            double difference = yEnd[i] - yStart[i];
            double slope = h * k1[i] - difference;
            r1[i] = difference;
            r2[i] = slope;
            r3[i] = difference - h * k7[i] - slope;
            double sum = 0;
            for (int s = 0; s < 7; s++) {
                sum += D[s] * k[s][i];
            }
            r4[i] = h * sum;
        }
    }

    @Override
    void interpolate(double theta, double h, double[] out) {
        double theta1 = 1 - theta;
        for (int i = 0; i < dimension; i++) {
            out[i] = yStart[i] + theta * (r1[i] + theta1 * (r2[i] + theta * (r3[i] + theta1 * r4[i])));
        }
    }
}
