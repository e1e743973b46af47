package dev.lindblad.heom;

import dev.lindblad.Complex;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.solver.DataFileCodec;
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
