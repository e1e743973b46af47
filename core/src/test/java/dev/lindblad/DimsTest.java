package dev.lindblad;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Dims: types, QuTiP notation, adjoint, tensor and product rules, bad input. */
class DimsTest {

    @Test
    void ketBraOperAndTheirQutipNotation() {
        Dims ket = Dims.ket(2, 3);
        assertEquals(Dims.Type.KET, ket.type());
        assertEquals("[[2, 3], [1, 1]]", ket.toString());
        assertEquals(6, ket.rows());
        assertEquals(1, ket.cols());
        assertArrayEquals(new int[] {2, 3}, ket.subsystems());
        assertArrayEquals(new int[] {1, 1}, ket.in());

        Dims bra = Dims.bra(2, 3);
        assertEquals(Dims.Type.BRA, bra.type());
        assertEquals("[[1, 1], [2, 3]]", bra.toString());
        assertEquals(1, bra.rows());
        assertEquals(6, bra.cols());
        assertArrayEquals(new int[] {2, 3}, bra.subsystems());

        Dims oper = Dims.oper(2, 3);
        assertEquals(Dims.Type.OPER, oper.type());
        assertEquals("[[2, 3], [2, 3]]", oper.toString());
        assertEquals(6, oper.rows());
        assertEquals(6, oper.cols());

        // a 1x1 object is an operator, as in QuTiP; a rectangular one too
        assertEquals(Dims.Type.OPER, Dims.of(new int[] {1}, new int[] {1}).type());
        Dims rect = Dims.of(new int[] {2}, new int[] {3});
        assertEquals(Dims.Type.OPER, rect.type());
        assertEquals("[[2], [3]]", rect.toString());
        assertEquals(Dims.Type.KET, Dims.of(new int[] {1, 4}, new int[] {1, 1}).type());
    }

    @Test
    void operatorKetBraAndSuperoperator() {
        Dims op = Dims.oper(2);
        Dims operKet = Dims.operatorKetOf(op);
        assertEquals(Dims.Type.OPERATOR_KET, operKet.type());
        assertEquals("[[[2], [2]], [1]]", operKet.toString());
        assertEquals(4, operKet.rows());
        assertEquals(1, operKet.cols());
        assertArrayEquals(new int[] {2}, operKet.subsystems());
        assertEquals(op, operKet.outSpace());

        Dims operBra = operKet.dag();
        assertEquals(Dims.Type.OPERATOR_BRA, operBra.type());
        assertEquals("[[1], [[2], [2]]]", operBra.toString());
        assertEquals(1, operBra.rows());
        assertEquals(4, operBra.cols());
        assertArrayEquals(new int[] {2}, operBra.subsystems());
        assertEquals(operKet, operBra.dag());

        Dims sup = Dims.superOf(op);
        assertEquals(Dims.Type.SUPER, sup.type());
        assertEquals("[[[2], [2]], [[2], [2]]]", sup.toString());
        assertEquals(4, sup.rows());
        assertEquals(4, sup.cols());

        Dims sup23 = Dims.superOf(Dims.oper(2, 3));
        assertEquals("[[[2, 3], [2, 3]], [[2, 3], [2, 3]]]", sup23.toString());
        assertEquals(36, sup23.rows());
        assertArrayEquals(new int[] {2, 3}, sup23.subsystems());

        Dims map = Dims.superOf(Dims.oper(3), Dims.oper(2));
        assertEquals("[[[3], [3]], [[2], [2]]]", map.toString());
        assertEquals(9, map.rows());
        assertEquals(4, map.cols());

        // super × operator-ket gives an operator-ket of the output space
        assertEquals(Dims.operatorKetOf(Dims.oper(3)), map.product(operKet, "times"));
        assertThrows(DimensionMismatchException.class, () -> sup23.product(operKet, "times"));
        assertThrows(IllegalArgumentException.class, () -> Dims.superOf(sup), "superOf an operator space");
        assertThrows(IllegalArgumentException.class, () -> Dims.operatorKetOf(operKet));
    }

    @Test
    void dagSwapsSides() {
        assertEquals(Dims.bra(2, 3), Dims.ket(2, 3).dag());
        assertEquals(Dims.ket(2, 3), Dims.bra(2, 3).dag());
        assertEquals(Dims.of(new int[] {3}, new int[] {2}), Dims.of(new int[] {2}, new int[] {3}).dag());
        Dims sup = Dims.superOf(Dims.oper(3), Dims.oper(2));
        assertEquals(Dims.superOf(Dims.oper(2), Dims.oper(3)), sup.dag());
    }

