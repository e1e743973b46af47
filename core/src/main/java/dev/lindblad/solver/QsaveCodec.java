package dev.lindblad.solver;

import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.DiaMatrix;
import dev.lindblad.data.Matrix;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The binary qsave format, version 1 (docs/data-files.md is the specification). Big-endian
 * throughout; doubles as their raw IEEE-754 bits, so every value (NaN payloads and signed zeros
 * included) comes back bit for bit.
 *
 * <pre>
 * magic      8 bytes  0x89 'L' 'B' 'D' '\r' '\n' 0x1A '\n'
 * version    u16      1
 * kind       u8       1 Qobj, 2 Result, 3 McResult, 4 SteadyStateResult, 5 a DataFileCodec's type
 * length     u64      payload bytes
 * payload    length bytes
 * crc32      u32      CRC-32 of every byte before it
 * </pre>
 */
final class QsaveCodec {

    static final byte[] MAGIC = {(byte) 0x89, 'L', 'B', 'D', '\r', '\n', 0x1A, '\n'};
    static final int VERSION = 1;
    static final int HEADER = MAGIC.length + 2 + 1 + 8;

    static final int KIND_QOBJ = 1;
    static final int KIND_RESULT = 2;
    static final int KIND_MC_RESULT = 3;
    static final int KIND_STEADY_STATE = 4;
    static final int KIND_EXTENSION = 5;

    private static final int DENSE = 0;
    private static final int CSR = 1;
    private static final int DIA = 2;

    private QsaveCodec() {
    }

    static String kindName(int kind) {
        return switch (kind) {
            case KIND_QOBJ -> "Qobj";
            case KIND_RESULT -> "Result";
            case KIND_MC_RESULT -> "McResult";
            case KIND_STEADY_STATE -> "SteadyStateResult";
            case KIND_EXTENSION -> "object of another module";
            default -> "unknown kind " + kind;
        };
    }

    // ---------------------------------------------------------------- writing

    /** @return the whole file's bytes; throws DataFileException (path null) for an object it does not store */
    /** @return the codecs other modules provide, found now (a module added later is seen) */
    static List<DataFileCodec> codecs() {
        List<DataFileCodec> out = new ArrayList<>();
        java.util.ServiceLoader.load(DataFileCodec.class, QsaveCodec.class.getClassLoader()).forEach(out::add);
        return out;
    }

    static DataFileCodec codecFor(Object object) {
        for (DataFileCodec c : codecs()) {
            if (c.handles(object)) {
                return c;
            }
        }
        return null;
    }

