package dev.lindblad.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceTest {
    private static final Reference FOUNDATION = Reference.load("foundation");

    @Test
    void maximallyMixedQubitHasEntropyLnTwo() {
        Reference.Case c = FOUNDATION.get("entropy_maxmixed_qubit");
        assertEquals(Math.log(2), c.scalar("entropy_vn"), 1e-15);
        assertEquals(1.0, c.scalar("entropy_vn_base2"), 1e-15);
        assertEquals(0.5, c.scalar("entropy_linear"), 1e-15);
        assertArrayEquals(new double[] {0.5, 0, 0, 0, 0, 0, 0.5, 0}, c.complexes("rho"), 0.0);
        assertEquals(2, c.rows("rho"));
        assertEquals(2, c.cols("rho"));
        assertTrue(c.text("description").startsWith("maximally mixed qubit"));
    }

    @Test
    void matricesAreColumnMajor() {
        // jmat(1/2, 'y') = [[0, -i/2], [i/2, 0]]: element (1, 0) = +i/2 comes before (0, 1).
        Reference.Case c = FOUNDATION.get("jmat_j0.5");
        assertArrayEquals(new double[] {0, 0, 0, 0.5, 0, -0.5, 0, 0}, c.complexes("y"), 0.0);
        // J+ raises m; the basis starts at m = +1/2, so the only non-zero element is (0, 1).
        assertArrayEquals(new double[] {0, 0, 0, 0, 1, 0, 0, 0}, c.complexes("plus"), 0.0);
        assertEquals(0.5, c.scalar("j"), 0.0);
    }

    @Test
    void liouvillianTimesVecRhoReproducesTheStoredProduct() {
        // Multiplying the stored 9x9 superoperator by the stored vec(rho) with column-major indexing
        // must give the stored product: checks the layout and that every digit was read back.
        Reference.Case c = FOUNDATION.get("superoperators");
        int n = c.rows("liouvillian");
        assertEquals(9, n);
        assertEquals(9, c.cols("liouvillian"));
        double[] l = c.complexes("liouvillian"), v = c.complexes("vec_rho"), expected = c.complexes("L_vec_rho");
        assertEquals(1, c.cols("vec_rho"));
        for (int i = 0; i < n; i++) {
            double re = 0, im = 0;
            for (int j = 0; j < n; j++) {
                double a = l[2 * (i + j * n)], b = l[2 * (i + j * n) + 1];
                re += a * v[2 * j] - b * v[2 * j + 1];
                im += a * v[2 * j + 1] + b * v[2 * j];
            }
            assertEquals(expected[2 * i], re, 1e-13, "re row " + i);
            assertEquals(expected[2 * i + 1], im, 1e-13, "im row " + i);
        }
    }

    @Test
    void wignerOfFockTwoAtTheOriginIsOneOverPi() {
        Reference.Case c = FOUNDATION.get("wigner_fock5_2");
        double[] x = c.reals("xvec"), p = c.reals("pvec"), w = c.reals("W");
        assertEquals(21, x.length);
        assertEquals(p.length, c.rows("W"));
        assertEquals(x.length, c.cols("W"));
        // W_n(0, 0) = (-1)^n / pi with QuTiP's g = sqrt(2).
        assertEquals(1 / Math.PI, w[10 + 10 * p.length], 1e-12);
    }

    @Test
    void intsAndCaseListing() {
        Reference.Case c = FOUNDATION.get("ptrace_dm_222");
        assertArrayEquals(new int[] {2, 2, 2}, c.ints("dims"));
        assertArrayEquals(new int[] {2, 0}, c.ints("sel6"));
        assertEquals(4, c.rows("ptrace6"));
        assertTrue(FOUNDATION.cases().contains("superoperators"));
        assertEquals(0.7, FOUNDATION.get("concurrence_werner").scalar("concurrence"), 1e-12);
    }

    @Test
    void missingCaseOrKeyOrWrongTypeThrowsWithTheNames() {
        var noCase = assertThrows(IllegalArgumentException.class, () -> FOUNDATION.get("no_such_case"));
        assertTrue(noCase.getMessage().contains("no_such_case"));
        Reference.Case c = FOUNDATION.get("entropy_maxmixed_qubit");
        var noKey = assertThrows(IllegalArgumentException.class, () -> c.reals("no_such_key"));
        assertTrue(noKey.getMessage().contains("no_such_key") && noKey.getMessage().contains("entropy_maxmixed_qubit"));
        assertThrows(IllegalArgumentException.class, () -> c.reals("rho"));
        assertThrows(IllegalArgumentException.class, () -> c.ints("entropy_vn"));
        assertThrows(IllegalArgumentException.class, () -> c.scalar("description"));
        assertFalse(c.has("no_such_key"));
        assertThrows(IllegalStateException.class, () -> Reference.load("no_such_file"));
    }

    @Test
    void parserRejectsMalformedFiles() {
        assertThrows(IllegalStateException.class, () -> Reference.parse("t", List.of("x real = 1")));
        assertThrows(IllegalStateException.class,
                () -> Reference.parse("t", List.of("@case a", "m complex shape=2x2 = 1 0 2 0 3 0")));
        assertThrows(IllegalStateException.class, () -> Reference.parse("t", List.of("@case a", "z complex = 1 0 2")));
        assertThrows(IllegalStateException.class, () -> Reference.parse("t", List.of("@case a", "x real = 1 abc")));
        assertThrows(IllegalStateException.class, () -> Reference.parse("t", List.of("@case a", "@case a")));
        assertThrows(IllegalStateException.class, () -> Reference.parse("t", List.of("@case a", "x real = 1", "x int = 2")));
        Reference r = Reference.parse("t", List.of("# c", "", "@case a", "s real = -1.5e-3", "m real shape=1x2 = 1 2"));
        assertEquals(-1.5e-3, r.get("a").scalar("s"), 0.0);
        assertEquals(1, r.get("a").rows("m"));
        assertArrayEquals(new double[] {1, 0, 2, 0}, r.get("a").complexes("m"), 0.0);
    }
}
