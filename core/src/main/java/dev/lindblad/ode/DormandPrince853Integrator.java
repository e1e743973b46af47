package dev.lindblad.ode;

/**
 * Hairer's DOP853: the explicit Runge–Kutta method of order 8 of Dormand &amp; Prince
 * (Prince &amp; Dormand, J. Comput. Appl. Math. 7, 67–75, 1981) with the error estimator
 * "8(5,3)" and the 7th-order dense output of Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>,
 * §II.10 and the DOP853 code. Twelve stages plus the derivative at the new point (reused as
 * the next step's first stage); the dense output costs three further stages, evaluated only
 * for steps in which a time is interpolated.
 *
 * <p>Error: with {@code e5 = sum er_s k_s} and {@code e3 = sum (b_s - bhh_s) k_s} weighted by
 * {@code sk = atol + rtol max(|y0|, |y1|)}, {@code err = |h| E5 / sqrt(n (E5 + 0.01 E3))},
 * where {@code E5}, {@code E3} are the sums of squares. Standard controller
 * ({@code err^(1/8)}), {@code h_new / h} in {@code [1/3, 6]}, as DOP853.
 *
 * <p>Dense output ({@code s = theta}, {@code s1 = 1 - s}):
 * {@code y = r1 + s (r2 + s1 (r3 + s (r4 + s1 (r5 + s (r6 + s1 (r7 + s r8))))))} with
 * {@code r1 = y0}, {@code r2 = y1 - y0}, {@code r3 = h k1 - r2}, {@code r4 = r2 - h k13 - r3},
 * and {@code r5..r8 = h sum d_s k_s} over the 16 stages. Coefficients from the DOP853
 * distribution (Hairer's tables), rounded to double.
 */
final class DormandPrince853Integrator extends RungeKuttaIntegrator {

    private static final double[] C = {0.0, 0.05260015195876773, 0.0789002279381516, 0.1183503419072274, 0.2816496580927726, 0.3333333333333333, 0.25, 0.3076923076923077, 0.6512820512820513, 0.6, 0.8571428571428571, 1.0, 1.0};
    private static final double[][] A = {
        {},
        {0.05260015195876773},
        {0.0197250569845379, 0.0591751709536137},
        {0.02958758547680685, 0.0, 0.08876275643042054},
        {0.2413651341592667, 0.0, -0.8845494793282861, 0.924834003261792},
        {0.037037037037037035, 0.0, 0.0, 0.17082860872947386, 0.12546768756682242},
        {0.037109375, 0.0, 0.0, 0.17025221101954405, 0.06021653898045596, -0.017578125},
        {0.03709200011850479, 0.0, 0.0, 0.17038392571223998, 0.10726203044637328, -0.015319437748624402, 0.008273789163814023},
        {0.6241109587160757, 0.0, 0.0, -3.3608926294469414, -0.868219346841726, 27.59209969944671, 20.154067550477894, -43.48988418106996},
        {0.47766253643826434, 0.0, 0.0, -2.4881146199716677, -0.590290826836843, 21.230051448181193, 15.279233632882423, -33.28821096898486, -0.020331201708508627},
        {-0.9371424300859873, 0.0, 0.0, 5.186372428844064, 1.0914373489967295, -8.149787010746927, -18.52006565999696, 22.739487099350505, 2.4936055526796523, -3.0467644718982196},
        {2.273310147516538, 0.0, 0.0, -10.53449546673725, -2.0008720582248625, -17.9589318631188, 27.94888452941996, -2.8589982771350235, -8.87285693353063, 12.360567175794303, 0.6433927460157636},
        {0.054293734116568765, 0.0, 0.0, 0.0, 0.0, 4.450312892752409, 1.8915178993145003, -5.801203960010585, 0.3111643669578199, -0.1521609496625161, 0.20136540080403034, 0.04471061572777259},
    };
    private static final double[] B = {0.054293734116568765, 0.0, 0.0, 0.0, 0.0, 4.450312892752409, 1.8915178993145003, -5.801203960010585, 0.3111643669578199, -0.1521609496625161, 0.20136540080403034, 0.04471061572777259, 0.0};
    /** 5th-order error weights (Hairer's er1..er12). */
    private static final double[] E5 = {0.01312004499419488, 0.0, 0.0, 0.0, 0.0, -1.2251564463762044, -0.4957589496572502, 1.6643771824549864, -0.35032884874997366, 0.3341791187130175, 0.08192320648511571, -0.022355307863886294, 0.0};
    /** 3rd-order error weights {@code b - bhh} (Hairer's bhh1..bhh3 at stages 1, 9, 12). */
    private static final double[] E3 = {-0.18980075407240762, 0.0, 0.0, 0.0, 0.0, 4.450312892752409, 1.8915178993145003, -5.801203960010585, -0.4226823213237919, -0.1521609496625161, 0.20136540080403034, 0.02265179219836082, 0.0};
    /** Extra stages 14..16 for the dense output: nodes and rows (over stages 1..15). */
    private static final double[] C_EXTRA = {0.1, 0.2, 0.7777777777777778};
    private static final double[][] A_EXTRA = {
        {0.056167502283047954, 0.0, 0.0, 0.0, 0.0, 0.0, 0.25350021021662483, -0.2462390374708025, -0.12419142326381637, 0.15329179827876568, 0.00820105229563469, 0.007567897660545699, -0.008298},
        {0.03183464816350214, 0.0, 0.0, 0.0, 0.0, 0.028300909672366776, 0.053541988307438566, -0.05492374857139099, 0.0, 0.0, -0.00010834732869724932, 0.0003825710908356584, -0.00034046500868740456, 0.1413124436746325},
        {-0.42889630158379194, 0.0, 0.0, 0.0, 0.0, -4.697621415361164, 7.683421196062599, 4.06898981839711, 0.3567271874552811, 0.0, 0.0, 0.0, -0.0013990241651590145, 2.9475147891527724, -9.15095847217987},
    };
    /** Dense-output weights d4.., d5.., d6.., d7.. over the 16 stages. */
    private static final double[][] D = {
        {-8.428938276109013, 0.0, 0.0, 0.0, 0.0, 0.5667149535193777, -3.0689499459498917, 2.38466765651207, 2.117034582445028, -0.871391583777973, 2.2404374302607883, 0.6315787787694688, -0.08899033645133331, 18.148505520854727, -9.194632392478356, -4.436036387594894},
        {10.427508642579134, 0.0, 0.0, 0.0, 0.0, 242.28349177525817, 165.20045171727028, -374.5467547226902, -22.113666853125306, 7.733432668472264, -30.674084731089398, -9.332130526430229, 15.697238121770845, -31.139403219565178, -9.35292435884448, 35.81684148639408},
        {19.985053242002433, 0.0, 0.0, 0.0, 0.0, -387.0373087493518, -189.17813819516758, 527.8081592054236, -11.57390253995963, 6.8812326946963, -1.0006050966910838, 0.7777137798053443, -2.778205752353508, -60.19669523126412, 84.32040550667716, 11.99229113618279},
        {-25.69393346270375, 0.0, 0.0, 0.0, 0.0, -154.18974869023643, -231.5293791760455, 357.6391179106141, 93.40532418362432, -37.45832313645163, 104.0996495089623, 29.8402934266605, -43.53345659001114, 96.32455395918828, -39.17726167561544, -149.72683625798564},
    };


