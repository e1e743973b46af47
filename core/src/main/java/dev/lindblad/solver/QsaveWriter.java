package dev.lindblad.solver;

import dev.lindblad.Qobj;
import java.io.IOException;
import java.util.List;

/**
 * The payload of a qsave file being written, for a {@link DataFileCodec}: the primitives of
 * docs/data-files.md (big-endian, doubles as raw IEEE-754 bits). Values that may be absent
 * ({@code string}, {@code doubles}, {@code qobj}, {@code qobjs}, {@code stats}, {@code result})
 * accept null and read back as null.
 */
public final class QsaveWriter {

    private final QsaveCodec.Out out;

    QsaveWriter(QsaveCodec.Out out) {
        this.out = out;
    }

    /** @param v a 4-byte int */
    public void writeInt(int v) throws IOException {
        out.d.writeInt(v);
    }

    /** @param v an 8-byte long */
    public void writeLong(long v) throws IOException {
        out.d.writeLong(v);
    }

    /** @param v a double, bit for bit */
    public void writeDouble(double v) throws IOException {
        out.dbl(v);
    }

    /** @param v a boolean byte */
    public void writeBoolean(boolean v) throws IOException {
        out.d.writeBoolean(v);
    }

    /** @param s a UTF-8 string, or null */
    public void writeString(String s) throws IOException {
        out.string(s);
    }

    /** @param a doubles, or null */
    public void writeDoubles(double[] a) throws IOException {
        out.doubles(a);
    }

    /** @param a ints (not null) */
    public void writeInts(int[] a) throws IOException {
        if (a == null) {
            throw new NullPointerException("writeInts: a is null");
        }
        out.ints(a, a.length);
    }

    /** @param q a quantum object in its storage format (dense, CSR, DIA), or null */
    public void writeQobj(Qobj q) throws IOException {
        out.qobj(q);
    }

    /** @param list quantum objects, or null */
    public void writeQobjs(List<Qobj> list) throws IOException {
        out.qobjs(list);
    }

    /** @param s solver statistics, or null */
    public void writeStats(Stats s) throws IOException {
        out.stats(s);
    }
}
