package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.data.DenseMatrix;
import dev.lindblad.testing.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Channel metrics, distances and entropies of issue #15 against QuTiP 5.3.1
 * (reference/channels.txt) and closed forms; the relevant cases of QuTiP's test_metrics.py and
 * test_entropy.py ported.
 */
class ChannelMetricsTest {

    private static final Reference REF = Reference.load("channels");

    private static Qobj matrix(Reference.Case c, String key) {
        return ChannelsTest.matrix(c, key);
    }

    private static Qobj op(Reference.Case c, String key, int... d) {
        return Qobj.of(DenseMatrix.wrap(c.rows(key), c.cols(key), c.complexes(key)), Dims.oper(d));
    }

    private static Qobj ket(Reference.Case c, String key, int n) {
        return Qobj.of(DenseMatrix.wrap(n, 1, c.complexes(key)), Dims.ket(n));
    }

    @Test
    void channelFidelitiesAndUnitarityMatchQutip() {
        for (String name : new String[] {"bcsz2", "bcsz3", "bcsz22", "bcsz2_notp", "damped_rotation"}) {
            Reference.Case c = REF.get(name);
            int[] d = switch (name) {
                case "bcsz3" -> new int[] {3};
                case "bcsz22" -> new int[] {2, 2};
                default -> new int[] {2};
            };
            Qobj s = ChannelsTest.superOp(c, "super", d);
            Qobj u = op(c, "target", d);
            assertEquals(c.scalar("process_fidelity"), processFidelity(s), 1e-14, name);
            assertEquals(c.scalar("process_fidelity"), processFidelity(toChoi(s)), 1e-14, name + " from choi");
            assertEquals(c.scalar("average_gate_fidelity"), averageGateFidelity(s), 1e-14, name);
            assertEquals(c.scalar("process_fidelity_target"), processFidelity(s, u), 1e-14, name + " to U");
            assertEquals(c.scalar("process_fidelity_target"), processFidelity(toChoi(s), u), 1e-14, name);
            assertEquals(c.scalar("average_gate_fidelity_target"), averageGateFidelity(s, u), 1e-14, name + " to U");
            // QuTiP's value takes sqrtm of a rank-1 Choi matrix (~1e-8 rounding); ours agrees
            // with the exact unitary-target value to 1e-10
            assertEquals(c.scalar("process_fidelity_super_target"), processFidelity(s, toSuper(u)), 1e-7, name);
            assertEquals(c.scalar("process_fidelity_target"), processFidelity(s, toSuper(u)), 1e-10, name);
            assertEquals(c.scalar("unitarity"), unitarity(s), 1e-13, name + " unitarity (" + c.text("unitarity_source")
                    + ")");
            assertEquals(c.scalar("unitarity"), unitarity(toChoi(s)), 1e-13, name + " unitarity from choi");
            if (c.scalar("iscp") == 1) {
                List<Qobj> ks = toKraus(s);
                assertEquals(c.scalar("process_fidelity"), processFidelity(ks), 1e-13, name + " kraus");
                assertEquals(c.scalar("process_fidelity_target"), processFidelity(ks, u), 1e-13, name + " kraus to U");
                assertEquals(c.scalar("average_gate_fidelity_target"), averageGateFidelity(ks, u), 1e-13, name);
                assertEquals(c.scalar("average_gate_fidelity"), averageGateFidelity(ks), 1e-13, name);
            }
            if (d.length == 1 && d[0] == 2) {
                assertEquals(c.scalar("process_fidelity"), processFidelity(toChi(s)), 1e-13, name + " from chi");
            }
        }
    }

