package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Complex;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.DiaMatrix;
import dev.lindblad.data.Matrix;
import dev.lindblad.parallel.TaskMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * qsave/qload (issue #21): every stored double comes back bit for bit, and a foreign,
 * truncated, corrupt or newer file is refused with a message that says which.
 */
class DataFilesTest {

    @TempDir
    Path dir;

    static final int N = 4;

    static Result meRun() {
        Qobj a = destroy(N);
        Qobj h = a.dag().times(a).plus(a.plus(a.dag()).times(0.3));
        return mesolve(h, fockDm(N, 2), linspace(0, 2, 11), List.of(a.times(Math.sqrt(0.2))),
                List.of(a.dag().times(a), a), SolverOptions.defaults().withStoreStates(true));
    }

    static McResult mcRun() {
        Qobj a = destroy(N);
        Qobj h = a.dag().times(a).plus(a.plus(a.dag()).times(0.3));
        return mcsolve(h, basis(N, 2), linspace(0, 2, 6), List.of(a.times(Math.sqrt(0.5))),
                List.of(a.dag().times(a), a), McOptions.defaults().withNtraj(6).withSeed(11).withMap(TaskMap.serial())
                        .withKeepRuns(true).withStoreStates(true));
    }

    static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                throw new AssertionError(what + "[" + i + "]: " + expected[i] + " came back as " + actual[i]);
            }
        }
    }

    static double[] values(Matrix m) {
        return switch (m) {
            case DenseMatrix d -> d.array();
            case CsrMatrix c -> Arrays.copyOf(c.valueArray(), 2 * c.rowPointers()[c.rows()]);
            case DiaMatrix d -> d.valueArray();
        };
    }

    /** Same dims, same storage format, same structure, same bits. */
    static void assertSameQobj(Qobj expected, Qobj actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
            return;
        }
        assertEquals(expected.dims(), actual.dims(), what + " dims");
        assertEquals(expected.type(), actual.type(), what + " type");
        assertEquals(expected.data().getClass(), actual.data().getClass(), what + " format");
        assertBits(values(expected.data()), values(actual.data()), what + " values");
        if (expected.data() instanceof CsrMatrix c) {
            CsrMatrix d = (CsrMatrix) actual.data();
            assertArrayEquals(c.rowPointers(), d.rowPointers(), what + " row pointers");
            assertArrayEquals(Arrays.copyOf(c.columnIndices(), c.rowPointers()[c.rows()]),
                    Arrays.copyOf(d.columnIndices(), d.rowPointers()[d.rows()]), what + " column indices");
        }
        if (expected.data() instanceof DiaMatrix c) {
            assertArrayEquals(c.offsets(), ((DiaMatrix) actual.data()).offsets(), what + " offsets");
        }
    }

    static void assertSameStates(List<Qobj> expected, List<Qobj> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + " count");
        for (int i = 0; i < expected.size(); i++) {
            assertSameQobj(expected.get(i), actual.get(i), what + "[" + i + "]");
        }
    }

    static void assertSameResult(Result e, Result a) {
        assertBits(e.times(), a.times(), "times");
        assertEquals(e.numExpect(), a.numExpect());
        for (int k = 0; k < e.numExpect(); k++) {
            assertBits(e.expectComplex(k), a.expectComplex(k), "expect " + k);
            assertEquals(e.rawFirstComplex()[k], a.rawFirstComplex()[k], "complex marker of e-op " + k);
        }
        assertSameStates(e.states(), a.states(), "states");
        assertSameQobj(e.finalState(), a.finalState(), "final state");
        assertEquals(e.stats(), a.stats());
    }

    static void assertSameResultButStates(Result e, Result a) {
        assertBits(e.times(), a.times(), "times");
        for (int k = 0; k < e.numExpect(); k++) {
            assertBits(e.expectComplex(k), a.expectComplex(k), "expect " + k);
        }
        assertSameQobj(e.finalState(), a.finalState(), "final state");
        assertEquals(e.stats(), a.stats());
    }

    @Test
    void qobjsOfEveryTypeAndFormatComeBackBitForBit() {
        Qobj dense = coherent(N, new Complex(0.3, -0.7));
        double[] withNegativeZero = dense.toArray();
        withNegativeZero[1] = -0.0;
        Qobj negZero = Qobj.of(DenseMatrix.wrap(N, 1, withNegativeZero), Dims.ket(N));
        Qobj csr = tensor(destroy(3), sigmax()).plus(tensor(qeye(3), sigmaz()).times(new Complex(0.1, 0.2)));
        Qobj dia = Qobj.of(DiaMatrix.of(3, 3, new int[] {-1, 1}, new double[] {0, 0, 1, -2, 3, 0.5, 7, 1, 0, 0, 0, 0}),
                Dims.oper(3));
        Qobj superop = liouvillian(sigmaz(), List.of(sigmam()));
        Qobj opKet = operatorToVector(sigmay());
        Qobj opBra = opKet.dag();
        Qobj bra = basis(new int[] {2, 3}, new int[] {1, 2}).dag();
        Qobj rect = Qobj.of(DenseMatrix.fromRows(new double[][] {{1, 2, 3}, {4, 5, 6}}, null), Dims.of(new int[] {2},
                new int[] {3}));
        for (Qobj q : List.of(dense, negZero, csr, dia, superop, opKet, opBra, bra, rect)) {
            Path p = dir.resolve("q.qsave");
            qsave(q, p);
            Object back = qload(p);
            assertInstanceOf(Qobj.class, back);
            assertSameQobj(q, (Qobj) back, q.type() + " " + q.data().getClass().getSimpleName());
        }
        assertTrue(dia.data() instanceof DiaMatrix, "the DIA case is stored as DIA");
    }

    @Test
    void resultsComeBackBitForBit() {
        Result r = meRun();
        Path p = dir.resolve("me.qsave");
        qsave(r, p);
        Result back = qload(p, Result.class);
        assertSameResult(r, back);
        // the e-op a is complex: expect(1) is refused on the loaded result as on the original
        IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class, () -> r.expect(1));
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> back.expect(1));
        assertEquals(e1.getMessage(), e2.getMessage());
        assertBits(r.expect(0), back.expect(0), "expect(0)");
    }

    @Test
    void resultWithoutStatesOrEOps() {
        Result r = sesolve(sigmax(), basis(2, 0), linspace(0, 1, 3), List.of());
        Path p = dir.resolve("se.qsave");
        qsave(r, p);
        Result back = qload(p, Result.class);
        assertEquals(0, back.numExpect());
        assertBits(r.times(), back.times(), "times");
        assertSameStates(r.states(), back.states(), "states (kept by default without e-ops, as QuTiP)");
        Result noStates = sesolve(sigmax(), basis(2, 0), linspace(0, 1, 3), List.of(sigmaz()));
        qsave(noStates, p);
        Result back2 = qload(p, Result.class);
        assertThrows(IllegalStateException.class, noStates::states);
        assertThrows(IllegalStateException.class, back2::states);
        assertSameResultButStates(noStates, back2);
    }

    @Test
    void mcResultsComeBackBitForBit() {
        McResult r = mcRun();
        Path p = dir.resolve("mc.qsave");
        qsave(r, p);
        McResult b = qload(p, McResult.class);
        assertBits(r.times(), b.times(), "times");
        assertEquals(r.ntraj(), b.ntraj());
        assertEquals(r.requestedNtraj(), b.requestedNtraj());
        assertEquals(r.masterSeed(), b.masterSeed());
        assertArrayEquals(r.seeds(), b.seeds());
        assertArrayEquals(r.trajectoryIndices(), b.trajectoryIndices());
        assertEquals(r.stopReason(), b.stopReason());
        assertEquals(r.collapses(), b.collapses());
        assertTrue(r.collapseCounts().length > 0 && Arrays.stream(r.collapseCounts()).sum() > 0,
                "the run has jumps to store");
        for (int k = 0; k < r.numExpect(); k++) {
            assertBits(r.expectComplex(k), b.expectComplex(k), "mean " + k);
            assertBits(r.rawStd()[k], b.rawStd()[k], "std " + k);
            assertBits(r.rawStdError()[k], b.rawStdError()[k], "standard error " + k);
        }
        assertBits(r.stdExpect(0), b.stdExpect(0), "stdExpect(0)");
        assertThrows(IllegalStateException.class, () -> b.expect(1), "a is not Hermitian, loaded or not");
        assertEquals(r.runs().size(), b.runs().size());
        for (int j = 0; j < r.runs().size(); j++) {
            assertBits(r.runs().get(j).expectComplex(0), b.runs().get(j).expectComplex(0), "run " + j);
        }
        assertSameStates(r.states(), b.states(), "states");
        assertSameQobj(r.finalState(), b.finalState(), "final state");
        assertBits(new double[] {r.noJumpProbability()}, new double[] {b.noJumpProbability()}, "p0");
        assertEquals(r.stats(), b.stats());
        assertEquals(r.failures(), b.failures());
    }

    @Test
    void failedTrajectoriesKeepIndexSeedAndTheCauseAsText() {
        McResult r = mcRun();
        McResult withFailure = new McResult(r.rawTimes(), r.rawMean(), r.rawStd(), r.rawStdError(), r.rawHermitian(),
                r.requestedNtraj() + 1, r.masterSeed(), r.trajectoryIndices(), r.seeds(), r.collapses(), null, null,
                r.finalState(), List.of(new TrajectoryFailure(6, 42L, new IntegrationException("step size underflow at t = 1.5",
                        null, 1.5, null))), McResult.StopReason.FAILURE, r.noJumpProbability(), r.stats());
        Path p = dir.resolve("fail.qsave");
        qsave(withFailure, p);
        McResult b = qload(p, McResult.class);
        assertEquals(1, b.failures().size());
        assertEquals(6, b.failures().get(0).index());
        assertEquals(42L, b.failures().get(0).seed());
        assertEquals(IntegrationException.class.getName() + ": step size underflow at t = 1.5",
                b.failures().get(0).cause().getMessage());
        assertEquals(McResult.StopReason.FAILURE, b.stopReason());
        assertThrows(IllegalStateException.class, b::runs);
        assertThrows(IllegalStateException.class, b::states);
    }

    @Test
    void steadyStateResults() {
        SteadyStateResult s = new SteadyStateSolver(destroy(3).dag().times(destroy(3)), List.of(destroy(3)),
                SteadyStateOptions.defaults()).solve();
        Path p = dir.resolve("ss.qsave");
        qsave(s, p);
        SteadyStateResult b = qload(p, SteadyStateResult.class);
        assertSameQobj(s.state(), b.state(), "state");
        assertEquals(s, new SteadyStateResult(s.state(), b.residual(), b.method(), b.iterations(), b.fill(), b.seconds()));
    }

    // ------------------------------------------------------------- refusals

    private byte[] saved(Object o) throws IOException {
        Path p = dir.resolve("ok.qsave");
        qsave(o, p);
        return Files.readAllBytes(p);
    }

    private DataFileException refused(byte[] bytes) throws IOException {
        Path p = dir.resolve("bad.qsave");
        Files.write(p, bytes);
        DataFileException e = assertThrows(DataFileException.class, () -> qload(p));
        assertTrue(e.getMessage().startsWith(p.toString()), "the message names the file: " + e.getMessage());
        assertEquals(p, e.path());
        return e;
    }

    @Test
    void foreignFilesAreRefused() throws IOException {
        assertTrue(refused("time,e0\n0.0,1.0\n".getBytes()).getMessage().contains("not a Lindblad data file"));
        assertTrue(refused(new byte[0]).getMessage().contains("empty"));
        // an HDF5 file is not a qsave file either
        Path h5 = dir.resolve("x.h5");
        saveHdf5(sigmax(), h5);
        assertTrue(refused(Files.readAllBytes(h5)).getMessage().contains("not a Lindblad data file"));
    }

    @Test
    void truncatedFilesAreRefusedAtEveryLength() throws IOException {
        byte[] ok = saved(meRun());
        for (int len : new int[] {9, 12, QsaveCodec.HEADER, QsaveCodec.HEADER + 5, ok.length / 2, ok.length - 1}) {
            String m = refused(Arrays.copyOf(ok, len)).getMessage();
            assertTrue(m.contains("truncated"), len + " bytes: " + m);
        }
    }

    @Test
    void corruptFilesAreRefused() throws IOException {
        byte[] ok = saved(mcRun());
        for (int at : new int[] {QsaveCodec.HEADER, QsaveCodec.HEADER + 100, ok.length / 2, ok.length - 5, ok.length - 1}) {
            byte[] bad = ok.clone();
            bad[at] ^= 0x10;
            String m = refused(bad).getMessage();
            assertTrue(m.contains("corrupt") && m.contains("checksum"), "byte " + at + ": " + m);
        }
        byte[] longer = Arrays.copyOf(ok, ok.length + 3);
        assertTrue(refused(longer).getMessage().contains("bytes follow the end"));
    }

    /** Rewrites a header field and the checksum, as a newer writer would. */
    private static byte[] withHeader(byte[] ok, int version, int kind) {
        byte[] b = ok.clone();
        ByteBuffer bb = ByteBuffer.wrap(b);
        bb.putShort(QsaveCodec.MAGIC.length, (short) version);
        bb.put(QsaveCodec.MAGIC.length + 2, (byte) kind);
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        bb.putInt(b.length - 4, (int) crc.getValue());
        return b;
    }

    @Test
    void newerVersionsAndKindsAreRefusedByName() throws IOException {
        byte[] ok = saved(sigmax());
        assertTrue(refused(withHeader(ok, 2, QsaveCodec.KIND_QOBJ)).getMessage().contains("format version 2"));
        assertTrue(refused(withHeader(ok, 1, 99)).getMessage().contains("unknown object kind 99"));
        // a consistent checksum over a payload of another kind: the payload does not parse as a Result
        String m = refused(withHeader(ok, 1, QsaveCodec.KIND_RESULT)).getMessage();
        assertTrue(m.contains("corrupt"), m);
    }

    @Test
    void wrongKindMissingFileAndUnsupportedObjects() throws IOException {
        Path p = dir.resolve("q.qsave");
        qsave(sigmax(), p);
        DataFileException e = assertThrows(DataFileException.class, () -> qload(p, Result.class));
        assertTrue(e.getMessage().contains("holds a Qobj, not a Result"), e.getMessage());
        UncheckedIOException missing = assertThrows(UncheckedIOException.class, () -> qload(dir.resolve("none.qsave")));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        Path target = dir.resolve("list.qsave");
        DataFileException u = assertThrows(DataFileException.class, () -> qsave(List.of(sigmax()), target));
        assertTrue(u.getMessage().contains("cannot store a java.util"), u.getMessage());
        assertTrue(Files.notExists(target), "nothing written for an unsupported object");
        assertThrows(DataFileException.class, () -> saveHdf5("text", dir.resolve("t.h5")));
        assertThrows(DataFileException.class, () -> saveCsv(sigmax(), dir.resolve("t.csv")));
        assertTrue(Files.notExists(dir.resolve("t.h5")) && Files.notExists(dir.resolve("t.csv")));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path p = dir.resolve("keep.qsave");
        qsave(sigmax(), p);
        byte[] before = Files.readAllBytes(p);
        assertThrows(DataFileException.class, () -> qsave(new Object(), p));
        // a directory in the way of the move: the write fails after the temporary file was written
        Path blocked = dir.resolve("blocked.qsave");
        Files.createDirectory(blocked);
        Files.writeString(blocked.resolve("child"), "x");
        assertThrows(UncheckedIOException.class, () -> qsave(sigmay(), blocked));
        assertArrayEquals(before, Files.readAllBytes(p));
        try (var files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(List.of("blocked.qsave", "keep.qsave"), names, "no temporary file left behind");
        }
        qsave(sigmay(), p);   // replacing an existing file works
        assertSameQobj(sigmay(), qload(p, Qobj.class), "replaced");
    }

    @Test
    void filesGetTheUsualPermissionsAndKeepTheirOwn() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "not a POSIX file system: no permissions to compare");
        Path plain = Files.createFile(dir.resolve("plain"));
        Path p = dir.resolve("new.qsave");
        qsave(sigmax(), p);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(p),
                "a new file gets what any new file gets (the umask), not a temporary file's owner-only mode");
        Path h5 = dir.resolve("new.h5");
        saveHdf5(sigmax(), h5);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(h5));
        var mode = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(p, mode);
        qsave(sigmay(), p);
        assertEquals(mode, Files.getPosixFilePermissions(p), "a replaced file keeps its mode");
    }

    @Test
    void nullArgumentsAreNamed() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> qsave(null, dir.resolve("x")));
        assertEquals("qsave: object is null", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> DataFiles.qload(null, Qobj.class));
        assertEquals("qload: path is null", e.getMessage());
    }
}
