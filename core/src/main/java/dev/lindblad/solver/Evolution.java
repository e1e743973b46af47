package dev.lindblad.solver;

import dev.lindblad.Complex;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.ode.IntegrationFailure;
import java.util.Arrays;
import java.util.List;

/**
 * The output loop shared by the solvers: advance to each requested time, evaluate the e-ops as
 * the solution passes, store states when asked, and turn an integrator failure into an
 * {@link IntegrationException} holding everything reached so far.
 */
final class Evolution {
    private Evolution() {
    }

    /** What the interleaved state vector means. */
    enum Kind { KET, DENSITY, OPERATOR }

    /** @return the output times checked: non-empty, finite, non-decreasing */
    static double[] checkTimes(double[] tlist) {
        if (tlist == null || tlist.length == 0) {
            throw new IllegalArgumentException("tlist must hold at least one time");
        }
        for (int i = 0; i < tlist.length; i++) {
            if (!Double.isFinite(tlist[i])) {
                throw new IllegalArgumentException("tlist[" + i + "] = " + tlist[i] + " is not finite");
            }
            if (i > 0 && tlist[i] < tlist[i - 1]) {
                throw new IllegalArgumentException("tlist must be non-decreasing; tlist[" + (i - 1) + "] = " + tlist[i - 1]
                        + " > tlist[" + i + "] = " + tlist[i]);
            }
        }
        return tlist.clone();
    }

    static Result run(Propagation prop, double[] y0, double[] tlist, Kind kind, Dims dims, int rows, int cols,
                      List<Qobj> eOps, List<ExpectFunction> eFuncs, SolverOptions opt, String rhsName,
                      long startNanos, double setupSeconds) {
        int ne = eOps.size() + eFuncs.size();
        boolean storeStates = opt.storeStates() != null ? opt.storeStates() : ne == 0;
        Result.Builder out = new Result.Builder(tlist, eOps, eFuncs.size(), storeStates);
        double[] y = new double[y0.length];
        double[] values = new double[2 * ne];
        // as QuTiP 5: only a state normalised at the start is kept normalised (an operator of
        // trace zero, as in correlation functions, is left alone)
        boolean normalize = opt.normalizeOutput() && Math.abs(normalization(kind, y0, rows) - 1) <= NORMALIZED;
        prop.reset(tlist[0], y0);
        try (Progress bar = new Progress(opt.progress(), tlist.length, rhsName)) {
            for (int i = 0; i < tlist.length; i++) {
                if (i == 0) {
                    System.arraycopy(y0, 0, y, 0, y0.length);
                } else {
                    prop.advance(tlist[i], y);
                }
                double scale = normalize ? normalization(kind, y, rows) : 1;
                Qobj state = null;
                boolean last = i == tlist.length - 1;
                if (storeStates || !eFuncs.isEmpty() || (last && opt.storeFinalState())) {
                    double[] copy = y.clone();
                    if (scale != 1) {
                        for (int k = 0; k < copy.length; k++) {
                            copy[k] /= scale;
                        }
                    }
                    state = Qobj.of(DenseMatrix.wrap(rows, cols, copy), dims);
                }
                for (int k = 0; k < eOps.size(); k++) {
                    Complex e = kind == Kind.KET ? Data.expectKet(eOps.get(k).data(), y)
                            : Data.expectRho(eOps.get(k).data(), y);
                    double s = kind == Kind.KET ? scale * scale : scale;
                    values[2 * k] = e.re() / s;
                    values[2 * k + 1] = e.im() / s;   // zeroed by the builder only for a Hermitian e-op and state
                }
                for (int k = 0; k < eFuncs.size(); k++) {
                    values[2 * (eOps.size() + k)] = eFuncs.get(k).apply(tlist[i], state);
                    values[2 * (eOps.size() + k) + 1] = 0;
                }
                if (!Double.isFinite(scale) || scale == 0) {
                    throw new IntegrationFailure(IntegrationFailure.Reason.NON_FINITE, tlist[i],
                            "the state's " + (kind == Kind.KET ? "norm" : "trace") + " became " + scale);
                }
                out.record(i, values, y, kind == Kind.KET, rows, scale, state, opt.storeFinalState());
                bar.update(i + 1);
            }
        } catch (IntegrationFailure f) {
            Result partial = out.build(stats(prop, opt, rhsName, startNanos, setupSeconds));
            double reached = f.time();
            throw new IntegrationException("integration failed at t = " + reached + " (" + f.reason() + "): "
                    + f.getMessage() + "; the partial result holds " + out.count() + " of " + tlist.length
                    + " output times", partial, reached, f);
        }
        return out.build(stats(prop, opt, rhsName, startNanos, setupSeconds));
    }

    private static Stats stats(Propagation prop, SolverOptions opt, String rhs, long start, double setup) {
        return new Stats(prop.steps(), prop.rhsCalls(), prop.rejectedSteps(), (System.nanoTime() - start) / 1e9,
                prop.method(), rhs, setup);
    }

    /** Norm of a ket, trace of a density matrix, 1 for a propagator. */
    /** How far from one the initial norm or trace may be for the output to be normalised. */
    static final double NORMALIZED = 1e-8;

    static double normalization(Kind kind, double[] y, int n) {
        return switch (kind) {
            case KET -> {
                double s = 0;
                for (double v : y) {
                    s += v * v;
                }
                yield Math.sqrt(s);
            }
            case DENSITY -> {
                double tr = 0;
                for (int i = 0; i < n; i++) {
                    tr += y[2 * (i + i * n)];
                }
                yield tr;
            }
            case OPERATOR -> 1;
        };
    }

    static double[] stateArray(Qobj q) {
        return Arrays.copyOf(q.data().toDense().array(), 2 * q.data().rows() * q.data().cols());
    }
}
