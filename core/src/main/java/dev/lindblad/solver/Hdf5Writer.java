package dev.lindblad.solver;

import dev.lindblad.Qobj;
import io.jhdf.api.WritableGroup;
import java.lang.reflect.Array;
import java.util.List;

/**
 * The HDF5 file being written by {@link DataFiles#saveHdf5}, for a {@link DataFileCodec} that
 * exports another module's type ({@link DataFileCodec#writesHdf5}). It writes into the file's
 * root group, with the conventions of docs/data-files.md: a complex array is a float64 dataset
 * with one more axis, of length 2, holding (re, im); matrices are dense and row-major
 * ({@code data[i, j] = A_ij}); datasets of more than one axis are chunked along their first axis.
 * {@link DataFiles} has already written the root attributes {@code lindblad_type} (the object's
 * simple class name), {@code format_version} and {@code creator}. jhdf is not part of this
 * class's surface, so a module that exports HDF5 needs no HDF5 library of its own.
 */
public final class Hdf5Writer {

    private final WritableGroup g;

    Hdf5Writer(WritableGroup g) {
        this.g = g;
    }

    private static <T> T nonNull(T x, String op, String name) {
        if (x == null) {
            throw new NullPointerException("Hdf5Writer." + op + ": " + name + " is null");
        }
        return x;
    }

    /**
     * A string attribute of the root group (h5py gives it as {@code bytes}).
     *
     * @param name  the attribute's name
     * @param value its value
     */
    public void attribute(String name, String value) {
        g.putAttribute(nonNull(name, "attribute", "name"), nonNull(value, "attribute", "value"));
    }

    /**
     * An int64 attribute of the root group.
     *
     * @param name  the attribute's name
     * @param value its value
     */
    public void attribute(String name, long value) {
        g.putAttribute(nonNull(name, "attribute", "name"), value);
    }

    /**
     * A float64 attribute of the root group (NaN and infinities are stored as they are).
     *
     * @param name  the attribute's name
     * @param value its value
     */
    public void attribute(String name, double value) {
        g.putAttribute(nonNull(name, "attribute", "name"), value);
    }

    /**
     * An int32 array attribute of the root group.
     *
     * @param name   the attribute's name
     * @param values its values (not empty: HDF5 has no empty attribute jhdf writes)
     */
    public void attribute(String name, int[] values) {
        nonNull(name, "attribute", "name");
        if (nonNull(values, "attribute", "values").length == 0) {
            throw new IllegalArgumentException("Hdf5Writer.attribute: values of " + name + " is empty");
        }
        g.putAttribute(name, values.clone());
    }

    /**
     * A float64 dataset of shape (n,).
     *
     * @param name   the dataset's name
     * @param values its values, bit for bit
     */
    public void doubles(String name, double[] values) {
        g.putDataset(nonNull(name, "doubles", "name"), nonNull(values, "doubles", "values").clone());
    }

    /**
     * A float64 dataset of shape (rows, cols), {@code data[i, j] = values[i][j]}.
     *
     * @param name   the dataset's name
     * @param values a rectangular array with at least one row and one column
     */
    public void doubles(String name, double[][] values) {
        nonNull(name, "doubles", "name");
        int cols = rectangular(nonNull(values, "doubles", "values"), name);
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        Hdf5Export.putArray(g, name, copy, values.length, cols);
    }

