package dev.lindblad.ode;

/**
 * Tsitouras 5(4) pair (Ch. Tsitouras, "Runge–Kutta pairs of order 5(4) satisfying only the
 * first column simplifying assumption", Comput. Math. Appl. 62, 770–775, 2011): seven stages,
 * first same as last, with the free 4th-order continuous extension of that paper,
 * {@code y(t0 + theta h) = y0 + h sum_s b_s(theta) k_s}, where
 * {@code b_1(theta) = theta (r11 + r12 theta + r13 theta^2 + r14 theta^3)} and
 * {@code b_s(theta) = theta^2 (r_s2 + r_s3 theta + r_s4 theta^2)}. Coefficients as printed
 * in the paper (rounded to double). Step control: PI with {@code beta = 0.04}, factor in
 * {@code [0.2, 10]}.
 */
final class Tsitouras5Integrator extends RungeKuttaIntegrator {

    private static final double[] C = {0, 0.161, 0.327, 0.9, 0.9800255409045097, 1, 1};
    private static final double[] B = {0.09646076681806523, 0.01, 0.4798896504144996, 1.379008574103742,
        -3.290069515436081, 2.324710524099774, 0};
    private static final double[][] A = {
        {},
        {0.161},
        {-0.008480655492356989, 0.335480655492357},
        {2.8971530571054935, -6.359448489975075, 4.3622954328695815},
        {5.325864828439257, -11.748883564062828, 7.4955393428898365, -0.09249506636175525},
        {5.86145544294642, -12.92096931784711, 8.159367898576159, -0.071584973281401, -0.028269050394068383},
        {0.09646076681806523, 0.01, 0.4798896504144996, 1.379008574103742, -3.290069515436081, 2.324710524099774},
    };
    private static final double[] E = {-0.00178001105222577714, -0.0008164344596567469, 0.007880878010261995,
        -0.1447110071732629, 0.5823571654525552, -0.45808210592918697, 0.015151515151515152};
    /** Interpolant coefficients r_s2, r_s3, r_s4 for stages 2..7 (index 0 is stage 1's r12..r14 with r11 = 1). */
    private static final double[][] R = {
        {-2.763706197274826, 2.9132554618219126, -1.0530884977290216},
        {0.13169999999999998, -0.2234, 0.1017},
        {3.9302962368947516, -5.941033872131505, 2.490627285651253},
        {-12.411077166933676, 30.33818863028232, -16.548102889244902},
        {37.50931341651104, -88.1789048947664, 47.37952196281928},
        {-27.896526289197286, 65.09189467479366, -34.87065786149661},
        {1.5, -4, 2.5},
    };

    private final double[] weights = new double[7];

    Tsitouras5Integrator(int dimension, OdeSystem system, IntegratorOptions options) {
        super("tsit5", dimension, system, options, C, A, B, E, 5, 4, 0.04, 0.2, 10.0, 0);
    }

    @Override
    void prepareDenseOutput() {
        // The interpolant uses the stages of the step directly.
    }

    @Override
    void interpolate(double theta, double h, double[] out) {
        double theta2 = theta * theta;
        weights[0] = theta * (1.0 + theta * (R[0][0] + theta * (R[0][1] + theta * R[0][2])));
        for (int s = 1; s < 7; s++) {
            weights[s] = theta2 * (R[s][0] + theta * (R[s][1] + theta * R[s][2]));
        }
        combine(out, weights, 7, h);
    }
}