    static byte[] encode(Object object) {
        DataFileCodec codec = object instanceof Qobj || object instanceof Result || object instanceof McResult
                || object instanceof SteadyStateResult ? null : codecFor(object);
        int kind = switch (object) {
            case Qobj q -> KIND_QOBJ;
            case Result r -> KIND_RESULT;
            case McResult r -> KIND_MC_RESULT;
            case SteadyStateResult r -> KIND_STEADY_STATE;
            default -> {
                if (codec == null) {
                    throw new DataFileException(null, "qsave: cannot store a " + object.getClass().getName()
                            + "; qsave stores Qobj, Result, McResult, SteadyStateResult"
                            + codecs().stream().map(c -> ", " + c.kind()).reduce("", String::concat));
                }
                yield KIND_EXTENSION;
            }
        };
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Out out = new Out(new DataOutputStream(body));
            switch (object) {
                case Qobj q -> out.qobj(q);
                case Result r -> out.result(r);
                case McResult r -> out.mcResult(r);
                case SteadyStateResult r -> out.steadyState(r);
                default -> {
                    out.string(codec.kind());
                    codec.write(object, new QsaveWriter(out));
                }
            }
            out.d.flush();
            byte[] payload = body.toByteArray();
            ByteArrayOutputStream file = new ByteArrayOutputStream(HEADER + payload.length + 4);
            DataOutputStream f = new DataOutputStream(file);
            f.write(MAGIC);
            f.writeShort(VERSION);
            f.writeByte(kind);
            f.writeLong(payload.length);
            f.write(payload);
            CRC32 crc = new CRC32();
            crc.update(file.toByteArray());
            f.writeInt((int) crc.getValue());
            f.flush();
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a ByteArrayOutputStream does not fail
        }
    }

    static final class Out {
        final DataOutputStream d;

        Out(DataOutputStream d) {
            this.d = d;
        }

        void string(String s) throws IOException {
            if (s == null) {
                d.writeInt(-1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            d.writeInt(b.length);
            d.write(b);
        }

        void doubles(double[] a) throws IOException {
            if (a == null) {
                d.writeInt(-1);
                return;
            }
            d.writeInt(a.length);
            for (double v : a) {
                d.writeLong(Double.doubleToRawLongBits(v));
            }
        }

        void doubles2(double[][] a) throws IOException {
            if (a == null) {
                d.writeInt(-1);
                return;
            }
            d.writeInt(a.length);
            for (double[] row : a) {
                doubles(row);
            }
        }

        void ints(int[] a, int n) throws IOException {
            d.writeInt(n);
            for (int i = 0; i < n; i++) {
                d.writeInt(a[i]);
            }
        }

        void longs(long[] a) throws IOException {
            d.writeInt(a.length);
            for (long v : a) {
                d.writeLong(v);
            }
        }

        void dbl(double v) throws IOException {
            d.writeLong(Double.doubleToRawLongBits(v));
        }

        void side(int[] flat, Dims space) throws IOException {
            if (space != null) {
                d.writeByte(1);
                dims(space);
            } else {
                d.writeByte(0);
                ints(flat, flat.length);
            }
        }

        void dims(Dims dims) throws IOException {
            Dims.Type t = dims.type();
            switch (t) {
                case KET, BRA, OPER -> {
                    side(dims.out(), null);
                    side(dims.in(), null);
                }
                case OPERATOR_KET -> {
                    side(null, dims.outSpace());
                    side(new int[] {1}, null);
                }
                case OPERATOR_BRA -> {
                    side(new int[] {1}, null);
                    side(null, dims.inSpace());
                }
                case SUPER -> {
                    side(null, dims.outSpace());
                    side(null, dims.inSpace());
                }
            }
        }

        void qobj(Qobj q) throws IOException {
            if (q == null) {
                d.writeByte(0);
                return;
            }
            d.writeByte(1);
            dims(q.dims());
            Matrix m = q.data();
            d.writeInt(m.rows());
            d.writeInt(m.cols());
            switch (m) {
                case DenseMatrix a -> {
                    d.writeByte(DENSE);
                    doubles(a.array());
                }
                case CsrMatrix a -> {
                    d.writeByte(CSR);
                    int nnz = a.rowPointers()[m.rows()];
                    ints(a.rowPointers(), m.rows() + 1);
                    ints(a.columnIndices(), nnz);
                    doubles(Arrays.copyOf(a.valueArray(), 2 * nnz));
                }
                case DiaMatrix a -> {
                    d.writeByte(DIA);
                    int[] off = a.offsets();
                    ints(off, off.length);
                    doubles(Arrays.copyOf(a.valueArray(), 2 * off.length * m.rows()));
                }
            }
        }

        void qobjs(List<Qobj> list) throws IOException {
            if (list == null) {
                d.writeInt(-1);
                return;
            }
            d.writeInt(list.size());
            for (Qobj q : list) {
                qobj(q);
            }
        }

        void stats(Stats s) throws IOException {
            if (s == null) {
                d.writeByte(0);
                return;
            }
            d.writeByte(1);
            d.writeLong(s.steps());
            d.writeLong(s.rhsCalls());
            d.writeLong(s.rejectedSteps());
            dbl(s.wallSeconds());
            string(s.method());
            string(s.rhs());
            dbl(s.setupSeconds());
        }

        void result(Result r) throws IOException {
            doubles(r.rawTimes());
            doubles2(r.rawExpect());
            int[] first = r.rawFirstComplex();
            ints(first, first.length);
            qobjs(r.rawStates());
            qobj(r.finalState());
            stats(r.stats());
        }

        void mcResult(McResult r) throws IOException {
            doubles(r.rawTimes());
            doubles2(r.rawMean());
            doubles2(r.rawStd());
            doubles2(r.rawStdError());
            boolean[] h = r.rawHermitian();
            d.writeInt(h.length);
            for (boolean b : h) {
                d.writeBoolean(b);
            }
            d.writeInt(r.requestedNtraj());
            d.writeLong(r.masterSeed());
            int[] idx = r.trajectoryIndices();
            ints(idx, idx.length);
            longs(r.seeds());
            List<List<Collapse>> cs = r.collapses();
            d.writeInt(cs.size());
            for (List<Collapse> c : cs) {
                d.writeInt(c.size());
                for (Collapse x : c) {
                    dbl(x.time());
                    d.writeInt(x.channel());
                }
            }
            List<Result> runs = r.rawRuns();
            d.writeInt(runs == null ? -1 : runs.size());
            if (runs != null) {
                for (Result run : runs) {
                    result(run);
                }
            }
            qobjs(r.rawStates());
            qobj(r.finalState());
            List<TrajectoryFailure> fs = r.failures();
            d.writeInt(fs.size());
            for (TrajectoryFailure f : fs) {
                d.writeInt(f.index());
                d.writeLong(f.seed());
                string(f.cause() == null ? null : f.cause().getClass().getName());
                string(f.cause() == null ? null : f.cause().getMessage());
            }
            string(r.stopReason().name());
            dbl(r.noJumpProbability());
            stats(r.stats());
        }

        void steadyState(SteadyStateResult r) throws IOException {
            qobj(r.state());
            dbl(r.residual());
            string(r.method());
            d.writeInt(r.iterations());
            dbl(r.fill());
            dbl(r.seconds());
        }
    }

    // ---------------------------------------------------------------- reading

    /** Decodes a whole file; every structural problem becomes a DataFileException naming {@code path}. */
    static Object decode(byte[] file, Path path) {
        if (file.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw new DataFileException(path, "not a Lindblad data file (its first bytes are not the qsave magic "
                    + "\\x89LBD\\r\\n\\x1a\\n" + (file.length == 0 ? "; the file is empty" : "") + ")");
        }
        if (file.length < HEADER) {
            throw new DataFileException(path, "truncated: " + file.length + " bytes, shorter than the "
                    + HEADER + "-byte header");
        }
        ByteBuffer head = ByteBuffer.wrap(file);
        head.position(MAGIC.length);
        int version = Short.toUnsignedInt(head.getShort());
        int kind = Byte.toUnsignedInt(head.get());
        long length = head.getLong();
        if (version > VERSION || version == 0) {
            throw new DataFileException(path, "format version " + version + " is not one this Lindblad reads "
                    + "(it reads version " + VERSION + "); the file was written by a newer Lindblad");
        }
        long expected = HEADER + length + 4;
        if (length < 0 || file.length < expected) {
            throw new DataFileException(path, "truncated: the header announces " + length + " payload bytes, so "
                    + expected + " bytes in all, but the file has " + file.length);
        }
        if (file.length > expected) {
            throw new DataFileException(path, "corrupt: " + (file.length - expected)
                    + " bytes follow the end of the data (" + expected + " bytes expected)");
        }
        CRC32 crc = new CRC32();
        crc.update(file, 0, (int) (expected - 4));
        int stored = ByteBuffer.wrap(file, (int) (expected - 4), 4).getInt();
        if (stored != (int) crc.getValue()) {
            throw new DataFileException(path, String.format(java.util.Locale.ROOT,
                    "corrupt: checksum mismatch (stored CRC-32 %08x, computed %08x)", stored, (int) crc.getValue()));
        }
        In in = new In(ByteBuffer.wrap(file, HEADER, (int) length).slice(), path, kindName(kind));
        Object value;
        try {
            value = switch (kind) {
                case KIND_QOBJ -> in.qobjRequired();
                case KIND_RESULT -> in.result();
                case KIND_MC_RESULT -> in.mcResult();
                case KIND_STEADY_STATE -> in.steadyState();
                case KIND_EXTENSION -> {
                    String name = in.string();
                    DataFileCodec codec = null;
                    for (DataFileCodec c : codecs()) {
                        if (c.kind().equals(name)) {
                            codec = c;
                        }
                    }
                    if (codec == null) {
                        throw new DataFileException(path, "holds a " + name + ", which no module on the class path "
                                + "reads (for dev.lindblad.heom types, add lindblad-heom)");
                    }
                    yield codec.read(new QsaveReader(in));
                }
                default -> throw new DataFileException(path, "unknown object kind " + kind
                        + " (this Lindblad reads kinds 1 to 5); the file was written by a newer Lindblad");
            };
        } catch (BufferUnderflowException e) {
            throw new DataFileException(path, "corrupt: the " + kindName(kind) + " payload ends early");
        } catch (IllegalArgumentException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new DataFileException(path, "corrupt: the " + kindName(kind) + " payload is inconsistent: "
                    + e.getMessage());
        }
        if (in.b.hasRemaining()) {
            throw new DataFileException(path, "corrupt: " + in.b.remaining() + " payload bytes left after the "
                    + kindName(kind));
        }
        return value;
    }

    static final class In {
        final ByteBuffer b;
        final Path path;
        final String kind;

        In(ByteBuffer b, Path path, String kind) {
            this.b = b;
            this.path = path;
            this.kind = kind;
        }

        DataFileException bad(String what) {
            return new DataFileException(path, "corrupt: " + kind + " payload: " + what);
        }

        int count(String what) {
            int n = b.getInt();
            // each element takes at least one byte: a count beyond the bytes left is corrupt, not an allocation
            if (n < -1 || n > b.remaining()) {
                throw bad(what + " count " + n + " with " + b.remaining() + " bytes left");
            }
            return n;
        }

        String string() {
            int n = count("string length");
            if (n < 0) {
                return null;
            }
            byte[] s = new byte[n];
            b.get(s);
            return new String(s, StandardCharsets.UTF_8);
        }

        double dbl() {
            return Double.longBitsToDouble(b.getLong());
        }

        double[] doubles() {
            int n = count("double array length");
            if (n < 0) {
                return null;
            }
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = dbl();
            }
            return a;
        }

        double[] doublesRequired(String what) {
            double[] a = doubles();
            if (a == null) {
                throw bad(what + " is missing");
            }
            return a;
        }

        double[][] doubles2() {
            int n = count("array count");
            if (n < 0) {
                return null;
            }
            double[][] a = new double[n][];
            for (int i = 0; i < n; i++) {
                a[i] = doublesRequired("row " + i);
            }
            return a;
        }

        int[] ints() {
            int n = count("int array length");
            if (n < 0) {
                throw bad("an int array has length -1");
            }
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = b.getInt();
            }
            return a;
        }

        long[] longs() {
            int n = count("long array length");
            if (n < 0) {
                throw bad("a long array has length -1");
            }
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = b.getLong();
            }
            return a;
        }

        boolean bool() {
            byte v = b.get();
            if (v != 0 && v != 1) {
                throw bad("a boolean byte is " + v);
            }
            return v == 1;
        }

        int[] flatSide() {
            return ints();
        }

        Dims dims() {
            int outTag = b.get();
            int[] outFlat = null;
            Dims outSpace = null;
            if (outTag == 0) {
                outFlat = flatSide();
            } else if (outTag == 1) {
                outSpace = dims();
            } else {
                throw bad("dims side tag " + outTag);
            }
            int inTag = b.get();
            int[] inFlat = null;
            Dims inSpace = null;
            if (inTag == 0) {
                inFlat = flatSide();
            } else if (inTag == 1) {
                inSpace = dims();
            } else {
                throw bad("dims side tag " + inTag);
            }
            if (outSpace == null && inSpace == null) {
                return Dims.of(outFlat, inFlat);
            }
            if (outSpace != null && inSpace != null) {
                return Dims.superOf(outSpace, inSpace);
            }
            if (outSpace != null && Arrays.equals(inFlat, new int[] {1})) {
                return Dims.operatorKetOf(outSpace);
            }
            if (inSpace != null && Arrays.equals(outFlat, new int[] {1})) {
                return Dims.operatorKetOf(inSpace).dag();
            }
            throw bad("dims mix an operator space with the flat side " + Arrays.toString(outFlat == null ? inFlat : outFlat));
        }

        Qobj qobj() {
            if (!bool()) {
                return null;
            }
            Dims dims = dims();
            int rows = b.getInt();
            int cols = b.getInt();
            int format = b.get();
            Matrix m = switch (format) {
                case DENSE -> DenseMatrix.wrap(rows, cols, doublesRequired("dense data"));
                case CSR -> {
                    int[] rp = ints();
                    int[] ci = ints();
                    yield CsrMatrix.of(rows, cols, rp, ci, doublesRequired("CSR values"));
                }
                case DIA -> {
                    int[] off = ints();
                    yield DiaMatrix.of(rows, cols, off, doublesRequired("DIA values"));
                }
                default -> throw bad("matrix format tag " + format);
            };
            return Qobj.of(m, dims);
        }

        Qobj qobjRequired() {
            Qobj q = qobj();
            if (q == null) {
                throw bad("the Qobj is missing");
            }
            return q;
        }

        List<Qobj> qobjs() {
            int n = count("state count");
            if (n < 0) {
                return null;
            }
            List<Qobj> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(qobj());
            }
            return out;
        }

        Stats stats() {
            if (!bool()) {
                return null;
            }
            return new Stats(b.getLong(), b.getLong(), b.getLong(), dbl(), string(), string(), dbl());
        }

        Result result() {
            double[] times = doublesRequired("times");
            double[][] expect = doubles2();
            int[] first = ints();
            if (expect == null || first.length != expect.length) {
                throw bad("Result has " + (expect == null ? "no" : expect.length) + " e-op arrays and "
                        + first.length + " complex markers");
            }
            for (double[] e : expect) {
                if (e.length != 2 * times.length) {
                    throw bad("an e-op array holds " + e.length + " doubles for " + times.length + " times");
                }
            }
            List<Qobj> states = qobjs();
            Qobj last = qobj();
            Stats stats = stats();
            return Result.restore(times, expect, first, states, last, stats);
        }

        McResult mcResult() {
            double[] times = doublesRequired("times");
            double[][] mean = doubles2();
            double[][] std = doubles2();
            double[][] se = doubles2();
            int nh = count("e-op count");
            boolean[] herm = new boolean[Math.max(nh, 0)];
            for (int k = 0; k < herm.length; k++) {
                herm[k] = bool();
            }
            if (mean == null || mean.length != herm.length) {
                throw bad("McResult has " + (mean == null ? "no" : mean.length) + " mean arrays and " + nh
                        + " Hermitian flags");
            }
            int requested = b.getInt();
            long master = b.getLong();
            int[] idx = ints();
            long[] seeds = longs();
            if (seeds.length != idx.length) {
                throw bad(idx.length + " trajectory indices but " + seeds.length + " seeds");
            }
            int nc = count("collapse list count");
            List<List<Collapse>> collapses = new ArrayList<>(Math.max(nc, 0));
            for (int j = 0; j < nc; j++) {
                int m = count("collapse count");
                List<Collapse> c = new ArrayList<>(Math.max(m, 0));
                for (int i = 0; i < m; i++) {
                    c.add(new Collapse(dbl(), b.getInt()));
                }
                collapses.add(List.copyOf(c));
            }
            int nr = count("run count");
            List<Result> runs = null;
            if (nr >= 0) {
                runs = new ArrayList<>(nr);
                for (int j = 0; j < nr; j++) {
                    runs.add(result());
                }
            }
            List<Qobj> states = qobjs();
            Qobj last = qobj();
            int nf = count("failure count");
            List<TrajectoryFailure> failures = new ArrayList<>(Math.max(nf, 0));
            for (int j = 0; j < nf; j++) {
                int index = b.getInt();
                long seed = b.getLong();
                String cls = string();
                String msg = string();
                failures.add(new TrajectoryFailure(index, seed, cls == null ? null : new StoredFailure(cls, msg)));
            }
            String reason = string();
            McResult.StopReason stop;
            try {
                stop = McResult.StopReason.valueOf(reason);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw bad("unknown stop reason " + reason);
            }
            double p0 = dbl();
            Stats stats = stats();
            return new McResult(times, mean, std, se, herm, requested, master, idx, seeds, collapses, runs, states,
                    last, failures, stop, p0, stats);
        }

        SteadyStateResult steadyState() {
            Qobj state = qobj();
            return new SteadyStateResult(state, dbl(), string(), b.getInt(), dbl(), dbl());
        }
    }

    /**
     * The cause of a failed trajectory read back from a file: the original exception's class
     * cannot be rebuilt, so its class name and message are kept in this one.
     */
    static final class StoredFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoredFailure(String className, String message) {
            super(className + (message == null ? "" : ": " + message), null, false, false);
        }
    }
}