    @Test
    void qutipFidelityCasesPorted() {
        // test_average_gate_fidelity: identity, bounds, AGF(U, U) = 1, the pre-5.0 formula
        for (int n : new int[] {2, 5, 10}) {
            assertEquals(1, averageGateFidelity(qeye(n)), 1e-12);
            assertEquals(1, processFidelity(toSuper(qeye(n))), 1e-12);
            Qobj ch = randSuperBcsz(n, 40 + n);
            double f = averageGateFidelity(ch);
            assertTrue(f >= -1e-12 && f <= 1 + 1e-12, "bounded " + f);
            Qobj u = randUnitary(n, 50 + n);
            assertEquals(1, averageGateFidelity(toSuper(u), u), 1e-12, "AGF(U, U)");
            assertEquals(1, processFidelity(u, u), 1e-12);
            assertEquals(1, processFidelity(toSuper(u), toSuper(u)), 1e-7);
        }
        Qobj oper = randSuperBcsz(16, 61);
        Qobj target = randUnitary(16, 62);
        double sum = 0;
        for (Qobj k : toKraus(oper)) {
            double t = k.times(target.dag()).tr().abs();
            sum += t * t;
        }
        assertEquals((16 + sum) / (16 * 16 + 16), averageGateFidelity(oper, target), 1e-12, "pre-5.0 formula");
        // |tr(V^† U)|² / d² for two unitaries
        Qobj u = randUnitary(3, 63), v = randUnitary(3, 64);
        double t = v.dag().times(u).tr().abs();
        assertEquals(t * t / 9, processFidelity(u, v), 1e-14);
        assertEquals(t * t / 9, processFidelity(toSuper(u), v), 1e-14);
        assertEquals(t * t / 9, processFidelity(v, toSuper(u)), 1e-10);
        // superrep does not change the process fidelity (test_process_fidelity_identical_channels)
        Qobj ch = randSuperBcsz(2, 65);
        for (Qobj rep : List.of(ch, toChoi(ch), toChi(ch))) {
            assertEquals(1, processFidelity(rep, ch), 1e-7);
        }
    }

    @Test
    void unitarityKnownCases() {
        // QuTiP's Test_unitarity.test_known_cases
        assertEquals(1, unitarity(toSuper(sigmax())), 1e-14);
        Qobj paulis = toSuper(qeye(2)).plus(toSuper(sigmax())).plus(toSuper(sigmay())).plus(toSuper(sigmaz()))
                .times(0.25);
        assertEquals(0, unitarity(paulis), 1e-14);
        assertEquals(1.0 / 3, unitarity(toSuper(qeye(2)).plus(toSuper(sigmax())).times(0.5)), 1e-14);
        for (int nq = 1; nq <= 3; nq++) {
            double u = unitarity(randSuperBcsz(1 << nq, 70 + nq));
            assertTrue(u >= -1e-12 && u <= 1 + 1e-12, "bounded " + u);
        }
        // any dimension: a unitary channel has unitarity 1
        assertEquals(1, unitarity(randUnitary(5, 71)), 1e-12);
        assertEquals(1, unitarity(toSuper(randUnitary(3, 72))), 1e-12);
    }

    @Test
    void distancesMatchQutip() {
        Reference.Case c = REF.get("distances");
        Qobj rho = op(c, "rho", 4), sigma = op(c, "sigma", 4), psi = ket(c, "psi", 4), phi = ket(c, "phi", 4);
        Object[][] pairs = {{"rho_sigma", rho, sigma}, {"psi_sigma", psi, sigma}, {"psi_phi", psi, phi},
            {"rho_phi", rho, phi}};
        for (Object[] p : pairs) {
            String tag = (String) p[0];
            Qobj a = (Qobj) p[1], b = (Qobj) p[2];
            // QuTiP takes sqrtm of a rank-deficient matrix (1e-8 rounding) where a ket is involved
            double tol = tag.equals("rho_sigma") ? 1e-12 : 1e-7;
            assertEquals(c.scalar("hellinger_" + tag), hellingerDist(a, b), tol, "hellinger " + tag);
            assertEquals(c.scalar("bures_dist_" + tag), buresDist(a, b), tol, "bures " + tag);
            assertEquals(c.scalar("bures_angle_" + tag), buresAngle(a, b), tol, "bures angle " + tag);
            assertEquals(hellingerDist(a, b), hellingerDist(b, a), 1e-12, "symmetric");
        }
        // closed forms for pure states: D_H = sqrt(2(1 - |<a|b>|²)), D_B = sqrt(2(1 - |<a|b>|))
        double o = psi.overlap(phi).abs();
        assertEquals(Math.sqrt(2 * (1 - o * o)), hellingerDist(psi, phi), 1e-14);
        assertEquals(Math.sqrt(2 * (1 - o)), buresDist(psi, phi), 1e-14);
        assertEquals(Math.acos(o), buresAngle(psi, phi), 1e-14);
        assertEquals(Math.sqrt(2 * (1 - o * o)), hellingerDist(ketToDm(psi), ketToDm(phi)), 1e-12, "dm of pure states");
    }

