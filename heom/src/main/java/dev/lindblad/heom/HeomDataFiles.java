package dev.lindblad.heom;

import dev.lindblad.Complex;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.solver.CsvTable;
import dev.lindblad.solver.DataFileCodec;
import dev.lindblad.solver.Hdf5Writer;
import dev.lindblad.solver.QsaveReader;
import dev.lindblad.solver.QsaveWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Teaches {@code qsave}/{@code qload} ({@link dev.lindblad.solver.DataFiles}) the HEOM results,
 * {@link HeomResult} and {@link HeomSteadyState}, with their ADO states and the hierarchy that
 * indexes them (the bath exponents, coupling operators included, and the depth), every double
 * bit for bit. Found by {@link java.util.ServiceLoader}; nothing calls it directly. A bath
 * exponent's tag is kept when it is null, a String, an Integer, a Long or a Double (the baths'
 * own tags are names); another kind of tag is refused, naming its class, before anything is
 * written. The payload is specified in docs/data-files.md.
 *
 * <p>It also exports both to HDF5 ({@code saveHdf5}: a HeomResult as a Result is laid out, plus
 * the ADO states and their labels; a HeomSteadyState as a SteadyStateResult, plus its ADOs) and a
 * HeomResult's expectation values to CSV ({@code saveCsv}), as docs/data-files.md describes.
 */
public final class HeomDataFiles implements DataFileCodec {

    private static final int RESULT = 1;
    private static final int STEADY_STATE = 2;

    /** For {@link java.util.ServiceLoader}. */
    public HeomDataFiles() {
    }

    /** @return {@code "dev.lindblad.heom"} */
    @Override
    public String kind() {
        return "dev.lindblad.heom";
    }

    /** @return whether {@code value} is a {@link HeomResult} or a {@link HeomSteadyState} */
    @Override
    public boolean handles(Object value) {
        return value instanceof HeomResult || value instanceof HeomSteadyState;
    }

    /** Writes a HeomResult or a HeomSteadyState (see the class comment). */
    @Override
    public void write(Object value, QsaveWriter out) throws IOException {
        switch (value) {
            case HeomResult r -> {
                checkTags(r.rawAdoStates());
                out.writeInt(RESULT);
                double[] times = r.times();
                out.writeDoubles(times);
                out.writeInt(r.numExpect());
                boolean[] herm = r.rawHermitian();
                for (int k = 0; k < r.numExpect(); k++) {
                    out.writeBoolean(herm[k]);
                    out.writeDoubles(r.expectComplex(k));
                }
                out.writeQobjs(r.rawStates());
                writeAdoStates(out, r.rawAdoStates());
                out.writeQobj(r.finalState());
                out.writeStats(r.stats());
            }
            case HeomSteadyState s -> {
                checkTags(s.ados() == null ? null : List.of(s.ados()));
                out.writeInt(STEADY_STATE);
                out.writeQobj(s.rho());
                writeAdoStates(out, s.ados() == null ? null : List.of(s.ados()));
                out.writeDouble(s.residual());
                out.writeString(s.method());
                out.writeInt(s.iterations());
            }
            default -> throw new IllegalArgumentException("HeomDataFiles: not a HEOM result: " + value.getClass().getName());
        }
    }

    /** @return true for both HEOM results */
    @Override
    public boolean writesHdf5(Object value) {
        return handles(value);
    }

