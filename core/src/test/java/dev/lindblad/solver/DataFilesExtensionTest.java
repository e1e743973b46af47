package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Qobj;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kind 5 of the qsave format: types of other modules through a {@link DataFileCodec} found by
 * {@link java.util.ServiceLoader} (this test registers {@link PairCodec} in
 * src/test/resources/META-INF/services; the heom module registers its results the same way).
 */
class DataFilesExtensionTest {

    @TempDir
    Path dir;

    /** A type core does not know. */
    record Pair(String name, Qobj op) {
    }

    /** Its codec, as another module would write one. */
    public static final class PairCodec implements DataFileCodec {
        @Override
        public String kind() {
            return "test.Pair";
        }

        @Override
        public boolean handles(Object value) {
            return value instanceof Pair;
        }

        @Override
        public void write(Object value, QsaveWriter out) throws IOException {
            Pair p = (Pair) value;
            out.writeString(p.name());
            out.writeQobj(p.op());
        }

        @Override
        public Object read(QsaveReader in) {
            String name = in.readString();
            Qobj op = in.readQobj();
            if (op == null) {
                throw in.corrupt("a Pair without its operator");
            }
            return new Pair(name, op);
        }
    }

    @Test
    void aCodecOfAnotherModuleStoresItsType() {
        Path p = dir.resolve("pair.qsave");
        Pair pair = new Pair("σx", sigmax());
        qsave(pair, p);
        Pair back = qload(p, Pair.class);
        assertEquals("σx", back.name());
        DataFilesTest.assertSameQobj(pair.op(), back.op(), "op");
    }

    /** A file of kind 5 whose payload is the given kind name and bytes, with a right checksum. */
    private static byte[] extensionFile(String kind, byte[] rest) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(payload);
        byte[] k = kind.getBytes(StandardCharsets.UTF_8);
        d.writeInt(k.length);
        d.write(k);
        d.write(rest);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream f = new DataOutputStream(file);
        f.write(QsaveCodec.MAGIC);
        f.writeShort(1);
        f.writeByte(QsaveCodec.KIND_EXTENSION);
        f.writeLong(payload.size());
        f.write(payload.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(file.toByteArray());
        f.writeInt((int) crc.getValue());
        return file.toByteArray();
    }

    @Test
    void aKindNoModuleReadsIsRefusedByName() throws IOException {
        Path p = dir.resolve("other.qsave");
        Files.write(p, extensionFile("org.example.Unknown", new byte[] {1, 2, 3}));
        DataFileException e = assertThrows(DataFileException.class, () -> qload(p));
        assertTrue(e.getMessage().contains("holds a org.example.Unknown, which no module on the class path reads"),
                e.getMessage());
    }

    @Test
    void aCodecsOwnChecksAndShortPayloadsAreCorruptFiles() throws IOException {
        Path p = dir.resolve("bad.qsave");
        // name "x", then an absent Qobj (byte 0): PairCodec refuses it
        Files.write(p, extensionFile("test.Pair", new byte[] {0, 0, 0, 1, 'x', 0}));
        DataFileException e = assertThrows(DataFileException.class, () -> qload(p));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("a Pair without its operator"),
                e.getMessage());
        Files.write(p, extensionFile("test.Pair", new byte[] {0, 0, 0, 9, 'x'}));
        e = assertThrows(DataFileException.class, () -> qload(p));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void unsupportedObjectsNameTheCodecsFound() {
        DataFileException e = assertThrows(DataFileException.class, () -> qsave(new StringBuilder(), dir.resolve("s")));
        assertTrue(e.getMessage().contains("qsave stores Qobj, Result, McResult, SteadyStateResult")
                && e.getMessage().contains("test.Pair"), e.getMessage());
    }

    /** A type of another module that exports HDF5 and CSV (issue #21) but not qsave's own kinds. */
    record Series(double[] times, double[] interleaved, int[] shape, boolean real) {
    }

    /** Its codec: times and values to CSV; times, a complex block of any shape and attributes to HDF5. */
    public static final class SeriesCodec implements DataFileCodec {
        @Override
        public String kind() {
            return "test.Series";
        }

        @Override
        public boolean handles(Object value) {
            return value instanceof Series;
        }

        @Override
        public void write(Object value, QsaveWriter out) throws IOException {
            Series s = (Series) value;
            out.writeDoubles(s.times());
            out.writeDoubles(s.interleaved());
        }

        @Override
        public Object read(QsaveReader in) {
            return new Series(in.readDoubles(), in.readDoubles(), null, false);
        }

        @Override
        public boolean writesHdf5(Object value) {
            return true;
        }

        @Override
        public void writeHdf5(Object value, Hdf5Writer out) {
            Series s = (Series) value;
            out.doubles("times", s.times());
            out.complex("block", s.interleaved(), s.shape());
            out.doubles("grid", new double[][] {{1, 2, 3}, {4, 5, 6}});
            out.ints("labels", new int[][] {{0, 1}, {1, 0}, {2, 2}});
            out.attribute("note", "a series");
            out.attribute("count", 7L);
            out.attribute("scale", 0.5);
            out.attribute("flags", new int[] {1, 0, 1});
            out.qobj("op", sigmay());
            out.qobjs("ops", List.of(sigmax(), sigmaz()));
            out.expect(new double[][] {s.interleaved()}, new boolean[] {s.real()});
        }