    /**
     * An int32 dataset of shape (rows, cols) (the ADO labels of a hierarchy, say).
     *
     * @param name   the dataset's name
     * @param values a rectangular array with at least one row and one column
     */
    public void ints(String name, int[][] values) {
        nonNull(name, "ints", "name");
        nonNull(values, "ints", "values");
        if (values.length == 0 || values[0] == null || values[0].length == 0) {
            throw new IllegalArgumentException("Hdf5Writer.ints: " + name + " is empty");
        }
        int[][] copy = new int[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].length != values[0].length) {
                throw new IllegalArgumentException("Hdf5Writer.ints: " + name + " is not rectangular (row " + i + ")");
            }
            copy[i] = values[i].clone();
        }
        Hdf5Export.putArray(g, name, copy, values.length, values[0].length);
    }

    /**
     * A complex dataset: a float64 array of shape {@code shape + (2,)}.
     *
     * @param name        the dataset's name
     * @param interleaved the values in row-major (C) order, each as re, im: length
     *                    {@code 2 * prod(shape)}
     * @param shape       the complex array's shape, at least one axis, each at least 1
     */
    public void complex(String name, double[] interleaved, int... shape) {
        nonNull(name, "complex", "name");
        nonNull(interleaved, "complex", "interleaved");
        nonNull(shape, "complex", "shape");
        if (shape.length == 0) {
            throw new IllegalArgumentException("Hdf5Writer.complex: shape of " + name + " has no axis");
        }
        long n = 2;
        for (int s : shape) {
            if (s < 1) {
                throw new IllegalArgumentException("Hdf5Writer.complex: shape of " + name + " has an axis of " + s);
            }
            n *= s;
        }
        if (n != interleaved.length) {
            throw new IllegalArgumentException("Hdf5Writer.complex: " + name + " has " + interleaved.length
                    + " doubles for a complex shape needing " + n);
        }
        int[] full = java.util.Arrays.copyOf(shape, shape.length + 1);
        full[shape.length] = 2;
        Object data = Array.newInstance(double.class, full);
        fill(data, interleaved, new int[] {0}, full.length);
        Hdf5Export.putArray(g, name, data, full);
    }

    private static void fill(Object a, double[] src, int[] pos, int rank) {
        if (rank == 1) {
            double[] d = (double[]) a;
            System.arraycopy(src, pos[0], d, 0, d.length);
            pos[0] += d.length;
            return;
        }
        for (int i = 0, n = Array.getLength(a); i < n; i++) {
            fill(Array.get(a, i), src, pos, rank - 1);
        }
    }

    /**
     * A quantum object as a complex dataset (rows, cols, 2), with the attributes {@code dims}
     * (QuTiP's notation), {@code type}, {@code shape} and {@code isherm} on the dataset, as
     * {@code saveHdf5(qobj)} writes its {@code data}.
     *
     * @param name the dataset's name
     * @param q    the object, written dense
     */
    public void qobj(String name, Qobj q) {
        Hdf5Export.putQobj(g, nonNull(name, "qobj", "name"), nonNull(q, "qobj", "q"));
    }

    /**
     * Quantum objects of one shape as a complex dataset (count, rows, cols, 2), with {@code dims}
     * and {@code type} of the first on it, as a result's {@code states}. An empty list writes
     * nothing.
     *
     * @param name   the dataset's name
     * @param states the objects, all of the same shape
     */
    public void qobjs(String name, List<Qobj> states) {
        nonNull(name, "qobjs", "name");
        nonNull(states, "qobjs", "states");
        for (int i = 0; i < states.size(); i++) {
            Qobj q = nonNull(states.get(i), "qobjs", "states[" + i + "]");
            if (q.data().rows() != states.get(0).data().rows() || q.data().cols() != states.get(0).data().cols()) {
                throw new IllegalArgumentException("Hdf5Writer.qobjs: states[" + i + "] is not of the shape of states[0]");
            }
        }
        Hdf5Export.putStates(g, name, states);
    }

    /**
     * Expectation values as a result's: the complex dataset {@code expect} (e-ops, n, 2) (left
     * out when there are none), and the root attributes {@code num_expect} and
     * {@code expect_is_real} (1 per e-op whose values are real).
     *
     * @param values per e-op the interleaved values (re, im per time), all of one length
     * @param real   per e-op whether its values are real (a Hermitian e-op)
     */
    public void expect(double[][] values, boolean[] real) {
        nonNull(values, "expect", "values");
        nonNull(real, "expect", "real");
        if (values.length != real.length) {
            throw new IllegalArgumentException("Hdf5Writer.expect: " + values.length + " e-ops but " + real.length
                    + " real flags");
        }
        int n = values.length == 0 ? 0 : nonNull(values[0], "expect", "values[0]").length / 2;
        for (int k = 0; k < values.length; k++) {
            if (nonNull(values[k], "expect", "values[" + k + "]").length != 2 * n) {
                throw new IllegalArgumentException("Hdf5Writer.expect: values[" + k + "] is not of the length of values[0]");
            }
        }
        Hdf5Export.putExpect(g, "expect", values, n);
        g.putAttribute("num_expect", values.length);
        if (real.length > 0) {
            int[] r = new int[real.length];
            for (int k = 0; k < r.length; k++) {
                r[k] = real[k] ? 1 : 0;
            }
            g.putAttribute("expect_is_real", r);
        }
    }

    /**
     * The solver statistics as the root attributes {@code stats_steps}, {@code stats_rhs_calls},
     * {@code stats_rejected_steps}, {@code stats_wall_seconds}, {@code stats_setup_seconds},
     * {@code stats_method} and {@code stats_rhs}, as a result's.
     *
     * @param stats the statistics
     */
    public void stats(Stats stats) {
        Hdf5Export.putStats(g, nonNull(stats, "stats", "stats"));
    }

    private static int rectangular(double[][] values, String name) {
        if (values.length == 0 || values[0] == null || values[0].length == 0) {
            throw new IllegalArgumentException("Hdf5Writer.doubles: " + name + " is empty");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].length != values[0].length) {
                throw new IllegalArgumentException("Hdf5Writer.doubles: " + name + " is not rectangular (row " + i + ")");
            }
        }
        return values[0].length;
    }
}