    /**
     * A HeomResult: {@code times}, {@code expect}, {@code states}, {@code final_state} and the
     * {@code stats_*} as a Result's, plus (when kept) {@code ado_states} (times, ADOs, N, N, 2)
     * and the hierarchy (see {@link #writeHierarchy}). A HeomSteadyState: {@code state}
     * (N, N, 2), {@code ados} (ADOs, N, N, 2) with its hierarchy, and the attributes
     * {@code residual}, {@code method}, {@code iterations}.
     */
    @Override
    public void writeHdf5(Object value, Hdf5Writer out) {
        switch (value) {
            case HeomResult r -> {
                double[] times = r.times();
                out.doubles("times", times);
                double[][] e = new double[r.numExpect()][];
                for (int k = 0; k < e.length; k++) {
                    e[k] = r.expectComplex(k);
                }
                out.expect(e, r.rawHermitian());
                if (r.rawStates() != null && !r.rawStates().isEmpty()) {
                    out.qobjs("states", r.rawStates());
                }
                if (r.finalState() != null) {
                    out.qobj("final_state", r.finalState());
                }
                if (r.stats() != null) {
                    out.stats(r.stats());
                }
                List<HierarchyAdosState> ados = r.rawAdoStates();
                if (ados != null && !ados.isEmpty()) {
                    HierarchyAdosState first = ados.get(0);
                    int n = first.dims().rows();
                    int m = first.ados().size();
                    double[] all = new double[2 * n * n * m * ados.size()];
                    for (int t = 0; t < ados.size(); t++) {
                        HierarchyAdosState s = ados.get(t);
                        if (s.ados() != first.ados() && !sameHierarchy(s.ados(), first.ados())
                                || s.dims().rows() != n) {
                            throw new IllegalArgumentException("saveHdf5: the ADO state at time index " + t
                                    + " is of another hierarchy than the first; HDF5 holds one hierarchy per file");
                        }
                        rowMajor(s.array(), m, n, all, t * 2 * n * n * m);
                    }
                    out.complex("ado_states", all, ados.size(), m, n, n);
                    writeHierarchy(out, first.ados());
                }
            }
            case HeomSteadyState s -> {
                if (s.rho() != null) {
                    out.qobj("state", s.rho());
                }
                if (s.ados() != null) {
                    int n = s.ados().dims().rows();
                    int m = s.ados().ados().size();
                    double[] all = new double[2 * n * n * m];
                    rowMajor(s.ados().array(), m, n, all, 0);
                    out.complex("ados", all, m, n, n);
                    writeHierarchy(out, s.ados().ados());
                }
                out.attribute("residual", s.residual());
                if (s.method() != null) {
                    out.attribute("method", s.method());
                }
                out.attribute("iterations", s.iterations());
            }
            default -> throw new IllegalArgumentException("HeomDataFiles: not a HEOM result: " + value.getClass().getName());
        }
    }

    /** @return true for a HeomResult (its expectation values) */
    @Override
    public boolean writesCsv(Object value) {
        return value instanceof HeomResult;
    }

    /** The times and each e-op's values, real for a Hermitian e-op. */
    @Override
    public void writeCsv(Object value, CsvTable out) {
        HeomResult r = (HeomResult) value;
        out.times(r.times());
        for (int k = 0; k < r.numExpect(); k++) {
            out.expect(r.expectComplex(k), r.rawHermitian()[k]);
        }
    }