        @Override
        public boolean writesCsv(Object value) {
            return ((Series) value).real();
        }

        @Override
        public void writeCsv(Object value, CsvTable out) {
            Series s = (Series) value;
            out.times(s.times());
            out.expect(s.interleaved(), true);
        }
    }

    @Test
    void aCodecExportsItsTypeToHdf5AndCsv() throws IOException {
        double[] t = {0, 0.5, 1, 1.5, 2, 2.5};
        double[] v = new double[12];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 2 == 0 ? Math.sqrt(i + 1) : 0;
        }
        Series s = new Series(t, v, new int[] {3, 1, 2}, true);
        Path h = dir.resolve("series.h5");
        saveHdf5(s, h);
        try (io.jhdf.HdfFile f = new io.jhdf.HdfFile(h)) {
            assertEquals("Series", f.getAttribute("lindblad_type").getData());
            assertEquals("Lindblad", f.getAttribute("creator").getData());
            org.junit.jupiter.api.Assertions.assertArrayEquals(t, (double[]) f.getDatasetByPath("times").getData());
            double[][][][] b = (double[][][][]) f.getDatasetByPath("block").getData();
            assertEquals(3, b.length);
            assertEquals(1, b[0].length);
            assertEquals(2, b[0][0].length);
            int k = 0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    assertEquals(v[k++], b[i][0][j][0], "re (" + i + ", 0, " + j + ")");
                    assertEquals(v[k++], b[i][0][j][1], "im (" + i + ", 0, " + j + ")");
                }
            }
            assertEquals(6.0, ((double[][]) f.getDatasetByPath("grid").getData())[1][2]);
            assertEquals(2, ((int[][]) f.getDatasetByPath("labels").getData())[2][1]);
            assertEquals("a series", f.getAttribute("note").getData());
            assertEquals(7L, ((Number) f.getAttribute("count").getData()).longValue());
            assertEquals(0.5, ((Number) f.getAttribute("scale").getData()).doubleValue());
            org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 0, 1}, (int[]) f.getAttribute("flags").getData());
            double[][][] y = (double[][][]) f.getDatasetByPath("op").getData();
            assertEquals(-1.0, y[0][1][1], "sigmay[0, 1] = -i");
            assertEquals("[[2], [2]]", f.getDatasetByPath("op").getAttribute("dims").getData());
            double[][][][] ops = (double[][][][]) f.getDatasetByPath("ops").getData();
            assertEquals(1.0, ops[0][0][1][0], "sigmax[0, 1]");
            assertEquals(-1.0, ops[1][1][1][0], "sigmaz[1, 1]");
            assertEquals(6, ((double[][][]) f.getDatasetByPath("expect").getData())[0].length);
            assertEquals(1, ((Number) f.getAttribute("num_expect").getData()).intValue());
        }
        Path c = dir.resolve("series.csv");
        saveCsv(s, c, List.of("x"));
        List<String> lines = Files.readAllLines(c);
        assertEquals("time,x", lines.get(0));
        assertEquals("1.0," + Math.sqrt(5), lines.get(3));
        // a codec that says no to CSV for this value: refused, nothing written
        Path c2 = dir.resolve("complex.csv");
        DataFileException e = assertThrows(DataFileException.class,
                () -> saveCsv(new Series(t, v, new int[] {6}, false), c2));
        assertTrue(e.getMessage().contains("Series"), e.getMessage());
        assertTrue(!Files.exists(c2));
    }

    @Test
    void aCodecWithoutExportIsRefusedAndAFailedExportLeavesTheOldFile() throws IOException {
        Path h = dir.resolve("pair.h5");
        DataFileException e = assertThrows(DataFileException.class, () -> saveHdf5(new Pair("x", sigmax()), h));
        assertTrue(e.getMessage().contains("saveHdf5: cannot export a") && e.getMessage().contains("Pair"), e.getMessage());
        assertTrue(!Files.exists(h), "nothing written");
        e = assertThrows(DataFileException.class, () -> saveCsv(new Pair("x", sigmax()), h));
        assertTrue(e.getMessage().contains("Pair"), e.getMessage());
        // a codec that fails half-way (a block shape that does not match its values) leaves the target as it was
        Files.writeString(h, "old");
        double[] t = {0, 1};
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> saveHdf5(new Series(t, new double[] {1, 0, 2, 0}, new int[] {3}, true), h));
        assertTrue(x.getMessage().contains("Hdf5Writer.complex: block has 4 doubles for a complex shape needing 6"),
                x.getMessage());
        assertEquals("old", Files.readString(h));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().endsWith(".part")).count(), "no temporary file left");
        }
    }
}