    /** Dense-output coefficient vectors r2..r8 (r1 is yStart). */
    private final double[][] r;

    DormandPrince853Integrator(int dimension, OdeSystem system, IntegratorOptions options) {
        super("dop853", dimension, system, options, C, A, B, E5, 8, 7, 0.0, 1.0 / 3, 6.0, 3);
        r = new double[7][dimension];
    }

    @Override
    double errorNorm(double h) {
        double atol = options.atol();
        double rtol = options.rtol();
        double sum5 = 0;
        double sum3 = 0;
        double finiteCheck = 0;
        for (int i = 0; i < dimension; i++) {
            double err5 = 0;
            double err3 = 0;
            for (int s = 0; s < 12; s++) {
                double ks = k[s][i];
                err5 += E5[s] * ks;
                err3 += E3[s] * ks;
            }
            double sk = atol + rtol * Math.max(Math.abs(yStart[i]), Math.abs(yEnd[i]));
            err5 /= sk;
            err3 /= sk;
            sum5 += err5 * err5;
            sum3 += err3 * err3;
            finiteCheck += yEnd[i] * 0.0 + k[12][i] * 0.0;
        }
        double denominator = sum5 + 0.01 * sum3;
        if (denominator <= 0) {
            denominator = 1;
        }
        return Math.abs(h) * sum5 * Math.sqrt(1.0 / (dimension * denominator)) + finiteCheck;
    }

    @Override
    void prepareDenseOutput() {
        double h = tEnd - tStart;
        for (int extra = 0; extra < 3; extra++) {
            int stage = 13 + extra;
            combine(yStage, A_EXTRA[extra], stage, h);
            evaluateRhs(tStart + C_EXTRA[extra] * h, yStage, k[stage]);
        }
        for (int i = 0; i < dimension; i++) {
            double difference = yEnd[i] - yStart[i];
            double slope = h * k[0][i] - difference;
            r[0][i] = difference;
            r[1][i] = slope;
            r[2][i] = difference - h * k[12][i] - slope;
            for (int row = 0; row < 4; row++) {
                double[] d = D[row];
                double sum = 0;
                for (int s = 0; s < 16; s++) {
                    sum += d[s] * k[s][i];
                }
                r[3 + row][i] = h * sum;
            }
        }
    }

    @Override
    void interpolate(double theta, double h, double[] out) {
        double s = theta;
        double s1 = 1 - theta;
        double[] r2 = r[0];
        double[] r3 = r[1];
        double[] r4 = r[2];
        double[] r5 = r[3];
        double[] r6 = r[4];
        double[] r7 = r[5];
        double[] r8 = r[6];
        for (int i = 0; i < dimension; i++) {
            out[i] = yStart[i] + s * (r2[i] + s1 * (r3[i] + s * (r4[i] + s1 * (r5[i]
                    + s * (r6[i] + s1 * (r7[i] + s * r8[i]))))));
        }
    }
}
