package dev.lindblad.solver;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import dev.lindblad.data.Matrix;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The HDF5 layout of {@link DataFiles#saveHdf5} (docs/data-files.md), written with jhdf.
 * Complex arrays are float64 with a last axis of length 2 holding (re, im): h5py's
 * {@code a.view(complex)[..., 0]} turns one into a complex array without a copy.
 */
final class Hdf5Export {

    private Hdf5Export() {
    }

    /** @return the codec that exports a type of another module, or null for core's own types */
    static DataFileCodec check(Object object) {
        if (object instanceof Qobj || object instanceof Result || object instanceof McResult
                || object instanceof SteadyStateResult) {
            return null;
        }
        for (DataFileCodec c : QsaveCodec.codecs()) {
            if (c.handles(object) && c.writesHdf5(object)) {
                return c;
            }
        }
        throw new DataFileException(null, "saveHdf5: cannot export a " + object.getClass().getName()
                + "; saveHdf5 takes Qobj, Result, McResult, SteadyStateResult"
                + QsaveCodec.codecs().stream().map(c -> ", " + c.kind()).reduce("", String::concat));
    }

    static void write(Object object, DataFileCodec codec, Path path) {
        try (WritableHdfFile f = HdfFile.write(path)) {
            f.putAttribute("format_version", DataFiles.FORMAT_VERSION);
            f.putAttribute("creator", "Lindblad");
            switch (object) {
                case Qobj q -> {
                    f.putAttribute("lindblad_type", "Qobj");
                    putQobj(f, "data", q);
                    describe(f, q);
                }
                case Result r -> {
                    f.putAttribute("lindblad_type", "Result");
                    putResult(f, r);
                }
                case McResult r -> {
                    f.putAttribute("lindblad_type", "McResult");
                    putMcResult(f, r);
                }
                case SteadyStateResult r -> {
                    f.putAttribute("lindblad_type", "SteadyStateResult");
                    if (r.state() != null) {
                        putQobj(f, "state", r.state());
                    }
                    f.putAttribute("residual", r.residual());
                    f.putAttribute("method", String.valueOf(r.method()));
                    f.putAttribute("iterations", r.iterations());
                    f.putAttribute("fill", r.fill());
                    f.putAttribute("seconds", r.seconds());
                }
                default -> {
                    f.putAttribute("lindblad_type", object.getClass().getSimpleName());
                    codec.writeHdf5(object, new Hdf5Writer(f));
                }
            }
        }
    }

    /** A matrix as {@code [rows][cols][2]}, row-major as numpy reads it. */
    static double[][][] complexMatrix(Matrix m) {
        double[][][] a = new double[m.rows()][m.cols()][2];
        if (m instanceof dev.lindblad.data.DenseMatrix d) {
            // column-major interleaved storage read directly, without a Complex per entry
            double[] v = d.array();
            int rows = m.rows();
            for (int i = 0; i < rows; i++) {
                double[][] row = a[i];
                for (int j = 0; j < row.length; j++) {
                    row[j][0] = v[2 * (j * rows + i)];
                    row[j][1] = v[2 * (j * rows + i) + 1];
                }
            }
            return a;
        }
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                Complex z = m.get(i, j);
                a[i][j][0] = z.re();
                a[i][j][1] = z.im();
            }
        }
        return a;
    }

    /** Per e-op interleaved values as {@code [numExpect][times][2]}. */
    static double[][][] complexRows(double[][] interleaved, int n) {
        double[][][] a = new double[interleaved.length][n][2];
        for (int k = 0; k < interleaved.length; k++) {
            for (int i = 0; i < n; i++) {
                a[k][i][0] = interleaved[k][2 * i];
                a[k][i][1] = interleaved[k][2 * i + 1];
            }
        }
        return a;
    }

    static void describe(WritableNode node, Qobj q) {
        node.putAttribute("dims", q.dims().toString());
        node.putAttribute("type", q.type().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        node.putAttribute("shape", new int[] {q.data().rows(), q.data().cols()});
        node.putAttribute("isherm", q.isHerm() ? 1 : 0);
    }

    static void putQobj(WritableGroup g, String name, Qobj q) {
        describe(putArray(g, name, complexMatrix(q.data()), q.data().rows(), q.data().cols(), 2), q);
    }

    /** Doubles per chunk: 1 MiB. */
    static final int CHUNK_DOUBLES = 1 << 17;

    /**
     * A multi-dimensional dataset, chunked along its first axis in chunks of about 1 MiB. jhdf
     * writes a contiguous nested array with one file write per innermost array (of length 2
     * here), which made a 6 MB result take seconds; a chunk is encoded in memory and written
     * at once. h5py and jhdf read chunked datasets as any other.
     */
    static io.jhdf.api.WritableDataset putArray(WritableGroup g, String name, Object data, int... shape) {
        long rest = 1;
        for (int k = 1; k < shape.length; k++) {
            rest *= shape[k];
        }
        int[] chunk = shape.clone();
        chunk[0] = (int) Math.max(1, Math.min(shape[0], CHUNK_DOUBLES / Math.max(1, rest)));
        return g.putDataset(name, data, io.jhdf.api.DatasetCreationOptions.builder().chunkDimensions(chunk).build());
    }

    static void putStates(WritableGroup g, List<Qobj> states) {
        putStates(g, "states", states);
    }

    static void putStates(WritableGroup g, String name, List<Qobj> states) {
        if (states == null || states.isEmpty()) {
            return;
        }
        double[][][][] a = new double[states.size()][][][];
        for (int s = 0; s < a.length; s++) {
            a[s] = complexMatrix(states.get(s).data());
        }
        describe(putArray(g, name, a, a.length, a[0].length, a[0][0].length, 2), states.get(0));
    }

    static void putStats(WritableNode node, Stats s) {
        if (s == null) {
            return;
        }
        node.putAttribute("stats_steps", s.steps());
        node.putAttribute("stats_rhs_calls", s.rhsCalls());
        node.putAttribute("stats_rejected_steps", s.rejectedSteps());
        node.putAttribute("stats_wall_seconds", s.wallSeconds());
        node.putAttribute("stats_setup_seconds", s.setupSeconds());
        node.putAttribute("stats_method", String.valueOf(s.method()));
        node.putAttribute("stats_rhs", String.valueOf(s.rhs()));
    }

    static void putExpect(WritableGroup g, String name, double[][] values, int n) {
        if (values != null && values.length > 0 && n > 0) {
            putArray(g, name, complexRows(values, n), values.length, n, 2);
        }
    }

    private static void putResult(WritableGroup g, Result r) {
        double[] t = r.rawTimes();
        g.putDataset("times", t);
        putExpect(g, "expect", r.rawExpect(), t.length);
        int[] first = r.rawFirstComplex();
        int[] real = new int[first.length];
        for (int k = 0; k < real.length; k++) {
            real[k] = first[k] < 0 ? 1 : 0;
        }
        g.putAttribute("num_expect", first.length);
        if (real.length > 0) {
            g.putAttribute("expect_is_real", real);
        }
        putStates(g, r.rawStates());
        if (r.finalState() != null) {
            putQobj(g, "final_state", r.finalState());
        }
        putStats(g, r.stats());
    }

    private static void putMcResult(WritableGroup g, McResult r) {
        double[] t = r.rawTimes();
        g.putDataset("times", t);
        if (r.ntraj() > 0) {
            putExpect(g, "expect", r.rawMean(), t.length);
            putExpect(g, "std_expect", r.rawStd(), t.length);
            putExpect(g, "standard_error", r.rawStdError(), t.length);
        }
        boolean[] h = r.rawHermitian();
        int[] herm = new int[h.length];
        for (int k = 0; k < h.length; k++) {
            herm[k] = h[k] ? 1 : 0;
        }
        g.putAttribute("num_expect", h.length);
        if (herm.length > 0) {
            g.putAttribute("expect_is_real", herm);
        }
        g.putAttribute("ntraj", r.ntraj());
        g.putAttribute("requested_ntraj", r.requestedNtraj());
        g.putAttribute("master_seed", r.masterSeed());
        g.putAttribute("stop_reason", r.stopReason().name());
        g.putAttribute("no_jump_probability", r.noJumpProbability());
        g.putAttribute("failures", r.failures().size());
        if (r.ntraj() > 0) {
            g.putDataset("seeds", r.seeds());
            g.putDataset("trajectory_indices", r.trajectoryIndices());
        }
        // the jumps of all trajectories, flattened as CSR rows: trajectory j owns
        // collapse_times[collapse_offsets[j]:collapse_offsets[j+1]]
        List<List<Collapse>> cs = r.collapses();
        int[] offsets = new int[cs.size() + 1];
        for (int j = 0; j < cs.size(); j++) {
            offsets[j + 1] = offsets[j] + cs.get(j).size();
        }
        int total = offsets[cs.size()];
        if (total > 0) {
            double[] times = new double[total];
            int[] channels = new int[total];
            int p = 0;
            for (List<Collapse> c : cs) {
                for (Collapse x : c) {
                    times[p] = x.time();
                    channels[p++] = x.channel();
                }
            }
            g.putDataset("collapse_times", times);
            g.putDataset("collapse_channels", channels);
        }
        if (cs.size() > 0) {
            g.putDataset("collapse_offsets", offsets);
        }
        putStates(g, r.rawStates());
        if (r.finalState() != null) {
            putQobj(g, "final_state", r.finalState());
        }
        putStats(g, r.stats());
    }
}
