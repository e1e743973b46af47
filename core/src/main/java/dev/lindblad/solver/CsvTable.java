package dev.lindblad.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * The table of expectation values {@link DataFiles#saveCsv} writes, filled by a
 * {@link DataFileCodec} that exports another module's result ({@link DataFileCodec#writesCsv}):
 * the times, then one column per e-op, in order. {@code saveCsv} then writes it as it writes a
 * {@link Result}'s: a {@code time} column, one column for a real e-op and two ({@code _re},
 * {@code _im}) for a complex one, every double as {@link Double#toString(double)}.
 */
public final class CsvTable {

    double[] times;
    final List<double[]> values = new ArrayList<>();
    final List<Boolean> real = new ArrayList<>();

    CsvTable() {
    }

    /**
     * Sets the times, the first column.
     *
     * @param times the times, once
     */
    public void times(double[] times) {
        if (times == null) {
            throw new NullPointerException("CsvTable.times: times is null");
        }
        if (this.times != null) {
            throw new IllegalStateException("CsvTable.times: the times are already set");
        }
        this.times = times.clone();
    }

    /**
     * Adds an e-op's column (or two).
     *
     * @param interleaved the values at the times, as re, im pairs (length twice the times')
     * @param real        whether the values are real (one column, the real parts) or complex (two)
     */
    public void expect(double[] interleaved, boolean real) {
        if (interleaved == null) {
            throw new NullPointerException("CsvTable.expect: interleaved is null");
        }
        if (times == null) {
            throw new IllegalStateException("CsvTable.expect: set the times first");
        }
        if (interleaved.length != 2 * times.length) {
            throw new IllegalArgumentException("CsvTable.expect: interleaved has " + interleaved.length
                    + " doubles for " + times.length + " times");
        }
        values.add(interleaved.clone());
        this.real.add(real);
    }
}