    @Test
    void distanceIdentitiesAndBounds() {
        for (int n : new int[] {2, 5}) {
            Qobj a = randDm(n, 80 + n), b = randDm(n, 90 + n);
            assertEquals(0, hellingerDist(a, a), 1e-7);
            assertEquals(0, buresDist(a, a), 1e-7);
            assertEquals(0, buresAngle(a, a), 1e-6);
            // orthogonal states: sqrt 2 and π/2
            Qobj k0 = basis(n, 0), k1 = basis(n, 1);
            assertEquals(Math.sqrt(2), hellingerDist(k0, k1), 1e-15);
            assertEquals(Math.sqrt(2), buresDist(k0, ketToDm(k1)), 1e-15);
            assertEquals(Math.PI / 2, buresAngle(ketToDm(k0), ketToDm(k1)), 1e-15);
            // TestComparisons: 1 - F <= T, D_B <= D_H
            assertTrue(1 - fidelity(a, b) <= tracedist(a, b) + 1e-12);
            assertTrue(buresDist(a, b) <= hellingerDist(a, b) + 1e-12);
        }
        // monotonicity under tensor products (QuTiP's test_monotonicity), equality when the
        // second factors agree
        Qobj ra = randDm(3, 1), rb = randDm(3, 2), sa = randDm(3, 3), sb = randDm(3, 4);
        double dist = hellingerDist(ra, sa);
        assertTrue(hellingerDist(tensor(ra, rb), tensor(sa, sb)) + 1e-12 > dist);
        assertEquals(dist, hellingerDist(tensor(ra, sb), tensor(sa, sb)), 1e-10);
        // QuTiP's fidelity docstring example: hellinger_dist(fock_dm(5,3), coherent_dm(5,1))
        assertEquals(1.3725145002591095, hellingerDist(fockDm(5, 3), coherentDm(5, 1)), 1e-7);
        assertThrows(DimensionMismatchException.class, () -> hellingerDist(qeye(2), qeye(3)));
        assertThrows(DimensionMismatchException.class, () -> buresDist(basis(2, 0), basis(3, 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> buresAngle(spre(qeye(2)), spre(qeye(2))));
        assertTrue(e.getMessage().startsWith("buresAngle"), e.getMessage());
    }

    @Test
    void dnormOfUnitaryDifferencesMatchesTheNumericalRangeFormula() {
        Reference.Case c = REF.get("dnorm_unitaries");
        assertEquals(c.scalar("dnorm3"), dnorm(op(c, "u3", 3), op(c, "v3", 3)), 1e-12);
        assertEquals(c.scalar("dnorm4"), dnorm(op(c, "u4", 4), op(c, "v4", 4)), 1e-12);
        double close = dnorm(op(c, "u_close", 3), op(c, "v_close", 3));
        assertEquals(c.scalar("dnorm_close"), close, 1e-12);
        assertTrue(close < 2 - 1e-3, "a hull away from 0 gives less than 2: " + close);
        // QuTiP's test_qubit_simple_known_cases and the overrotation rows of test_qubit_known_cases
        assertEquals(2, dnorm(qeye(2), sigmax()), 1e-14);
        Qobj h = Qobj.fromArray(new double[][] {{1, 1}, {-1, 1}}).times(Math.sqrt(0.5));
        assertEquals(Math.sqrt(2), dnorm(h, qeye(2)), 1e-14);
        double[][] overrotation = {{1.0e-3, 3.141591e-03}, {3.1e-3, 9.738899e-03}, {1.0e-2, 3.141463e-02},
            {3.1e-2, 9.735089e-02}, {1.0e-1, 3.128689e-01}, {3.1e-1, 9.358596e-01}};
        for (double[] row : overrotation) {
            Qobj u = sigmax().times(Complex.of(0, Math.PI * row[0] / 2)).expm();
            assertEquals(row[1], dnorm(u, qeye(2)), 1e-6, "overrotation " + row[0]);
            // the closed form is 2 sin(π x / 2)
            assertEquals(2 * Math.sin(Math.PI * row[0] / 2), dnorm(u, qeye(2)), 1e-13);
        }
        // unitary channels given as superoperators or Choi matrices (QuTiP's overrotation rows
        // call dnorm(to_super(U), to_choi(1)))
        for (double[] row : overrotation) {
            Qobj su = toSuper(sigmax().times(Complex.of(0, Math.PI * row[0] / 2)).expm());
            assertEquals(row[1], dnorm(su, toChoi(qeye(2))), 1e-6, "overrotation super " + row[0]);
        }
        assertEquals(2, dnorm(toChoi(qeye(2)), toChoi(sigmax())), 1e-12, "dnorm(id_chan, X_chan)");
        assertEquals(Math.sqrt(2), dnorm(toChi(h), toSuper(qeye(2))), 1e-12);
        // identical unitaries: 0; a global phase is no difference
        Qobj u = randUnitary(4, 5);
        assertEquals(0, dnorm(u, u), 1e-7);
        assertEquals(0, dnorm(u, u.times(Complex.of(Math.cos(0.4), Math.sin(0.4)))), 1e-7);
    }

    @Test
    void dnormClosedFormsAndRefusal() {
        // CPTP maps: 1 (test_cptp_case); CP maps: ||Φ*(1)||_∞
        for (int n : new int[] {2, 3}) {
            assertEquals(1, dnorm(randSuperBcsz(n, 10 + n)), 0);
            assertEquals(1, dnorm(randUnitary(n, 20 + n)), 0);
        }
        Qobj h = Qobj.fromArray(new double[][] {{1, 1}, {-1, 1}}).times(Math.sqrt(0.5));
        Qobj a = destroy(3);
        // X -> a X a^†: Φ*(1) = a^† a = diag(0, 1, 2)
        assertEquals(2, dnorm(a), 1e-13);
        assertEquals(2, dnorm(toSuper(a).times(2), toSuper(a)), 1e-13, "a CP difference");
        // scaling (test_qubit_scalar on CP maps)
        Qobj notTp = RandomObjects.randSuperBcsz(new int[] {2}, false, 2, RandomObjects.generator(5));
        assertEquals(0.5 * dnorm(notTp), dnorm(notTp.times(0.5)), 1e-13);
        // the difference of two channels that are not unitary needs the SDP: refused, saying so
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> dnorm(randSuperBcsz(2, 1), randSuperBcsz(2, 2)));
        assertTrue(e.getMessage().startsWith("dnorm") && e.getMessage().contains("semidefinite program"),
                e.getMessage());
        // QuTiP's depolarising (chi = 1) and Hadamard-mixture cases need the SDP: refused
        Qobj depol = toChoi(Qobj.of(qeye(4).data(), Dims.superOf(Dims.oper(2)).withSuperrep("chi")));
        assertThrows(UnsupportedOperationException.class, () -> dnorm(toChoi(qeye(2)), depol));
        Qobj hadMixture = toSuper(qeye(2)).times(0.9).plus(toSuper(h).times(0.1));
        assertThrows(UnsupportedOperationException.class, () -> dnorm(hadMixture, toChoi(qeye(2))));
        // the partial transpose is not CP: refused
        double[][] swap = {{1, 0, 0, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}};
        Qobj pt = Qobj.of(Qobj.fromArray(swap).data(), Dims.superOf(Dims.oper(2)).withSuperrep("choi"));
        assertThrows(UnsupportedOperationException.class, () -> dnorm(pt));
        assertThrows(DimensionMismatchException.class, () -> dnorm(qeye(2), qeye(3)));
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> dnorm(basis(2, 0)));
        assertTrue(e2.getMessage().startsWith("dnorm"), e2.getMessage());
    }

