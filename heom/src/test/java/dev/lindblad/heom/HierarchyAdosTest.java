package dev.lindblad.heom;

import static dev.lindblad.Lindblad.destroy;
import static dev.lindblad.Lindblad.sigmaz;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ADO labels: QuTiP's order, counting, lookup, neighbours and filters. */
class HierarchyAdosTest {

    @Test
    void labelsInQutipOrderWithBinomialCount() {
        // two bosonic exponents (one RI, one R) to depth 2: (0,0) (0,1) (0,2) (1,0) (1,1) (2,0)
        DrudeLorentzBath bath = new DrudeLorentzBath(sigmaz(), 0.1, 0.5, 0.5, 1);
        HierarchyAdos ados = new HierarchyAdos(bath.exponents(), 2);
        int[][] expected = {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {2, 0}};
        assertEquals(expected.length, ados.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], ados.label(i));
            assertEquals(i, ados.idx(expected[i]));
        }
        // K bosonic exponents to depth D: C(K + D, D) labels, by enumeration and by the count
        List<Bath> seven = new ArrayList<>();
        for (int m = 0; m < 7; m++) {
            seven.add(new DrudeLorentzBath(sigmaz(), 0.1, 0.5 + m, 0.5, 1));
        }
        List<BathExponent> exps = new ArrayList<>();
        seven.forEach(b -> exps.addAll(b.exponents()));
        assertEquals(14, exps.size());
        assertEquals(3060, HierarchyAdos.count(exps, 4));
        assertEquals(11628, HierarchyAdos.count(exps, 5));
        assertEquals(3060, new HierarchyAdos(exps, 4).size());
        // fermionic exponents hold one excitation: 2K exponents to depth 2: 1 + 2K + C(2K, 2)
        LorentzianBath lead = new LorentzianBath(destroy(2), 0.01, 1, 0, 0.1, 2);
        assertEquals(6, lead.exponents().size());
        assertEquals(1 + 6 + 15, new HierarchyAdos(lead.exponents(), 2).size());
        assertEquals(64, HierarchyAdos.count(lead.exponents(), 10));
    }

    @Test
    void neighboursAndFilters() {
        DrudeLorentzBath bath = new DrudeLorentzBath(sigmaz(), 0.1, 0.5, 0.5, 1, true, "b");
        HierarchyAdos ados = new HierarchyAdos(bath.exponents(), 3);
        assertArrayEquals(new int[] {1, 1}, ados.next(new int[] {0, 1}, 0));
        assertNull(ados.next(new int[] {2, 1}, 0), "depth reached");
        assertNull(ados.prev(new int[] {0, 1}, 0), "no excitation to remove");
        assertArrayEquals(new int[] {0, 0}, ados.prev(new int[] {0, 1}, 1));
        assertEquals(List.of(bath.exponents().get(0), bath.exponents().get(1), bath.exponents().get(1)),
                ados.exps(new int[] {1, 2}));
        assertEquals(3, ados.filter(2).size());
        assertEquals(ados.level(ados.idx(1, 2)), 3);
        // one excitation of type R: only (0, 1)
        List<int[]> r = ados.filter(List.of(BathExponent.Type.R), null);
        assertEquals(1, r.size());
        assertArrayEquals(new int[] {0, 1}, r.get(0));
        // two excitations, any type, tag "b": every level-2 label
        assertEquals(3, ados.filter(Arrays.asList(null, null), List.of("b", "b")).size());
        assertEquals(0, ados.filter(List.of(BathExponent.Type.PLUS), null).size());
        assertThrows(IllegalArgumentException.class, () -> ados.idx(0, 4));
        assertThrows(IllegalArgumentException.class, () -> ados.idx(0));
        assertThrows(IllegalArgumentException.class, () -> ados.filter(List.of(BathExponent.Type.R, BathExponent.Type.R,
                BathExponent.Type.R, BathExponent.Type.R), null));
    }
}
