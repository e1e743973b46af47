package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.data.DenseMatrix;
import dev.lindblad.testing.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Channel representations (issue #15) against QuTiP 5.3.1 (reference/channels.txt, made by
 * reference/make_channels.py) and closed forms; the cases of QuTiP's
 * qutip/tests/core/test_superop_reps.py ported.
 */
class ChannelsTest {

    private static final Reference REF = Reference.load("channels");

    static Qobj matrix(Reference.Case c, String key) {
        return Qobj.of(DenseMatrix.wrap(c.rows(key), c.cols(key), c.complexes(key)));
    }

    static Dims superDims(int... d) {
        return Dims.superOf(Dims.oper(d));
    }

    /** A reference supermatrix with the dims of a map on operators with subsystems d. */
    static Qobj superOp(Reference.Case c, String key, int... d) {
        return Qobj.of(DenseMatrix.wrap(c.rows(key), c.cols(key), c.complexes(key)), superDims(d));
    }

    static double maxDiff(Qobj a, Qobj b) {
        assertArrayEquals(a.shape(), b.shape());
        double d = 0;
        for (int i = 0; i < a.shape()[0]; i++) {
            for (int j = 0; j < a.shape()[1]; j++) {
                d = Math.max(d, a.get(i, j).minus(b.get(i, j)).abs());
            }
        }
        return d;
    }

    static void assertClose(Qobj expected, Qobj actual, double tol, String what) {
        double d = maxDiff(expected, actual);
        assertTrue(d <= tol, what + ": max difference " + d + " > " + tol);
    }

    private static final String[] CHANNELS = {"bcsz2", "bcsz3", "bcsz22", "bcsz2_notp", "damped_rotation"};

    private static int[] subsystems(String name) {
        return switch (name) {
            case "bcsz3" -> new int[] {3};
            case "bcsz22" -> new int[] {2, 2};
            default -> new int[] {2};
        };
    }

    @Test
    void choiAndChiMatchQutip() {
        for (String name : CHANNELS) {
            Reference.Case c = REF.get(name);
            int[] d = subsystems(name);
            Qobj s = superOp(c, "super", d);
            Qobj j = toChoi(s);
            assertEquals("choi", j.dims().superrep(), name);
            assertEquals(superDims(d).withSuperrep("choi"), j.dims(), name);
            assertClose(matrix(c, "choi"), j, 1e-14, name + " choi");
            assertClose(s, toSuper(j), 1e-14, name + " super(choi)");
            assertEquals("super", toSuper(j).dims().superrep());
            if (c.has("chi")) {
                Qobj chi = toChi(s);
                assertEquals("chi", chi.dims().superrep(), name);
                assertClose(matrix(c, "chi"), chi, 1e-13, name + " chi");
                assertClose(j, toChoi(chi), 1e-14, name + " choi(chi)");
                assertClose(s, toSuper(chi), 1e-14, name + " super(chi)");
                assertClose(chi, toChi(toChoi(chi)), 1e-13, name + " chi round trip");
            }
            assertEquals(c.scalar("iscp") == 1, isCp(s), name + " iscp");
            assertEquals(c.scalar("istp") == 1, isTp(s), name + " istp");
            assertEquals(c.scalar("iscp") == 1 && c.scalar("istp") == 1, isCptp(j), name + " iscptp of choi");
        }
    }

    @Test
    void conversionsReturnTheirInputUnchanged() {
        Qobj s = randSuperBcsz(2, 3);
        assertSame(s, toSuper(s));
        Qobj j = toChoi(s);
        assertSame(j, toChoi(j));
        Qobj chi = toChi(s);
        assertSame(chi, toChi(chi));
    }

    @Test
    void krausRebuildsTheMap() {
        for (String name : CHANNELS) {
            Reference.Case c = REF.get(name);
            Qobj s = superOp(c, "super", subsystems(name));
            List<Qobj> ks = toKraus(s);
            assertEquals((int) c.scalar("kraus_count"), ks.size(), name + " number of Kraus operators");
            assertClose(s, krausToSuper(ks), 1e-12, name + " Σ sprepost(K, K^†)");
            Qobj sum = null;
            for (Qobj k : ks) {
                Qobj t = sprepost(k, k.dag());
                sum = sum == null ? t : sum.plus(t);
            }
            assertClose(s, sum, 1e-12, name + " sprepost sum");
            assertClose(toChoi(s), krausToChoi(ks), 1e-12, name + " kraus to choi");
            // from the Choi and chi forms too (QuTiP's test_ChoiKrausChoi)
            assertClose(toChoi(s), krausToChoi(toKraus(toChoi(s))), 1e-12, name + " choi kraus choi");
        }
    }

