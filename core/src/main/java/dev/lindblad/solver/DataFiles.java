package dev.lindblad.solver;

import dev.lindblad.Qobj;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Data files: QuTiP's {@code qsave}/{@code qload} for quantum objects and solver results, HDF5
 * export for h5py and other HDF5 readers, and CSV export of expectation values. The formats are
 * specified in {@code docs/data-files.md}.
 *
 * <ul>
 *   <li>{@link #qsave} writes {@link Qobj}, {@link Result}, {@link McResult} and
 *       {@link SteadyStateResult} in Lindblad's versioned binary format ({@value #FORMAT_VERSION});
 *       {@link #qload} gives back an equal object, every double bit for bit (times, expectation
 *       values, states, seeds, collapses, statistics), the matrix format (dense, CSR, DIA) kept.
 *       Only a failed trajectory's exception comes back as a stand-in holding the original
 *       class name and message.</li>
 *   <li>{@link #saveHdf5} writes the same objects as HDF5 (through jhdf), complex arrays as
 *       float64 arrays with a last axis of length 2 (re, im), so that
 *       {@code h5py.File(p)['expect'][()].view(complex)[..., 0]} is the complex array.</li>
 *   <li>{@link #saveCsv} writes the expectation values of a {@link Result} or {@link McResult}:
 *       a column of times, then one column per real e-op or two ({@code _re}, {@code _im}) per
 *       complex one.</li>
 * </ul>
 *
 * Every writer first builds the whole content, writes it to a temporary file in the target's
 * directory and then moves it over the target, so that a failure never leaves a half-written
 * file under the target's name. Errors: {@link DataFileException} for a foreign, truncated,
 * corrupt or newer-version file and for an object that is not stored;
 * {@link UncheckedIOException} for a failure of the file system.
 */
public final class DataFiles {

    /** The qsave format version this Lindblad writes, and the newest it reads. */
    public static final int FORMAT_VERSION = QsaveCodec.VERSION;

    private DataFiles() {
    }

    private static <T> T nonNull(T x, String op, String name) {
        if (x == null) {
            throw new NullPointerException(op + ": " + name + " is null");
        }
        return x;
    }

    /**
     * Saves a quantum object or a solver result, as QuTiP's {@code qsave(data, name)} (which
     * pickles; this writes Lindblad's binary format, version {@value #FORMAT_VERSION}). The file
     * name is used as given (no extension is added; {@code .qsave} is the convention).
     *
     * @param object a {@link Qobj}, {@link Result}, {@link McResult} or {@link SteadyStateResult}
     * @param path   the file to write; replaced whole if it exists
     * @throws DataFileException    for any other object (nothing is written)
     * @throws UncheckedIOException when the file system fails (the target is left as it was)
     */
    public static void qsave(Object object, Path path) {
        nonNull(object, "qsave", "object");
        nonNull(path, "qsave", "path");
        byte[] bytes = QsaveCodec.encode(object);
        writeAtomically(path, "qsave", tmp -> Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW));
    }

    /**
     * Loads what {@link #qsave} wrote, as QuTiP's {@code qload(name)}.
     *
     * @param path the file
     * @return the object: a {@link Qobj}, {@link Result}, {@link McResult} or {@link SteadyStateResult}
     * @throws DataFileException    when the file is not a Lindblad data file, is truncated or
     *                              corrupt (CRC-32 mismatch), or has a newer format version
     * @throws UncheckedIOException when the file cannot be read (missing, unreadable)
     */
    public static Object qload(Path path) {
        nonNull(path, "qload", "path");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("qload: no such file " + path, e);
        } catch (IOException e) {
            throw new UncheckedIOException("qload: cannot read " + path + ": " + e.getMessage(), e);
        }
        return QsaveCodec.decode(bytes, path);
    }

    /**
     * {@link #qload(Path)} that checks the kind of object: {@code qload(p, Result.class)}.
     *
     * @param path the file
     * @param type the class expected
     * @param <T>  the type expected
     * @return the object
     * @throws DataFileException when the file holds another kind of object (named in the message)
     */
    public static <T> T qload(Path path, Class<T> type) {
        nonNull(path, "qload", "path");
        nonNull(type, "qload", "type");
        Object o = qload(path);
        if (!type.isInstance(o)) {
            throw new DataFileException(path, "holds a " + o.getClass().getSimpleName() + ", not a "
                    + type.getSimpleName());
        }
        return type.cast(o);
    }

    /**
     * Exports a quantum object or a solver result to HDF5 (the layout is in
     * {@code docs/data-files.md}): complex arrays are float64 with a last axis (re, im), named
     * datasets {@code data} (a Qobj), {@code times}, {@code expect}, {@code states},
     * {@code final_state}, ... and attributes {@code lindblad_type}, {@code format_version},
     * {@code dims} (QuTiP's notation) and {@code type}. Matrices are written dense, row by row
     * ({@code data[i, j] = A_ij}, as numpy reads them).
     *
     * @param object a {@link Qobj}, {@link Result}, {@link McResult} or {@link SteadyStateResult},
     *               or a type of another module whose {@link DataFileCodec} exports HDF5 (the
     *               {@code heom} module's {@code HeomResult} and {@code HeomSteadyState}, the
     *               {@code control} module's {@code OptimResult})
     * @param path   the file to write; replaced whole if it exists
     * @throws DataFileException for any other object (nothing is written)
     */
    public static void saveHdf5(Object object, Path path) {
        nonNull(object, "saveHdf5", "object");
        nonNull(path, "saveHdf5", "path");
        DataFileCodec codec = Hdf5Export.check(object);
        writeAtomically(path, "saveHdf5", tmp -> Hdf5Export.write(object, codec, tmp));
    }

    /**
     * Exports the expectation values of a result as CSV with columns {@code time, e0, e1, ...},
     * as QuTiP's {@code file_data_store} writes a table; see {@link #saveCsv(Object, Path, List)}.
     *
     * @param result a {@link Result} or {@link McResult} (its average)
     * @param path   the file to write
     */
    public static void saveCsv(Object result, Path path) {
        nonNull(result, "saveCsv", "result");
        nonNull(path, "saveCsv", "path");
        saveCsv(result, path, null);
    }

    /**
     * Exports the expectation values of a result as CSV (RFC 4180, comma separated, {@code \n}
     * line ends, a header line). The first column is the time; then a real e-op (Hermitian,
     * whose values are real) takes one column named by its label, a complex one two columns,
     * {@code label_re} and {@code label_im}. Numbers are written as Java's
     * {@link Double#toString(double)}, the shortest decimal that reads back to the same double.
     *
     * @param result a {@link Result} or {@link McResult} (its average), or a type of another
     *               module whose {@link DataFileCodec} exports CSV (the {@code heom} module's
     *               {@code HeomResult})
     * @param path   the file to write
     * @param labels one name per e-op, or null for {@code e0, e1, ...}
     * @throws DataFileException for another object, or a McResult with no finished trajectory
     */
    public static void saveCsv(Object result, Path path, List<String> labels) {
        nonNull(result, "saveCsv", "result");
        nonNull(path, "saveCsv", "path");
        String text = CsvExport.text(result, labels);
        writeAtomically(path, "saveCsv", tmp -> Files.writeString(tmp, text, StandardOpenOption.CREATE_NEW));
    }

    @FunctionalInterface
    interface Writer {
        void write(Path tmp) throws IOException;
    }

    /**
     * Writes through a temporary file next to the target, then moves it over the target. The
     * temporary file is created by the writer as any new file is (so it gets the usual
     * permissions, not {@code createTempFile}'s owner-only ones); a target that exists keeps its
     * POSIX permissions.
     */
    static void writeAtomically(Path path, String op, Writer writer) {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(TEMP_NAMES.nextLong(), 36)
                + ".part");
        boolean moved = false;
        try {
            writer.write(tmp);
            try {
                if (Files.exists(target)) {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
                }
            } catch (UnsupportedOperationException | IOException e) {
                // not a POSIX file system, or the target is not ours to read: the new file's own permissions stand
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw new UncheckedIOException(op + ": cannot write " + path + ": " + e, e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the first failure is the one to report
                }
            }
        }
    }

    private static final java.util.random.RandomGenerator TEMP_NAMES = new java.security.SecureRandom();
}
