package dev.lindblad.solver;

import dev.lindblad.Qobj;
import java.util.List;

/**
 * The payload of a qsave file being read, for a {@link DataFileCodec}: reads back what
 * {@link QsaveWriter} wrote, in the same order. A payload that ends early or holds an impossible
 * count is reported by {@link DataFiles#qload} as a corrupt file; {@link #corrupt} lets a codec
 * report an inconsistency of its own the same way.
 */
public final class QsaveReader {

    private final QsaveCodec.In in;

    QsaveReader(QsaveCodec.In in) {
        this.in = in;
    }

    /** @return a 4-byte int */
    public int readInt() {
        return in.b.getInt();
    }

    /** @return an 8-byte long */
    public long readLong() {
        return in.b.getLong();
    }

    /** @return a double, bit for bit */
    public double readDouble() {
        return in.dbl();
    }

    /** @return a boolean */
    public boolean readBoolean() {
        return in.bool();
    }

    /** @return a string, or null */
    public String readString() {
        return in.string();
    }

    /** @return doubles, or null */
    public double[] readDoubles() {
        return in.doubles();
    }

    /** @return ints */
    public int[] readInts() {
        return in.ints();
    }

    /** @return a quantum object, or null */
    public Qobj readQobj() {
        return in.qobj();
    }

    /** @return quantum objects (a mutable list), or null */
    public List<Qobj> readQobjs() {
        return in.qobjs();
    }

    /** @return solver statistics, or null */
    public Stats readStats() {
        return in.stats();
    }

    /**
     * @param what what is inconsistent
     * @return the exception to throw: the file is corrupt
     */
    public DataFileException corrupt(String what) {
        if (what == null) {
            throw new NullPointerException("corrupt: what is null");
        }
        return in.bad(what);
    }
}