    @Test
    void nonSquareKrausOperatorThroughSuperAndChoi() {
        // QuTiP's test_NonSquareKrausSuperChoi: the isometry |0> -> |000>, |1> -> |111>
        double[][] re = new double[8][2];
        re[0][0] = 1;
        re[7][1] = 1;
        Qobj k = Qobj.fromArray(re);
        Qobj s = sprepost(k, k.dag());
        Qobj j = toChoi(s);
        assertEquals("choi", j.dims().superrep());
        // Lindblad's Choi dims are those of krausToChoi, [[K.dims], [K.dims]]; QuTiP 5's to_choi
        // writes [[[2], [8]], [[2], [8]]] here while its kraus_to_choi writes [[[8], [2]], ...]
        assertEquals(Dims.superOf(k.dims(), k.dims()).withSuperrep("choi"), j.dims());
        assertClose(krausToChoi(List.of(k)), j, 1e-15, "choi of the isometry");
        List<Qobj> fromSuper = toKraus(s), fromChoi = toKraus(j);
        assertEquals(1, fromSuper.size());
        assertEquals(1, fromChoi.size());
        assertKrausEquivalent(k, fromSuper.get(0));
        assertKrausEquivalent(k, fromChoi.get(0));
        assertClose(s, toSuper(j), 1e-15, "super of choi");
        assertEquals(s.dims(), toSuper(j).dims());
        // QuTiP's test_NeglectSmallKraus: tol = 0 keeps all 16 (zero) operators
        assertEquals(16, toKraus(s, 0.0).size());
        assertTrue(isCp(s));
        assertTrue(isTp(s), "an isometry is trace preserving");
    }

    /** Equal up to a global phase, as QuTiP's assert_kraus_equivalence. */
    static void assertKrausEquivalent(Qobj a, Qobj b) {
        assertEquals(a.dims(), b.dims());
        Complex phase = null;
        for (int i = 0; i < a.shape()[0] && phase == null; i++) {
            for (int j = 0; j < a.shape()[1] && phase == null; j++) {
                if (a.get(i, j).abs() > 1e-8) {
                    phase = b.get(i, j).div(a.get(i, j));
                }
            }
        }
        assertNotNull(phase);
        assertEquals(1, phase.abs(), 1e-10);
        assertClose(a.times(phase), b, 1e-10, "Kraus operator up to phase");
    }

    @Test
    void knownCpTpCases() {
        // QuTiP's test_known_iscptp
        Qobj a = create(2).dag();
        Qobj conj = sprepost(a, a.dag());
        assertTrue(isCp(conj));
        assertFalse(isTp(conj));
        Qobj offDiag = sprepost(a, a);
        assertFalse(isCp(offDiag));
        assertFalse(isTp(offDiag));
        for (Qobj u : List.of(qeye(2), sigmax(), tensor(sigmax(), qeye(2)))) {
            assertTrue(isCp(u));
            assertTrue(isTp(u));
            assertTrue(isCptp(u));
        }
        Qobj su = toSuper(tensor(sigmax(), qeye(2))).plus(toSuper(tensor(qeye(2), sigmay()))).times(0.5);
        assertTrue(isCptp(su));
        // the partial transpose, whose Choi matrix is SWAP
        double[][] swap = {{1, 0, 0, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}};
        Qobj ptrSwap = Qobj.of(Qobj.fromArray(swap).data(), superDims(2).withSuperrep("choi"));
        assertFalse(isCp(ptrSwap));
        assertTrue(isTp(ptrSwap));
        assertFalse(isCptp(ptrSwap));
        Qobj subnorm = Qobj.of(qeye(4).times(0.9).data(), superDims(2));
        assertTrue(isCp(subnorm));
        assertFalse(isTp(subnorm));
        assertFalse(isCp(basis(2, 0)));
        assertFalse(isTp(basis(2, 0)));
        assertFalse(isCptp(basis(2, 0)));
        // a non-unitary operator: CP, not TP
        assertTrue(isCp(destroy(3)));
        assertFalse(isTp(destroy(3)));
    }

