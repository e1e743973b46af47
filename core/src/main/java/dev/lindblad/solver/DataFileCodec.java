package dev.lindblad.solver;

import java.io.IOException;

/**
 * Teaches {@link DataFiles#qsave}/{@link DataFiles#qload} a type of another Lindblad module (the
 * {@code heom} module's {@code HeomResult}, for one), found with {@link java.util.ServiceLoader}:
 * a module provides an implementation ({@code META-INF/services/dev.lindblad.solver.DataFileCodec}
 * or {@code provides} in its module-info). Such an object is stored as kind 5 of the qsave
 * format: the codec's {@link #kind()} as a string, then what {@link #write} writes. The codec
 * writes every field it needs to rebuild the object and reads them back in the same order; the
 * file's checksum, truncation and version checks are {@link DataFiles}'s.
 *
 * <p>A codec may also export its types to HDF5 ({@link DataFiles#saveHdf5}) and CSV
 * ({@link DataFiles#saveCsv}): it says which with {@link #writesHdf5} and {@link #writesCsv}
 * (false by default, so such an object is refused, nothing written) and writes them through
 * {@link Hdf5Writer} and {@link CsvTable}, which keep docs/data-files.md's conventions.
 */
public interface DataFileCodec {

    /** @return the name stored in the file, unique among codecs: by convention a class name */
    String kind();

    /**
     * @param value an object given to qsave (not null)
     * @return whether this codec stores it
     */
    boolean handles(Object value);

    /**
     * Writes the object's fields.
     *
     * @param value an object this codec {@linkplain #handles handles}
     * @param out   the payload being written
     * @throws IOException from the underlying stream
     */
    void write(Object value, QsaveWriter out) throws IOException;

    /**
     * Reads back what {@link #write} wrote.
     *
     * @param in the payload, positioned after the kind
     * @return the object
     */
    Object read(QsaveReader in);

    /**
     * @param value an object this codec {@linkplain #handles handles}
     * @return whether {@link #writeHdf5} exports it; false unless overridden
     */
    default boolean writesHdf5(Object value) {
        return false;
    }

    /**
     * Writes the object's datasets and attributes into an HDF5 file's root group. The file
     * already has {@code lindblad_type} (the object's simple class name), {@code format_version}
     * and {@code creator}. An exception leaves no file (the target keeps its old content).
     *
     * @param value an object for which {@link #writesHdf5} is true
     * @param out   the file's root group
     */
    default void writeHdf5(Object value, Hdf5Writer out) {
        throw new UnsupportedOperationException(kind() + " does not export " + value.getClass().getName() + " to HDF5");
    }

    /**
     * @param value an object this codec {@linkplain #handles handles}
     * @return whether {@link #writeCsv} exports it; false unless overridden
     */
    default boolean writesCsv(Object value) {
        return false;
    }

    /**
     * Fills the table of expectation values {@link DataFiles#saveCsv} writes: the times, then
     * each e-op's values.
     *
     * @param value an object for which {@link #writesCsv} is true
     * @param out   the table
     */
    default void writeCsv(Object value, CsvTable out) {
        throw new UnsupportedOperationException(kind() + " does not export " + value.getClass().getName() + " to CSV");
    }
}