    @Test
    void tensorConcatenatesSubsystems() {
        assertEquals(Dims.ket(2, 3), Dims.tensor(Dims.ket(2), Dims.ket(3)));
        assertEquals(Dims.oper(2, 3, 4), Dims.tensor(Dims.oper(2), Dims.oper(3, 4)));
        assertEquals(Dims.bra(4, 2), Dims.tensor(Dims.bra(4), Dims.bra(2)));
        Dims mixed = Dims.tensor(Dims.oper(2), Dims.ket(3));
        assertEquals("[[2, 3], [2, 1]]", mixed.toString());
        assertEquals(Dims.Type.OPER, mixed.type());
        assertThrows(IllegalArgumentException.class, () -> Dims.tensor());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dims.tensor(Dims.oper(2), Dims.superOf(Dims.oper(2))));
        assertTrue(e.getMessage().contains("[[[2], [2]], [[2], [2]]]"), e.getMessage());
    }

    @Test
    void productChecksTheInnerSides() {
        assertEquals(Dims.oper(2, 3), Dims.oper(2, 3).product(Dims.oper(2, 3), "times"));
        assertEquals(Dims.ket(2, 3), Dims.oper(2, 3).product(Dims.ket(2, 3), "times"));
        assertEquals(Dims.oper(2, 3), Dims.ket(2, 3).product(Dims.bra(2, 3), "times"));
        assertEquals(Dims.Type.OPER, Dims.bra(2, 3).product(Dims.ket(2, 3), "times").type());
        // same total size, different structure: still a mismatch
        DimensionMismatchException e = assertThrows(DimensionMismatchException.class,
                () -> Dims.oper(2, 3).product(Dims.oper(3, 2), "times"));
        assertTrue(e.getMessage().contains("times"), e.getMessage());
        assertTrue(e.getMessage().contains("[[2, 3], [2, 3]]"), e.getMessage());
        assertTrue(e.getMessage().contains("[[3, 2], [3, 2]]"), e.getMessage());
        assertEquals(Dims.oper(2, 3), e.left());
        assertEquals(Dims.oper(3, 2), e.right());
        DimensionMismatchException k = assertThrows(DimensionMismatchException.class,
                () -> Dims.ket(6).product(Dims.ket(6), "times"));
        assertTrue(k.getMessage().contains("[[6], [1]] and [[6], [1]]"), k.getMessage());
    }

    @Test
    void equalityHashAndDefensiveCopies() {
        assertEquals(Dims.oper(2, 3), Dims.of(new int[] {2, 3}, new int[] {2, 3}));
        assertEquals(Dims.oper(2, 3).hashCode(), Dims.of(new int[] {2, 3}, new int[] {2, 3}).hashCode());
        assertNotEquals(Dims.oper(2, 3), Dims.oper(3, 2));
        assertNotEquals(Dims.oper(6), Dims.oper(2, 3));
        assertNotEquals(Dims.ket(2), Dims.bra(2));
        assertNotEquals(Dims.superOf(Dims.oper(2)), Dims.oper(4));
        assertEquals(Dims.superOf(Dims.oper(2)), Dims.superOf(Dims.oper(2)));
        assertEquals(Dims.superOf(Dims.oper(2)).hashCode(), Dims.superOf(Dims.oper(2)).hashCode());

        int[] sizes = {2, 3};
        Dims d = Dims.ket(sizes);
        sizes[0] = 7;
        assertEquals("[[2, 3], [1, 1]]", d.toString(), "the input array is copied");
        d.out()[0] = 9;
        d.subsystems()[1] = 9;
        assertEquals("[[2, 3], [1, 1]]", d.toString(), "accessors return copies");
    }

    @Test
    void badSizesAreRejectedWithTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dims.oper(2, 0));
        assertTrue(e.getMessage().contains("[2, 0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Dims.ket(-3));
        assertTrue(e.getMessage().contains("[-3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Dims.of(new int[0], new int[] {1}));
        assertTrue(e.getMessage().contains("out"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Dims.oper(1 << 16, 1 << 16).rows());
        assertTrue(e.getMessage().contains("4294967296"), e.getMessage());
    }
}