    @Test
    void randomChannelsAreCptp() {
        for (int n : new int[] {2, 3, 5}) {
            Qobj s = randSuperBcsz(n, 100 + n);
            assertTrue(isCptp(s), "bcsz " + n);
            assertTrue(isCptp(toChoi(s)));
        }
    }

    @Test
    void choiTraceIsTheDimension() {
        // QuTiP's test_choi_tr
        for (int n : new int[] {2, 3, 6}) {
            assertEquals(n, toChoi(qeye(n)).tr().re(), 1e-13);
            assertEquals(0, toChoi(qeye(n)).tr().im(), 1e-13);
        }
    }

    @Test
    void depolarisingChannelClosedForms() {
        // E(X) = (1 - p) X + p tr(X) 1/2: Choi = (1 - p) |Φ><Φ| + p/2 1 (|Φ> = Σ|ii>), chi =
        // diag(4 - 3p, p, p, p)
        double p = 0.3;
        Qobj id = toSuper(qeye(2));
        Qobj tracer = Qobj.of(DenseMatrix.wrap(4, 4, new double[] {
            0.5, 0, 0, 0, 0, 0, 0.5, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            0.5, 0, 0, 0, 0, 0, 0.5, 0}), superDims(2));
        Qobj dep = id.times(1 - p).plus(tracer.times(p));
        Qobj j = toChoi(dep);
        for (int r = 0; r < 4; r++) {
            for (int cc = 0; cc < 4; cc++) {
                boolean phi = (r == 0 || r == 3) && (cc == 0 || cc == 3);
                double expected = (phi ? 1 - p : 0) + (r == cc ? p / 2 : 0);
                assertEquals(expected, j.get(r, cc).re(), 1e-15, "choi " + r + "," + cc);
                assertEquals(0, j.get(r, cc).im(), 1e-15);
            }
        }
        Qobj chi = toChi(dep);
        double[] diag = {4 - 3 * p, p, p, p};
        for (int r = 0; r < 4; r++) {
            for (int cc = 0; cc < 4; cc++) {
                assertEquals(r == cc ? diag[r] : 0, chi.get(r, cc).abs(), 1e-14, "chi " + r + "," + cc);
            }
        }
        assertTrue(isCptp(dep));
        assertEquals(1 - 3 * p / 4, processFidelity(dep), 1e-15);
        assertEquals((2 * (1 - 3 * p / 4) + 1) / 3, averageGateFidelity(dep), 1e-15);
        assertEquals((1 - p) * (1 - p), unitarity(dep), 1e-14);
        List<Qobj> ks = toKraus(dep);
        assertEquals(4, ks.size());
        assertClose(dep, krausToSuper(ks), 1e-14, "depolarising from Kraus");
    }

    @Test
    void chiOfKnownMaps() {
        // QuTiP's test_chi_known
        assertEquals(4, toChi(sigmax()).get(1, 1).re(), 1e-14);
        assertEquals(4, toChi(toSuper(sigmax())).get(1, 1).re(), 1e-14);
        assertEquals(4, toChi(qeye(2)).get(0, 0).re(), 1e-14);
        assertEquals(4, toChi(sigmax()).tr().re(), 1e-14);
        Qobj rx = sigmax().times(Complex.of(0, -Math.PI / 4)).expm();
        Qobj chi = toChi(rx);
        Reference.Case c = REF.get("chi_known");
        assertClose(matrix(c, "chi"), chi, 1e-14, "chi of exp(-i X pi/4)");
        assertEquals(2, chi.get(0, 0).re(), 1e-14);
        assertEquals(2, chi.get(0, 1).im(), 1e-14);
        assertEquals(-2, chi.get(1, 0).im(), 1e-14);
    }

