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
}