    private static boolean sameHierarchy(HierarchyAdos a, HierarchyAdos b) {
        if (a.size() != b.size() || a.maxDepth() != b.maxDepth() || !a.exponents().equals(b.exponents())) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.label(i), b.label(i))) {
                return false;
            }
        }
        return true;
    }

    /** ADO by ADO, vec(rho) (column-major, interleaved) to row-major interleaved: rho_ij at 2 (i n + j). */
    private static void rowMajor(double[] vec, int ados, int n, double[] to, int offset) {
        for (int a = 0; a < ados; a++) {
            int base = a * 2 * n * n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    to[offset + base + 2 * (i * n + j)] = vec[base + 2 * (j * n + i)];
                    to[offset + base + 2 * (i * n + j) + 1] = vec[base + 2 * (j * n + i) + 1];
                }
            }
        }
    }

    /**
     * The hierarchy the ADOs are indexed by: {@code ado_labels} (ADOs, exponents), int32, row
     * {@code a} the label of ADO {@code a} (how many times each exponent is taken); the complex
     * {@code exponent_ck} and {@code exponent_vk} (exponents, 2); the attributes
     * {@code max_depth}, {@code num_ados} and {@code exponent_types} (e.g. {@code "R,R,I"}).
     */
    private static void writeHierarchy(Hdf5Writer out, HierarchyAdos h) {
        out.attribute("max_depth", h.maxDepth());
        out.attribute("num_ados", h.size());
        List<BathExponent> exps = h.exponents();
        if (exps.isEmpty()) {
            return;
        }
        int[][] labels = new int[h.size()][];
        for (int a = 0; a < labels.length; a++) {
            labels[a] = h.label(a);
        }
        out.ints("ado_labels", labels);
        double[] ck = new double[2 * exps.size()];
        double[] vk = new double[2 * exps.size()];
        StringBuilder types = new StringBuilder();
        for (int k = 0; k < exps.size(); k++) {
            BathExponent e = exps.get(k);
            ck[2 * k] = e.ck().re();
            ck[2 * k + 1] = e.ck().im();
            vk[2 * k] = e.vk().re();
            vk[2 * k + 1] = e.vk().im();
            types.append(k == 0 ? "" : ",").append(e.type().name());
        }
        out.complex("exponent_ck", ck, exps.size());
        out.complex("exponent_vk", vk, exps.size());
        out.attribute("exponent_types", types.toString());
    }

    /** Reads back what {@link #write} wrote. */
    @Override
    public Object read(QsaveReader in) {
        int what = in.readInt();
        if (what == RESULT) {
            double[] times = in.readDoubles();
            int n = in.readInt();
            if (times == null || n < 0) {
                throw in.corrupt("HeomResult without times or with " + n + " e-ops");
            }
            boolean[] herm = new boolean[n];
            double[][] expect = new double[n][];
            for (int k = 0; k < n; k++) {
                herm[k] = in.readBoolean();
                expect[k] = in.readDoubles();
                if (expect[k] == null || expect[k].length != 2 * times.length) {
                    throw in.corrupt("HeomResult e-op " + k + " does not have 2 doubles per time");
                }
            }
            List<Qobj> states = in.readQobjs();
            List<HierarchyAdosState> ados = readAdoStates(in);
            Qobj last = in.readQobj();
            return new HeomResult(times, expect, herm, states, ados, last, in.readStats());
        }
        if (what == STEADY_STATE) {
            Qobj rho = in.readQobj();
            List<HierarchyAdosState> ados = readAdoStates(in);
            return new HeomSteadyState(rho, ados == null ? null : ados.get(0), in.readDouble(), in.readString(),
                    in.readInt());
        }
        throw in.corrupt("unknown HEOM object " + what);
    }

    private static void checkTags(List<HierarchyAdosState> states) {
        if (states == null) {
            return;
        }
        for (HierarchyAdosState s : states) {
            for (BathExponent e : s.ados().exponents()) {
                Object t = e.tag();
                if (!(t == null || t instanceof String || t instanceof Integer || t instanceof Long
                        || t instanceof Double)) {
                    throw new IllegalArgumentException("qsave: a bath exponent's tag of class " + t.getClass().getName()
                            + " cannot be stored (null, String, Integer, Long and Double tags can)");
                }
            }
        }
    }

    private static void writeComplex(QsaveWriter out, Complex z) throws IOException {
        out.writeDouble(z.re());
        out.writeDouble(z.im());
    }

    private static Complex readComplex(QsaveReader in) {
        return new Complex(in.readDouble(), in.readDouble());
    }

    /** Each distinct hierarchy once, then per state: which hierarchy, its dims (a Qobj's), its array. */
    private static void writeAdoStates(QsaveWriter out, List<HierarchyAdosState> states) throws IOException {
        if (states == null) {
            out.writeInt(-1);
            return;
        }
        Map<HierarchyAdos, Integer> ids = new IdentityHashMap<>();
        List<HierarchyAdos> distinct = new ArrayList<>();
        for (HierarchyAdosState s : states) {
            if (!ids.containsKey(s.ados())) {
                ids.put(s.ados(), distinct.size());
                distinct.add(s.ados());
            }
        }
        out.writeInt(distinct.size());
        for (HierarchyAdos h : distinct) {
            out.writeInt(h.maxDepth());
            out.writeInt(h.exponents().size());
            for (BathExponent e : h.exponents()) {
                out.writeString(e.type().name());
                out.writeInt(e.dim());
                out.writeQobj(e.Q());
                writeComplex(out, e.ck());
                writeComplex(out, e.vk());
                out.writeBoolean(e.ck2() != null);
                if (e.ck2() != null) {
                    writeComplex(out, e.ck2());
                }
                out.writeInt(e.sigmaBarKOffset());
                writeTag(out, e.tag());
            }
        }
        out.writeInt(states.size());
        for (HierarchyAdosState s : states) {
            out.writeInt(ids.get(s.ados()));
            // the dims travel as those of a zero operator of the same shape: the writer's dims encoding
            out.writeQobj(Qobj.of(dev.lindblad.data.CsrMatrix.zeros(s.dims().rows(), s.dims().cols()), s.dims()));
            out.writeDoubles(s.array());
        }
    }

    private static void writeTag(QsaveWriter out, Object t) throws IOException {
        switch (t) {
            case null -> out.writeInt(0);
            case String s -> {
                out.writeInt(1);
                out.writeString(s);
            }
            case Integer i -> {
                out.writeInt(2);
                out.writeInt(i);
            }
            case Long l -> {
                out.writeInt(3);
                out.writeLong(l);
            }
            case Double d -> {
                out.writeInt(4);
                out.writeDouble(d);
            }
            default -> throw new IllegalArgumentException("qsave: tag of class " + t.getClass().getName());
        }
    }

    private static Object readTag(QsaveReader in) {
        int k = in.readInt();
        return switch (k) {
            case 0 -> null;
            case 1 -> in.readString();
            case 2 -> in.readInt();
            case 3 -> in.readLong();
            case 4 -> in.readDouble();
            default -> throw in.corrupt("bath exponent tag kind " + k);
        };
    }

    private static List<HierarchyAdosState> readAdoStates(QsaveReader in) {
        int nh = in.readInt();
        if (nh < 0) {
            return null;
        }
        List<HierarchyAdos> hierarchies = new ArrayList<>();
        for (int h = 0; h < nh; h++) {
            int depth = in.readInt();
            int ne = in.readInt();
            if (ne < 0 || depth < 0) {
                throw in.corrupt("a hierarchy of " + ne + " exponents to depth " + depth);
            }
            List<BathExponent> exps = new ArrayList<>(ne);
            for (int k = 0; k < ne; k++) {
                String type = in.readString();
                BathExponent.Type t;
                try {
                    t = BathExponent.Type.valueOf(type);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw in.corrupt("bath exponent type " + type);
                }
                int dim = in.readInt();
                Qobj q = in.readQobj();
                Complex ck = readComplex(in);
                Complex vk = readComplex(in);
                Complex ck2 = in.readBoolean() ? readComplex(in) : null;
                int sigma = in.readInt();
                exps.add(new BathExponent(t, dim, q, ck, vk, ck2, sigma, readTag(in)));
            }
            hierarchies.add(new HierarchyAdos(exps, depth));
        }
        int ns = in.readInt();
        if (ns < 0) {
            throw in.corrupt(ns + " ADO states");
        }
        List<HierarchyAdosState> out = new ArrayList<>(ns);
        for (int s = 0; s < ns; s++) {
            int id = in.readInt();
            if (id < 0 || id >= hierarchies.size()) {
                throw in.corrupt("ADO state " + s + " names hierarchy " + id + " of " + hierarchies.size());
            }
            Qobj shape = in.readQobj();
            double[] y = in.readDoubles();
            if (shape == null || y == null) {
                throw in.corrupt("ADO state " + s + " without its dims or values");
            }
            Dims dims = shape.dims();
            out.add(HierarchyAdosState.of(hierarchies.get(id), dims, y));
        }
        return out;
    }
}