    @Test
    void stinespringPairs() {
        // QuTiP's test_stinespring_cp / _agrees / _dims
        for (int n : new int[] {2, 3, 7}) {
            Qobj map = randSuperBcsz(n, 200 + n);
            Superops.Stinespring ab = toStinespring(map);
            Qobj rho = randDm(n, 300 + n);
            Qobj q1 = vectorToOperator(map.times(operatorToVector(rho)));
            Qobj q2 = ab.a().times(rho).times(ab.b().dag()).ptrace(0);
            assertTrue(q1.minus(q2).norm("tr") <= 1e-12, "Tr_2(A rho B^†) for n = " + n);
            // for a CP map, A and B agree up to the phases of the singular vectors: A A^† = B B^†
            Qobj aa = ab.a().times(ab.a().dag()), bb = ab.b().times(ab.b().dag());
            assertClose(aa, bb, 1e-12, "A A^† = B B^†");
        }
        for (int n : new int[] {2, 3, 7}) {
            Qobj chan = superTensor(toSuper(sigmax()), toSuper(qeye(n)));
            Superops.Stinespring ab = toStinespring(chan);
            assertEquals(Dims.of(new int[] {2, n, 1}, new int[] {2, n}), ab.a().dims());
            assertEquals(Dims.of(new int[] {2, n, 1}, new int[] {2, n}), ab.b().dims());
        }
        // a map that is not CP still has a Stinespring pair (the partial transpose)
        double[][] swap = {{1, 0, 0, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}};
        Qobj pt = Qobj.of(Qobj.fromArray(swap).data(), superDims(2).withSuperrep("choi"));
        Superops.Stinespring ab = toStinespring(pt);
        Qobj x = Qobj.fromArray(new double[][] {{1, 2}, {3, 4}});
        assertClose(x.trans(), ab.a().times(x).times(ab.b().dag()).ptrace(0), 1e-14, "partial transpose = transpose");
        // nor Hermiticity-preserving: X -> A X B^† with A != B goes through the dilation's SVD
        Qobj l = randUnitary(3, 31).times(destroy(3).plus(qeye(3))), rr = randUnitary(3, 32);
        Qobj nonHp = sprepost(l, rr.dag());
        assertFalse(isCp(nonHp));
        Superops.Stinespring lr = toStinespring(nonHp);
        Qobj y = randDm(3, 33);
        assertClose(l.times(y).times(rr.dag()), lr.a().times(y).times(lr.b().dag()).ptrace(0), 1e-12,
                "Stinespring of a map that is not Hermiticity-preserving");
        assertThrows(IllegalArgumentException.class, () -> toKraus(nonHp));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> toKraus(pt));
        assertTrue(e.getMessage().contains("not completely positive"), e.getMessage());
    }

    @Test
    void superTensorAndReshuffleMatchQutip() {
        Reference.Case c = REF.get("super_tensor");
        Qobj a = superOp(c, "a", 2), b = superOp(c, "b", 3);
        Qobj st = superTensor(a, b);
        assertEquals(superDims(2, 3), st.dims());
        assertClose(matrix(c, "tensor"), st, 1e-15, "super_tensor");
        Qobj r = reshuffle(st);
        assertEquals(Dims.oper(4, 9), r.dims());
        assertClose(matrix(c, "reshuffled"), r, 1e-15, "reshuffle");
        assertClose(tensor(reshuffle(a), reshuffle(b)), r, 1e-15, "reshuffle of superTensor = tensor of reshuffles");
        Qobj back = reshuffle(r);
        assertEquals(st.dims(), back.dims());
        assertClose(st, back, 0, "reshuffle twice");
        // operator-kets
        Qobj ra = randDm(2, 1), rb = randDm(3, 2);
        Qobj v = operatorToVector(tensor(ra, rb));
        assertClose(v, superTensor(operatorToVector(ra), operatorToVector(rb)), 0, "superTensor of operator-kets");
        assertClose(tensor(reshuffle(operatorToVector(ra)), reshuffle(operatorToVector(rb))), reshuffle(v), 0,
                "reshuffle of an operator-ket");
        assertEquals(v.dims(), reshuffle(reshuffle(v)).dims());
        // superTensor then apply: (S1 ⊗ S2)(A ⊗ B) = S1(A) ⊗ S2(B)
        Qobj applied = vectorToOperator(st.times(v));
        Qobj expected = tensor(vectorToOperator(a.times(operatorToVector(ra))),
                vectorToOperator(b.times(operatorToVector(rb))));
        assertClose(expected, applied, 1e-14, "superTensor acts factorwise");
    }

    @Test
    void compositeSystems() {
        Qobj u = sigmax(), s = randSuperBcsz(3, 7);
        Qobj c = composite(u, s);
        assertClose(superTensor(toSuper(u), s), c, 0, "composite(oper, super)");
        assertClose(tensor(u, qeye(3)), composite(u, qeye(3)), 0, "composite of operators");
        Qobj k = basis(2, 1), rho = randDm(3, 8);
        Qobj v = composite(k, operatorToVector(rho));
        assertClose(operatorToVector(tensor(k.proj(), rho)), v, 1e-15, "composite(ket, operator-ket)");
        assertClose(tensor(k, basis(3, 0)), composite(k, basis(3, 0)), 0, "composite of kets");
        assertClose(v.dag(), composite(k.dag(), operatorToVector(rho).dag()), 1e-15, "composite of bra-likes");
        assertThrows(IllegalArgumentException.class, () -> composite(k, u));
    }

    @Test
    void badInputIsRefused() {
        Qobj ket = basis(2, 0);
        for (var f : List.<java.util.function.Function<Qobj, Object>>of(Lindblad::toSuper, Lindblad::toChoi,
                Lindblad::toChi, Lindblad::toKraus, Lindblad::toStinespring)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.apply(ket));
            assertTrue(e.getMessage().contains("needs a superoperator"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> toChi(qeye(3)));
        assertTrue(e.getMessage().startsWith("toChi"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> reshuffle(qeye(3)));
        assertTrue(e.getMessage().contains("squares"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> reshuffle(toChoi(qeye(2))));
        assertTrue(e.getMessage().contains("superrep"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> superTensor(toChoi(qeye(2)), toSuper(qeye(2))));
        assertTrue(e.getMessage().contains("superrep"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> krausToChoi(List.of()));
        assertTrue(e.getMessage().startsWith("krausToChoi"), e.getMessage());
        assertThrows(DimensionMismatchException.class, () -> krausToChoi(List.of(qeye(2), qeye(3))));
        // a product of a Choi matrix and a supermatrix means no map
        Qobj mixed = toChoi(qeye(2)).times(toSuper(qeye(2)));
        assertEquals("mixed", mixed.dims().superrep());
        e = assertThrows(IllegalArgumentException.class, () -> toSuper(mixed));
        assertTrue(e.getMessage().contains("mixed"), e.getMessage());
        // Choi and supermatrix dims differ, so they do not add
        assertThrows(DimensionMismatchException.class, () -> toChoi(qeye(2)).plus(toSuper(qeye(2))));
        e = assertThrows(IllegalArgumentException.class, () -> Dims.oper(2).withSuperrep("choi"));
        assertTrue(e.getMessage().startsWith("withSuperrep"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> superDims(2).withSuperrep("pauli"));
        assertTrue(e.getMessage().contains("pauli"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> toKraus(qeye(2), -1));
        assertTrue(e.getMessage().startsWith("toKraus"), e.getMessage());
    }

    @Test
    void superrepBookkeeping() {
        Qobj j = toChoi(randSuperBcsz(2, 9));
        assertEquals("choi", j.dag().dims().superrep());
        assertEquals("choi", j.times(2.0).dims().superrep());
        assertEquals("choi", j.plus(j).dims().superrep());
        assertNull(qeye(2).dims().superrep());
        assertEquals("super", spre(qeye(2)).dims().superrep());
        assertTrue(j.dims().toString().endsWith("(superrep choi)"), j.dims().toString());
        assertEquals("[[[2], [2]], [[2], [2]]]", spre(qeye(2)).dims().toString());
        assertNotEquals(superDims(2), superDims(2).withSuperrep("choi"));
        // permuting subsystems commutes with toChoi and keeps the representation; a chi
        // matrix (Pauli labels) is refused
        Qobj s = superTensor(randSuperBcsz(2, 1), randSuperBcsz(3, 2));
        Qobj pc = toChoi(s).permute(1, 0);
        assertEquals("choi", pc.dims().superrep());
        assertClose(toChoi(s.permute(1, 0)), pc, 1e-15, "permute of a Choi matrix");
        Qobj chi = toChi(superTensor(randSuperBcsz(2, 3), randSuperBcsz(2, 4)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> chi.permute(1, 0));
        assertTrue(e.getMessage().contains("chi"), e.getMessage());
    }
}
