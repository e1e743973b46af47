package dev.lindblad.control;

import dev.lindblad.Qobj;
import dev.lindblad.solver.DataFileCodec;
import dev.lindblad.solver.Hdf5Writer;
import dev.lindblad.solver.QsaveReader;
import dev.lindblad.solver.QsaveWriter;
import java.io.IOException;

/**
 * Teaches {@code qsave}/{@code qload} and {@code saveHdf5} ({@link dev.lindblad.solver.DataFiles})
 * the {@link OptimResult} of a pulse optimisation, every field bit for bit: the fidelity errors,
 * the initial and final amplitudes {@code [nTs][nCtrls]}, both full evolutions, the counts, the
 * termination, the wall time, the slice boundaries, the seed and the multi-start summary. Found
 * by {@link java.util.ServiceLoader}; nothing calls it directly. The payload and the HDF5 layout
 * are specified in docs/data-files.md. There is no CSV export (an OptimResult has no expectation
 * values); {@code saveCsv} refuses one.
 */
public final class ControlDataFiles implements DataFileCodec {

    private static final int OPTIM_RESULT = 1;

    /** For {@link java.util.ServiceLoader}. */
    public ControlDataFiles() {
    }

    /** @return {@code "dev.lindblad.control"} */
    @Override
    public String kind() {
        return "dev.lindblad.control";
    }

    /** @return whether {@code value} is an {@link OptimResult} */
    @Override
    public boolean handles(Object value) {
        return value instanceof OptimResult;
    }

    /** Writes an OptimResult (see the class comment). */
    @Override
    public void write(Object value, QsaveWriter out) throws IOException {
        OptimResult r = (OptimResult) value;
        out.writeInt(OPTIM_RESULT);
        out.writeDouble(r.fidErr());
        out.writeDouble(r.initialFidErr());
        out.writeDouble(r.gradNormFinal());
        writeAmps(out, r.initialAmps());
        writeAmps(out, r.finalAmps());
        out.writeQobj(r.evoFullInitial());
        out.writeQobj(r.evoFullFinal());
        out.writeInt(r.numIter());
        out.writeInt(r.numFidFuncCalls());
        out.writeString(r.termination().name());
        out.writeDouble(r.wallTime());
        out.writeDoubles(r.time());
        out.writeLong(r.seed());
        out.writeInt(r.start());
        out.writeDoubles(r.startFidErrs());
    }

    /** Reads back what {@link #write} wrote. */
    @Override
    public Object read(QsaveReader in) {
        int what = in.readInt();
        if (what != OPTIM_RESULT) {
            throw in.corrupt("unknown control object " + what);
        }
        double fidErr = in.readDouble();
        double initialFidErr = in.readDouble();
        double gradNormFinal = in.readDouble();
        double[][] initialAmps = readAmps(in, "initial");
        double[][] finalAmps = readAmps(in, "final");
        Qobj evoInitial = in.readQobj();
        Qobj evoFinal = in.readQobj();
        int numIter = in.readInt();
        int numFidFuncCalls = in.readInt();
        String name = in.readString();
        OptimResult.Termination termination;
        try {
            termination = OptimResult.Termination.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw in.corrupt("termination " + name);
        }
        double wallTime = in.readDouble();
        double[] time = in.readDoubles();
        long seed = in.readLong();
        int start = in.readInt();
        double[] startFidErrs = in.readDoubles();
        if (time == null || startFidErrs == null) {
            throw in.corrupt("an OptimResult without its slice times or its starts' errors");
        }
        return new OptimResult(fidErr, initialFidErr, gradNormFinal, initialAmps, finalAmps, evoInitial, evoFinal,
                numIter, numFidFuncCalls, termination, wallTime, time, seed, start, startFidErrs);
    }

    private static void writeAmps(QsaveWriter out, double[][] amps) throws IOException {
        out.writeInt(amps.length);
        for (double[] row : amps) {
            out.writeDoubles(row);
        }
    }

    private static double[][] readAmps(QsaveReader in, String which) {
        int n = in.readInt();
        if (n < 0) {
            throw in.corrupt(which + " amplitudes of " + n + " slices");
        }
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = in.readDoubles();
            if (a[i] == null || a[i].length != a[0].length) {
                throw in.corrupt(which + " amplitudes: slice " + i + " is not of the length of slice 0");
            }
        }
        return a;
    }

    /** @return true: an OptimResult exports to HDF5 */
    @Override
    public boolean writesHdf5(Object value) {
        return handles(value);
    }

    /**
     * Datasets {@code initial_amps}, {@code final_amps} (nTs, nCtrls), {@code time} (nTs + 1),
     * {@code evo_full_initial}, {@code evo_full_final} (complex, with {@code dims} and
     * {@code type}), {@code start_fid_errs} (starts); attributes with QuTiP's names
     * {@code fid_err}, {@code initial_fid_err}, {@code grad_norm_final}, {@code num_iter},
     * {@code num_fid_func_calls}, {@code termination_reason} (qtrl's words), {@code wall_time},
     * and {@code termination} (the enum constant), {@code seed}, {@code start}.
     */
    @Override
    public void writeHdf5(Object value, Hdf5Writer out) {
        OptimResult r = (OptimResult) value;
        if (r.initialAmps().length > 0) {
            out.doubles("initial_amps", r.initialAmps());
        }
        if (r.finalAmps().length > 0) {
            out.doubles("final_amps", r.finalAmps());
        }
        out.doubles("time", r.time());
        if (r.evoFullInitial() != null) {
            out.qobj("evo_full_initial", r.evoFullInitial());
        }
        if (r.evoFullFinal() != null) {
            out.qobj("evo_full_final", r.evoFullFinal());
        }
        out.doubles("start_fid_errs", r.startFidErrs());
        out.attribute("fid_err", r.fidErr());
        out.attribute("initial_fid_err", r.initialFidErr());
        out.attribute("grad_norm_final", r.gradNormFinal());
        out.attribute("num_iter", r.numIter());
        out.attribute("num_fid_func_calls", r.numFidFuncCalls());
        out.attribute("termination_reason", r.terminationReason());
        out.attribute("termination", r.termination().name());
        out.attribute("wall_time", r.wallTime());
        out.attribute("seed", r.seed());
        out.attribute("start", r.start());
    }
}
