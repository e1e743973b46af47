package dev.lindblad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link Qobj#toString()} as QuTiP 5 prints a Qobj (issue #21). The expected data blocks are
 * numpy's {@code str} of the same arrays, as {@code print(qutip.destroy(3) + 0.5j * qutip.qeye(3))}
 * shows them (numpy 1.x); the headers follow QuTiP 5.3's {@code Qobj._str_header}.
 */
class QobjDisplayTest {

    @Test
    void realOperatorAsQutip() {
        assertEquals("""
                Quantum object: dims=[[2], [2]], shape=(2, 2), type='oper', dtype=CSR, isherm=True
                Qobj data =
                [[0. 1.]
                 [1. 0.]]
                """, Operators.sigmax().toString());
    }

    @Test
    void negativeEntriesAlignOnThePoint() {
        assertEquals("""
                Quantum object: dims=[[[2], [2]], [[2], [2]]], shape=(4, 4), type='super', dtype=CSR, isherm=True
                Qobj data =
                [[ 1.  0.  0.  0.]
                 [ 0. -1.  0.  0.]
                 [ 0.  0.  1.  0.]
                 [ 0.  0.  0. -1.]]
                """, Superops.spre(Operators.sigmaz()).toString());
        assertTrue(Operators.sigmaz().times(-2.5).toString().endsWith("[[-2.5  0. ]\n [ 0.   2.5]]\n"),
                Operators.sigmaz().times(-2.5).toString());
    }

    @Test
    void complexEntriesAsNumpy() {
        Qobj q = Operators.destroy(3).plus(Operators.qeye(3).times(new Complex(0, 0.5)));
        assertEquals("""
                Quantum object: dims=[[3], [3]], shape=(3, 3), type='oper', dtype=CSR, isherm=False
                Qobj data =
                [[0.        +0.5j 1.        +0.j  0.        +0.j ]
                 [0.        +0.j  0.        +0.5j 1.41421356+0.j ]
                 [0.        +0.j  0.        +0.j  0.        +0.5j]]
                """, q.toSparse().toString());
        assertTrue(Operators.sigmay().toString().endsWith("[[0.+0.j 0.-1.j]\n [0.+1.j 0.+0.j]]\n"),
                Operators.sigmay().toString());
    }

    @Test
    void kets_braAndOperatorKetHaveNoIsherm() {
        String ket = States.basis(3, 1).toString();
        assertTrue(ket.startsWith("Quantum object: dims=[[3], [1]], shape=(3, 1), type='ket', dtype=Dense\n"), ket);
        assertTrue(ket.endsWith("[[0.]\n [1.]\n [0.]]\n"), ket);
        assertFalse(ket.contains("isherm"), ket);
        String bra = States.basis(2, 0).dag().toString();
        assertTrue(bra.contains("type='bra'") && bra.endsWith("[[1. 0.]]\n"), bra);
        String opKet = Superops.operatorToVector(Operators.sigmax()).toString();
        assertTrue(opKet.contains("dims=[[[2], [2]], [1]]") && opKet.contains("type='operator-ket'")
                && !opKet.contains("isherm"), opKet);
    }

    @Test
    void widelySpreadMagnitudesAreScientific() {
        // numpy: [[6.06530660e-01] [6.06530660e-01] [4.28881942e-01] ... [1.82230360e-09]]
        String s = States.coherent(20, 1.0).toString();
        assertTrue(s.contains("[[6.06530660e-01]\n [6.06530660e-01]\n [4.28881942e-01]\n"), s);
        assertTrue(s.contains(" [1.82230360e-09]]\n"), s);
        // numpy: print(np.array([[-0.6], [1e-9]])) keeps a sign column
        Qobj k = Qobj.of(dev.lindblad.data.DenseMatrix.wrap(2, 1, new double[] {-0.6, 0, 1e-9, 0}), Dims.ket(2));
        assertTrue(k.toString().endsWith("Qobj data =\n[[-6.e-01]\n [ 1.e-09]]\n"), k.toString());
    }

    @Test
    void largeMatricesAreShortenedWithANote() {
        String s = Operators.destroy(40).toString();
        String[] lines = s.split("\n");
        // header, "Qobj data =", 3 rows, "...", 3 rows, the note
        assertEquals(10, lines.length, s);
        assertEquals(" ...", lines[5], s);
        assertTrue(lines[2].startsWith("[[0.         1.         0.         ... 0."), s);
        assertTrue(lines[7].contains("6.244998"), "a(38, 39) = sqrt(39) is among the last entries shown: " + s);
        assertTrue(lines[9].startsWith("(shortened: 3+3 of 40 rows, 3+3 of 40 columns shown"), s);
        String small = Operators.destroy(12).toString();
        assertFalse(small.contains("..."), "12x12 is shown whole: " + small);
        assertFalse(small.contains("shortened"), small);
    }
}
