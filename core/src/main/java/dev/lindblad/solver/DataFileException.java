package dev.lindblad.solver;

import java.nio.file.Path;

/**
 * A Lindblad data file could not be read or written: the file is not a Lindblad file (foreign),
 * it was cut short (truncated), its checksum does not match (corrupt), it was written by a newer
 * format version, or the object is of a kind that {@link DataFiles} does not store. The message
 * names the file and what was wrong. An I/O failure of the file system itself is reported as
 * {@link java.io.UncheckedIOException} instead.
 */
public final class DataFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;

    DataFileException(Path path, String message) {
        super(path == null ? message : path + ": " + message);
        this.path = path;
    }

    /** @return the file concerned, or null when the error is about the object (before any file was touched) */
    public Path path() {
        return path;
    }
}
