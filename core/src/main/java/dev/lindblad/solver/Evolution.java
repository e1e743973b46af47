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

    /** @return the output times checked: non-null, non-empty, finite, non-decreasing */
    static double[] checkTimes(String operation, double[] tlist) {
        if (tlist == null) {
            throw new NullPointerException(operation + ": tlist is null");
        }
        if (tlist.length == 0) {
            throw new IllegalArgumentException(operation + ": tlist must hold at least one time");
        }
        for (int i = 0; i < tlist.length; i++) {
            if (!Double.isFinite(tlist[i])) {
                throw new IllegalArgumentException(operation + ": tlist[" + i + "] = " + tlist[i] + " is not finite");
            }
            if (i > 0 && tlist[i] < tlist[i - 1]) {
                throw new IllegalArgumentException(operation + ": tlist must be non-decreasing; tlist[" + (i - 1)
                        + "] = " + tlist[i - 1] + " > tlist[" + i + "] = " + tlist[i]);
            }
        }
        return tlist.clone();
    }

    /**
     * @return a copy of a list argument (null: empty, as QuTiP's {@code None}), each element checked
     * @throws NullPointerException naming the list and the index of a null element
     */
    static <T> List<T> elements(String operation, String name, List<? extends T> list) {
        if (list == null) {
            return List.of();
        }
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k) == null) {
                throw new NullPointerException(operation + ": " + name + "[" + k + "] is null");
            }
        }
        return List.copyOf(list);
    }

    /**
     * Runs the output loop. Whatever stops it part-way keeps what was reached: an integrator
     * failure (step size, NaN or infinity, too many steps), a coefficient function or an e-op
     * callback that throws or returns NaN or infinity, all become an {@link IntegrationException}
     * carrying the partial result and the cause; an interrupt of the thread becomes a
     * {@link SolverInterruptedException} carrying the partial result, the interrupt status kept.
     *
     * @param operation the operation the user called, named in the messages
     */
    static Result run(String operation, Propagation prop, double[] y0, double[] tlist, Kind kind, Dims dims, int rows,
                      int cols, List<Qobj> eOps, List<ExpectFunction> eFuncs, SolverOptions opt, String rhsName,
                      long startNanos, double setupSeconds) {
        int ne = eOps.size() + eFuncs.size();
        boolean storeStates = opt.storeStates() != null ? opt.storeStates() : ne == 0;
        Result.Builder out = new Result.Builder(tlist, eOps, eFuncs.size(), storeStates);
        double[] y = new double[y0.length];
        double[] values = new double[2 * ne];
        // as QuTiP 5: only a state normalised at the start is kept normalised (an operator of
        // trace zero, as in correlation functions, is left alone)
        boolean normalize = opt.normalizeOutput() && Math.abs(normalization(kind, y0, rows) - 1) <= NORMALIZED;
        try (Progress bar = new Progress(opt.progress(), tlist.length, rhsName)) {
            // inside the try: a NaN in the initial state or in f(t0, y0) is an IntegrationException too
            prop.reset(tlist[0], y0);
            for (int i = 0; i < tlist.length; i++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IntegrationFailure(IntegrationFailure.Reason.INTERRUPTED, tlist[Math.max(0, i - 1)],
                            "the thread was interrupted");
                }
                if (i == 0) {
                    System.arraycopy(y0, 0, y, 0, y0.length);
                } else {
                    prop.advance(tlist[i], y);
                }
                // before any Qobj is built from y (Qobj.of refuses a non-finite entry with a message
                // about its own argument): a NaN or infinity from any propagation is a failure of the solve
                for (int k = 0; k < y.length; k++) {
                    if (!Double.isFinite(y[k])) {
                        throw new IntegrationFailure(IntegrationFailure.Reason.NON_FINITE, tlist[i], "the state has the "
                                + "non-finite component " + y[k] + " at t = " + tlist[i] + " (real array index " + k + ")");
                    }
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
                    Complex v;
                    try {
                        v = eFuncs.get(k).applyComplex(tlist[i], state);
                    } catch (RuntimeException | Error e) {
                        throw new CallbackFailure("e-op callback " + k + " threw at t = " + tlist[i] + ": " + e, tlist[i], e);
                    }
                    if (!Double.isFinite(v.re()) || !Double.isFinite(v.im())) {
                        throw new CallbackFailure("e-op callback " + k + " returned " + (v.im() == 0 ? String.valueOf(v.re())
                                : v.toString()) + " at t = " + tlist[i],
                                tlist[i], null);
                    }
                    values[2 * (eOps.size() + k)] = v.re();
                    values[2 * (eOps.size() + k) + 1] = v.im();
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
            if (f.reason() == IntegrationFailure.Reason.INTERRUPTED) {
                throw new SolverInterruptedException(operation, "the partial result holds " + out.count() + " of "
                        + tlist.length + " output times (t reached: " + f.time() + ")", partial, f.time());
            }
            throw failed(operation, "integration failed at t = " + f.time() + " (" + f.reason() + "): " + f.getMessage(),
                    out, tlist, partial, f.time(), f);
        } catch (CallbackFailure c) {
            Result partial = out.build(stats(prop, opt, rhsName, startNanos, setupSeconds));
            throw failed(operation, c.getMessage(), out, tlist, partial, c.time, c.getCause());
        } catch (OutOfMemoryError e) {
            throw e;   // nothing can be built safely; the memory checks before a run are the defence
        } catch (RuntimeException | Error e) {
            // a coefficient function (or a collapse operator's) threw inside the right-hand side
            Result partial = out.build(stats(prop, opt, rhsName, startNanos, setupSeconds));
            double reached = out.count() == 0 ? tlist[0] : tlist[out.count() - 1];
            throw failed(operation, "the right-hand side threw after t = " + reached
                    + " (a coefficient function of the Hamiltonian or a collapse operator?): " + e, out, tlist, partial,
                    reached, e);
        }
        return out.build(stats(prop, opt, rhsName, startNanos, setupSeconds));
    }

    private static IntegrationException failed(String operation, String what, Result.Builder out, double[] tlist,
                                               Result partial, double reached, Throwable cause) {
        return new IntegrationException(operation + ": " + what + "; the partial result holds " + out.count() + " of "
                + tlist.length + " output times", partial, reached, cause);
    }

    /** An e-op callback threw or returned a non-finite value at an output time. */
    private static final class CallbackFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final double time;

        CallbackFailure(String message, double time, Throwable cause) {
            super(message, cause, false, false);
            this.time = time;
        }
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
