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
}