    @Test
    void channelMetricsRefuseBadInput() {
        Qobj ket = basis(2, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> processFidelity(ket));
        assertTrue(e.getMessage().startsWith("processFidelity"), e.getMessage());
        // a non-square map
        double[][] iso = new double[4][2];
        iso[0][0] = 1;
        iso[3][1] = 1;
        Qobj k = Qobj.fromArray(iso);
        e = assertThrows(IllegalArgumentException.class, () -> processFidelity(List.of(k)));
        assertTrue(e.getMessage().contains("dimension-preserving"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> unitarity(sprepost(k, k.dag())));
        assertTrue(e.getMessage().startsWith("unitarity"), e.getMessage());
        assertThrows(DimensionMismatchException.class, () -> processFidelity(qeye(2), qeye(3)));
        e = assertThrows(IllegalArgumentException.class, () -> averageGateFidelity(qeye(2), toSuper(qeye(2))));
        assertTrue(e.getMessage().contains("target must be an operator"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> processFidelity(List.of()));
        assertTrue(e.getMessage().startsWith("processFidelity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> unitarity(qeye(1)));
        assertTrue(e.getMessage().startsWith("unitarity"), e.getMessage());
    }

    @Test
    void entropiesMatchQutip() {
        Reference.Case c = REF.get("entropies");
        Qobj rho = op(c, "rho", 2, 3), sigma = op(c, "sigma", 2, 3);
        assertEquals(c.scalar("mutual"), entropyMutual(rho, new int[] {0}, new int[] {1}), 1e-13);
        assertEquals(c.scalar("mutual_base2"), entropyMutual(rho, new int[] {0}, new int[] {1}, 2), 1e-13);
        assertEquals(c.scalar("conditional_b1"), entropyConditional(rho, new int[] {1}), 1e-13);
        assertEquals(c.scalar("conditional_b0_base2"), entropyConditional(rho, new int[] {0}, 2), 1e-13);
        assertEquals(c.scalar("relative"), entropyRelative(rho, sigma), 1e-12);
        assertEquals(c.scalar("relative_base2"), entropyRelative(rho, sigma, 2), 1e-12);
        assertEquals(c.scalar("relative_reversed"), entropyRelative(sigma, rho), 1e-12);
    }

    @Test
    void entropyClosedForms() {
        // QuTiP's test_entropy: Bell states have mutual information 2 ln 2 and conditional
        // entropy -ln 2; product states 0 and S(A)
        Qobj bell = bellState("00");
        assertEquals(2 * Math.log(2), entropyMutual(ketToDm(bell), new int[] {0}, new int[] {1}), 1e-13);
        assertEquals(2, entropyMutual(bell, new int[] {0}, new int[] {1}, 2), 1e-13);
        assertEquals(-Math.log(2), entropyConditional(ketToDm(bell), new int[] {1}), 1e-13);
        Qobj a = randDm(2, 3), b = randDm(3, 4);
        Qobj prod = tensor(a, b);
        assertEquals(0, entropyMutual(prod, new int[] {0}, new int[] {1}), 1e-12);
        assertEquals(0, entropyMutual(prod, new int[] {1}, new int[] {0}), 1e-12);
        assertEquals(entropyVn(a), entropyConditional(prod, new int[] {1}), 1e-12);
        // relative entropy: QuTiP's docstring example, 1 bit / ln 2
        Qobj r = ketToDm(tensor(basis(2, 0), basis(2, 0)));
        Qobj s = r.plus(ketToDm(tensor(basis(2, 0), basis(2, 1)))).unit();
        assertEquals(1, entropyRelative(r, s, 2), 1e-14);
        assertEquals(Math.log(2), entropyRelative(r, s), 1e-14);
        // kernel of sigma meets the support of rho: +∞; equal states: 0
        assertEquals(Double.POSITIVE_INFINITY, entropyRelative(s, r));
        assertEquals(0, entropyRelative(a, a), 1e-12);
        // diagonal states: the classical Kullback–Leibler divergence
        Qobj p = Qobj.fromArray(new double[][] {{0.7, 0}, {0, 0.3}}), q = Qobj.fromArray(new double[][] {{0.4, 0}, {0, 0.6}});
        assertEquals(0.7 * Math.log(0.7 / 0.4) + 0.3 * Math.log(0.3 / 0.6), entropyRelative(p, q), 1e-15);
        // a pure rho against a full-rank sigma, rho = |ψ><ψ| given as a ket
        Qobj psi = basis(2, 0);
        assertEquals(-Math.log(0.7), entropyRelative(psi, p), 1e-14);
    }

    @Test
    void qutipEntropyCasesPorted() {
        // TestMutualInformation: pure states give S(A) + S(B); selections of several subsystems
        Qobj pure = ketToDm(RandomObjects.randKet(new int[] {5, 5}, 1, "haar", RandomObjects.generator(3)));
        assertEquals(entropyVn(pure.ptrace(0)) + entropyVn(pure.ptrace(1)),
                entropyMutual(pure, new int[] {0}, new int[] {1}), 1e-12);
        Qobj three = ketToDm(RandomObjects.randKet(new int[] {2, 2, 2}, 1, "haar", RandomObjects.generator(4)));
        assertEquals(entropyVn(three.ptrace(0, 2)) + entropyVn(three.ptrace(1)),
                entropyMutual(three, new int[] {0, 2}, new int[] {1}), 1e-12);
        // TestRelativeEntropy: pure vs maximally mixed is 2 bits; with itself 0; random pairs
        // are positive
        Qobj k00 = tensor(basis(2, 0), basis(2, 0));
        assertEquals(2, entropyRelative(k00, qeye(2, 2).unit(), 2), 1e-14);
        for (long seed = 0; seed < 5; seed++) {
            Qobj r = randDm(8, 10 + seed), s = randDm(8, 20 + seed);
            assertEquals(0, entropyRelative(r, r), 1e-12);
            assertTrue(entropyRelative(r, s) > 0);
        }
        // non-real eigenvalues (rho + i) are refused
        Qobj rho = ketToDm(k00), sigma = ketToDm(tensor(basis(2, 0), basis(2, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> entropyRelative(rho.plus(Complex.I), sigma));
        assertTrue(e.getMessage().contains("non-Hermitian rho"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> entropyRelative(rho, sigma.plus(Complex.I)));
        assertTrue(e.getMessage().contains("non-Hermitian sigma"), e.getMessage());
        assertEquals(Double.POSITIVE_INFINITY, entropyRelative(rho, sigma));
    }

    @Test
    void entropiesRefuseBadInput() {
        Qobj rho = randDm(6, 1);
        Qobj rho23 = Qobj.of(rho.data(), Dims.oper(2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> entropyMutual(rho23, new int[] {0}, new int[] {0}));
        assertTrue(e.getMessage().startsWith("entropyMutual"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> entropyMutual(rho23, new int[] {0}, new int[] {}));
        assertTrue(e.getMessage().contains("each of the 2 subsystems"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> entropyMutual(rho23, new int[] {0}, new int[] {2}));
        assertTrue(e.getMessage().startsWith("entropyMutual"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> entropyConditional(rho23, new int[] {5}));
        assertTrue(e.getMessage().startsWith("entropyConditional"), e.getMessage());
        assertThrows(DimensionMismatchException.class, () -> entropyRelative(rho23, randDm(6, 2)));
        e = assertThrows(IllegalArgumentException.class, () -> entropyRelative(rho23, rho23, 1));
        assertTrue(e.getMessage().startsWith("entropyRelative: base"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> entropyRelative(destroy(2), qeye(2).unit()));
        assertTrue(e.getMessage().contains("Hermitian"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> entropyConditional(spre(qeye(2)), new int[] {0}));
        assertTrue(e.getMessage().startsWith("entropyConditional"), e.getMessage());
    }
}
