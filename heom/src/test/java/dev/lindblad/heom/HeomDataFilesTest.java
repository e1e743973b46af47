package dev.lindblad.heom;

import static dev.lindblad.Lindblad.basis;
import static dev.lindblad.Lindblad.linspace;
import static dev.lindblad.Lindblad.qload;
import static dev.lindblad.Lindblad.qsave;
import static dev.lindblad.Lindblad.sigmam;
import static dev.lindblad.Lindblad.sigmax;
import static dev.lindblad.Lindblad.sigmaz;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Qobj;
import dev.lindblad.solver.DataFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** qsave/qload of the HEOM results (issue #21), through the DataFileCodec this module provides. */
class HeomDataFilesTest {

    @TempDir
    Path dir;

    private static void assertBits(double[] e, double[] a, String what) {
        assertEquals(e.length, a.length, what);
        for (int i = 0; i < e.length; i++) {
            assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(a[i]), what + "[" + i + "]");
        }
    }

    private static void assertSameHierarchy(HierarchyAdos e, HierarchyAdos a) {
        assertEquals(e.maxDepth(), a.maxDepth());
        assertEquals(e.size(), a.size());
        assertEquals(e.exponents().size(), a.exponents().size());
        for (int k = 0; k < e.exponents().size(); k++) {
            BathExponent x = e.exponents().get(k), y = a.exponents().get(k);
            assertEquals(x.type(), y.type());
            assertEquals(x.dim(), y.dim());
            assertEquals(x.ck(), y.ck());
            assertEquals(x.vk(), y.vk());
            assertEquals(x.ck2(), y.ck2());
            assertEquals(x.sigmaBarKOffset(), y.sigmaBarKOffset());
            assertEquals(x.tag(), y.tag());
            assertBits(x.Q().toArray(), y.Q().toArray(), "Q of exponent " + k);
        }
        for (int i = 0; i < e.size(); i++) {
            assertArrayEquals(e.label(i), a.label(i));
        }
    }

    @Test
    void heomResultWithAdoStatesComesBackBitForBit() {
        DrudeLorentzBath bath = new DrudeLorentzBath(sigmaz(), 0.1, 0.5, 0.5, 2, false, "dl");
        HeomSolver solver = new HeomSolver(sigmaz().times(0.25).plus(sigmax().times(0.5)), List.of(bath), 3,
                HeomOptions.defaults().withAdoReturn(true).withStoreStates(true));
        HeomResult r = solver.run(basis(2, 0), linspace(0, 2, 9), List.of(sigmaz(), sigmam()));
        Path p = dir.resolve("heom.qsave");
        qsave(r, p);
        HeomResult b = qload(p, HeomResult.class);
        assertBits(r.times(), b.times(), "times");
        for (int k = 0; k < 2; k++) {
            assertBits(r.expectComplex(k), b.expectComplex(k), "e-op " + k);
        }
        assertBits(r.expect(0), b.expect(0), "expect(0)");
        assertThrows(IllegalStateException.class, () -> b.expect(1), "sigmam stays complex");
        assertEquals(r.states().size(), b.states().size());
        for (int i = 0; i < r.states().size(); i++) {
            assertBits(r.states().get(i).toArray(), b.states().get(i).toArray(), "state " + i);
        }
        assertBits(r.finalState().toArray(), b.finalState().toArray(), "final state");
        assertEquals(r.adoStates().size(), b.adoStates().size());
        for (int i = 0; i < r.adoStates().size(); i++) {
            assertBits(r.ados(i).toArray(), b.ados(i).toArray(), "ADO state " + i);
            assertEquals(r.ados(i).rho().dims(), b.ados(i).rho().dims());
        }
        assertSameHierarchy(r.ados(0).ados(), b.ados(0).ados());
        assertTrue(b.ados(0).ados() == b.ados(5).ados(), "one hierarchy shared by the loaded states, as by the run's");
        assertEquals(r.stats(), b.stats());
        // a loaded ADO state restarts the run: the same numbers as restarting from the original
        HeomResult again = solver.run(r.ados(4), linspace(1, 2, 5), List.of(sigmaz()));
        HeomResult fromLoaded = solver.run(b.ados(4), linspace(1, 2, 5), List.of(sigmaz()));
        assertBits(again.expect(0), fromLoaded.expect(0), "restart from a loaded ADO state");
    }

    @Test
    void heomSteadyStateAndFermionicExponents() {
        Qobj d = sigmam();
        FermionicBath lead = new LorentzianBath(d, 0.5, 1.0, 0.0, 1.0, 2, "left");
        HeomSolver solver = new HeomSolver(sigmaz().times(0.5), List.of(lead), 2, HeomOptions.defaults());
        HeomSteadyState s = solver.steadyState();
        Path p = dir.resolve("ss.qsave");
        qsave(s, p);
        HeomSteadyState b = qload(p, HeomSteadyState.class);
        assertBits(s.rho().toArray(), b.rho().toArray(), "rho");
        assertBits(s.ados().toArray(), b.ados().toArray(), "ADOs");
        assertSameHierarchy(s.ados().ados(), b.ados().ados());
        assertEquals(s.residual(), b.residual());
        assertEquals(s.method(), b.method());
        assertEquals(s.iterations(), b.iterations());
    }

    @Test
    void tagsThatCannotBeStoredAreRefusedBeforeWriting() {
        DrudeLorentzBath bath = new DrudeLorentzBath(sigmaz(), 0.1, 0.5, 0.5, 1, false, new Object());
        HeomSolver solver = new HeomSolver(sigmaz().times(0.25), List.of(bath), 2,
                HeomOptions.defaults().withAdoReturn(true));
        HeomResult r = solver.run(basis(2, 0), linspace(0, 1, 3), List.of(sigmaz()));
        Path p = dir.resolve("tag.qsave");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> qsave(r, p));
        assertTrue(e.getMessage().contains("tag of class java.lang.Object"), e.getMessage());
        assertTrue(Files.notExists(p));
        // a truncated HEOM file is refused like any other
        HeomResult plain = new HeomSolver(sigmaz().times(0.25), List.of(new DrudeLorentzBath(sigmaz(), 0.1, 0.5, 0.5, 1)),
                2, HeomOptions.defaults()).run(basis(2, 0), linspace(0, 1, 3), List.of(sigmaz()));
        qsave(plain, p);
        byte[] bytes = read(p);
        Path cut = dir.resolve("cut.qsave");
        writeQuietly(cut, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        DataFileException t = assertThrows(DataFileException.class, () -> qload(cut));
        assertTrue(t.getMessage().contains("truncated"), t.getMessage());
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void writeQuietly(Path p, byte[] b) {
        try {
            Files.write(p, b);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
