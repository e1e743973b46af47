package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static dev.lindblad.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuperopsTest {

    /** vec(X) for an n×m matrix in column stacking: the interleaved column-major array itself. */
    private static double[] vec(Qobj x) {
        return x.toArray();
    }

    @Test
    void operatorToVectorStacksColumnsAndRoundTrips() {
        Qobj rho = randomOper(3, 1);
        Qobj v = operatorToVector(rho);
        assertEquals("[[[3], [3]], [1]]", v.dims().toString());
        assertTrue(v.isOperKet());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(rho.get(i, j), v.get(i + 3 * j, 0), "vec index " + (i + 3 * j));
            }
        }
        assertQobjClose(rho, vectorToOperator(v), 0);
        Qobj two = tensor(randomOper(2, 2), randomOper(3, 3));
        Qobj back = vectorToOperator(operatorToVector(two));
        assertEquals("[[2, 3], [2, 3]]", back.dims().toString());
        assertQobjClose(two, back, 0);
        assertThrows(IllegalArgumentException.class, () -> vectorToOperator(basis(3, 0)));
    }

    @Test
    void spreSpostSprepostActAsMultiplications() {
        int n = 3;
        Qobj a = randomOper(n, 11), b = randomOper(n, 12), x = randomOper(n, 13);
        Qobj sa = spre(a);
        assertEquals("[[[3], [3]], [[3], [3]]]", sa.dims().toString());
        assertTrue(sa.isSuper());
        assertArrayClose(mul(a.toArray(), x.toArray(), n), sa.times(operatorToVector(x)).toArray(), 1e-13, "spre");
        assertArrayClose(mul(x.toArray(), a.toArray(), n), spost(a).times(operatorToVector(x)).toArray(), 1e-13, "spost");
        double[] axb = mul(mul(a.toArray(), x.toArray(), n), b.toArray(), n);
        assertArrayClose(axb, sprepost(a, b).times(operatorToVector(x)).toArray(), 1e-13, "sprepost");
        // composition rules: spre(A) spre(B) = spre(AB), spost(A) spost(B) = spost(BA)
        assertQobjClose(spre(a.times(b)), spre(a).times(spre(b)), 1e-12);
        assertQobjClose(spost(b.times(a)), spost(a).times(spost(b)), 1e-12);
        assertQobjClose(sprepost(a, b), spre(a).times(spost(b)), 1e-12);
    }

    @Test
    void sprepostOfRectangularFactorsHasMixedDims() {
        Qobj a = Qobj.of(dev.lindblad.data.DenseMatrix.of(2, 3, randomComplex(6, new java.util.Random(5))),
                Dims.of(new int[] {2}, new int[] {3}));
        Qobj b = Qobj.of(dev.lindblad.data.DenseMatrix.of(3, 2, randomComplex(6, new java.util.Random(6))),
                Dims.of(new int[] {3}, new int[] {2}));
        Qobj s = sprepost(a, b);
        assertEquals("[[[2], [2]], [[3], [3]]]", s.dims().toString());
        Qobj x = randomOper(3, 7);
        double[] axb = mul(mul(a.toArray(), x.toArray(), 2, 3, 3), b.toArray(), 2, 3, 2);
        assertArrayClose(axb, s.times(operatorToVector(x)).toArray(), 1e-13, "A X B");
    }

    /** d rho/dt = -i[H, rho] + γ (σm rho σp - ½{σp σm, rho}), written out densely. */
    @Test
    void liouvillianOfDecayingQubitReproducesMasterEquation() {
        double w = 1.3, gamma = 0.4;
        Qobj h = sigmaz().times(0.5 * w);
        Qobj c = sigmam().times(Math.sqrt(gamma));
        Qobj rho = randomDm(2, 21);
        double[] hr = h.toArray(), r = rho.toArray(), cm = c.toArray(), cd = dag(cm, 2, 2);
        double[] comm = lin(1, mul(hr, r, 2), -1, mul(r, hr, 2));
        double[] drho = scale(0, -1, comm);
        double[] cdc = mul(cd, cm, 2);
        double[] jump = mul(mul(cm, r, 2), cd, 2);
        double[] anti = lin(1, mul(cdc, r, 2), 1, mul(r, cdc, 2));
        drho = lin(1, drho, 1, lin(1, jump, -0.5, anti));
        Qobj l = liouvillian(h, List.of(c));
        assertEquals("[[[2], [2]], [[2], [2]]]", l.dims().toString());
        assertArrayClose(drho, l.times(operatorToVector(rho)).toArray(), 1e-14, "L vec(rho)");
        // the excited population decays at rate γ: d<σp σm>/dt = -γ <σp σm>
        Qobj excited = vectorToOperator(l.times(operatorToVector(fockDm(2, 0))));
        assertEquals(-gamma, excited.get(0, 0).re(), 1e-15);
        assertEquals(gamma, excited.get(1, 1).re(), 1e-15);
    }

    @Test
    void liouvillianVariants() {
        Qobj g = randomOper(3, 31);
        Qobj h = g.plus(g.dag());
        Qobj c1 = randomOper(3, 32), c2 = randomOper(3, 33);
        Qobj full = liouvillian(h, List.of(c1, c2));
        Qobj hamiltonian = liouvillian(h);
        assertQobjClose(spre(h).minus(spost(h)).times(Complex.of(0, -1)), hamiltonian, 1e-14);
        assertQobjClose(full, liouvillian(hamiltonian, c1, c2), 1e-13);
        assertQobjClose(full, liouvillian(h, lindbladDissipator(c1), c2), 1e-13);
        assertQobjClose(lindbladDissipator(c1).plus(lindbladDissipator(c2)), liouvillian(null, c1, c2), 1e-13);
        // trace preservation: tr(L vec(rho)) = 0 for every rho
        Qobj drho = vectorToOperator(full.times(operatorToVector(randomDm(3, 34))));
        assertEquals(0, drho.tr().abs(), 1e-13);
        assertTrue(drho.isHerm());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> liouvillian(null, List.of()));
        assertTrue(e.getMessage().contains("at least one"), e.getMessage());
        DimensionMismatchException d = assertThrows(DimensionMismatchException.class,
                () -> liouvillian(h, List.of(destroy(4))));
        assertTrue(d.getMessage().contains("[[[4], [4]], [[4], [4]]]") && d.getMessage().contains("[[[3], [3]], [[3], [3]]]"),
                d.getMessage());
        assertThrows(IllegalArgumentException.class, () -> liouvillian(basis(3, 0)));
        assertThrows(IllegalArgumentException.class, () -> spre(basis(3, 0)));
    }

    @Test
    void generalisedDissipatorMatchesQutipFormula() {
        int n = 3;
        Qobj a = randomOper(n, 41), b = randomOper(n, 42), rho = randomDm(n, 43);
        double[] ar = a.toArray(), br = b.toArray(), r = rho.toArray();
        double[] adb = mul(dag(ar, n, n), br, n);
        double[] expected = lin(1, mul(mul(ar, r, n), dag(br, n, n), n),
                -0.5, lin(1, mul(adb, r, n), 1, mul(r, adb, n)));
        assertArrayClose(expected, lindbladDissipator(a, b).times(operatorToVector(rho)).toArray(), 1e-13, "D[a,b]");
        assertQobjClose(lindbladDissipator(a), lindbladDissipator(a, a), 0);
    }

    @Test
    void superTensorOfPrePostProducts() {
        Qobj a = randomOper(2, 51), b = randomOper(2, 52), c = randomOper(3, 53), d = randomOper(3, 54);
        Qobj st = superTensor(spre(a), spre(c));
        assertEquals("[[[2, 3], [2, 3]], [[2, 3], [2, 3]]]", st.dims().toString());
        assertQobjClose(spre(tensor(a, c)), st, 1e-13);
        assertQobjClose(sprepost(tensor(a, c), tensor(b, d)), superTensor(sprepost(a, b), sprepost(c, d)), 1e-13);
        assertQobjClose(spost(tensor(b, d)), superTensor(spost(b), spost(d)), 1e-13);
    }
}
