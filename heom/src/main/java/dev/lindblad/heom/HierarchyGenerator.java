package dev.lindblad.heom;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import dev.lindblad.Superops;
import dev.lindblad.ode.OdeSystem;
import dev.lindblad.parallel.Parallelism;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

/**
 * The right-hand side of the hierarchical equations of motion, applied ADO by ADO without
 * assembling the hierarchy's matrix. For ADO {@code n} (a label, see {@link HierarchyAdos}):
 * <pre>
 *   d rho_n/dt = (L_sys(t) - sum_k n_k vk) rho_n + sum_k A_k(n) rho_{n+e_k} + sum_k B_k(n) rho_{n-e_k},
 * </pre>
 * with, for bosonic exponents ({@code [.,.]} the commutator, {@code {.,.}} the anticommutator)
 * <pre>
 *   A_k = -i [Q, .],   B_k = -i n_k ck [Q, .] (R),   n_k ck {Q, .} (I),   n_k (-i ck [Q, .] + ck2 {Q, .}) (RI),
 * </pre>
 * and for fermionic ones, with {@code s1 = (-1)^(N_f + 1)}, {@code s2 = (-1)^(N_f before k)}
 * (N_f: fermionic excitations of n; only fermionic excitations count, so bosonic and fermionic
 * baths mix), {@code A = Q} for + and {@code Q†} for - in {@code A_k}, the other way round in
 * {@code B_k}, and {@code kbar} the partner exponent:
 * <pre>
 *   A_k rho = -i s2 (A rho + s1 rho A),     B_k rho = -i s2 (ck A rho - s1 ck_kbar* rho A).
 * </pre>
 * This is QuTiP's HEOM generator (BoFiN; Lambert et al., Phys. Rev. Research 5, 013181 (2023)),
 * the same matrix QuTiP assembles.
 *
 * <p>Each block is a scalar times one of a few small superoperators ({@link SuperBlock}) shared by
 * every ADO, so the hierarchy is stored as links {@code (source ADO, superoperator, scalar)}:
 * a few bytes per block instead of a sparse matrix of every entry. The ADOs are split over the
 * kernel threads ({@link Parallelism}) in chunks balanced by their number of stored entries;
 * each ADO's derivative is computed by the same code in the same order whatever thread runs
 * it, so the result has the same bits on any number of threads.
 */
final class HierarchyGenerator implements OdeSystem {

    /** Chunks per thread: a shared machine's threads finish at different times, so work is claimed in small pieces. */
    private static final int CHUNKS_PER_THREAD = 8;

    private final int ados;
    private final int block;           // doubles per ADO: 2 N²
    private final SuperBlock[] system; // L_0, L_1, ... (time-dependent terms after the constant one)
    private final TimeCoefficient[] coefficients;
    private final double[] diagonal;   // per ADO: -sum n_k vk, interleaved
    private final int[] linkStart;     // per ADO, into the link arrays
    private final int[] linkSource;    // offset (in doubles) of the source ADO
    private final SuperBlock[] operators;
    private final int[] linkOperator;
    /**
     * Per link, the index of its scalar in {@link #scalars}: the scalars repeat (-i for every
     * bosonic next-ADO link, {@code n_k} times a constant of exponent k for the previous-ADO
     * ones), so a link stores 12 bytes instead of 24, and the product streams less.
     */
    private final int[] linkScalar;
    /** The distinct link scalars, interleaved. */
    private final double[] scalars;
    private final long[] cumulativeWork;

    /** A complex time-dependent coefficient of a system term. */
    @FunctionalInterface
    interface TimeCoefficient {
        Complex at(double t);
    }

    /**
     * @param hierarchy    the ADOs
     * @param systemTerms  the system Liouvillian's terms: the constant one first
     * @param coefficients the coefficient of each term (null for the constant one)
     * @param progress     receives the number of ADOs linked so far (may be null)
     */
    HierarchyGenerator(HierarchyAdos hierarchy, List<Qobj> systemTerms, List<TimeCoefficient> coefficients,
            LongConsumer progress) {
        ados = hierarchy.size();
        int n2 = systemTerms.get(0).shape()[0];
        block = 2 * n2;
        system = new SuperBlock[systemTerms.size()];
        for (int i = 0; i < system.length; i++) {
            system[i] = SuperBlock.of(systemTerms.get(i));
        }
        this.coefficients = coefficients.toArray(new TimeCoefficient[0]);

        List<BathExponent> exps = hierarchy.exponents();
        int kCount = exps.size();
        Operators ops = new Operators(exps);
        diagonal = new double[2 * ados];
        linkStart = new int[ados + 1];
        int capacity = Math.max(16, ados * Math.min(2 * kCount, 8));
        int[] source = new int[capacity];
        int[] operator = new int[capacity];
        int[] scalar = new int[capacity];
        Map<List<Long>, Integer> scalarIds = new HashMap<>();
        double[] scalarTable = new double[32];
        int links = 0;
        cumulativeWork = new long[ados + 1];
        long systemEntries = 0;
        for (SuperBlock s : system) {
            systemEntries += s.entries();
        }
        int[] label = new int[kCount];
        for (int a = 0; a < ados; a++) {
            int[] l = hierarchy.label(a);
            System.arraycopy(l, 0, label, 0, kCount);
            double dr = 0;
            double di = 0;
            int fermions = 0;
            for (int k = 0; k < kCount; k++) {
                dr -= label[k] * exps.get(k).vk().re();
                di -= label[k] * exps.get(k).vk().im();
                if (exps.get(k).isFermionic()) {
                    fermions += label[k];
                }
            }
            diagonal[2 * a] = dr;
            diagonal[2 * a + 1] = di;
            linkStart[a] = links;
            long work = systemEntries + n2;
            int fermionsBefore = 0;
            for (int k = 0; k < kCount; k++) {
                BathExponent e = exps.get(k);
                int s1 = (fermions + 1) % 2 == 0 ? 1 : -1;
                int s2 = fermionsBefore % 2 == 0 ? 1 : -1;
                for (int direction = 0; direction < 2; direction++) {
                    int[] neighbour = direction == 0 ? hierarchy.next(label, k) : hierarchy.prev(label, k);
                    if (neighbour == null) {
                        continue;
                    }
                    int b = hierarchy.indexOrMinusOne(neighbour);
                    if (b < 0) {
                        continue;
                    }
                    int op;
                    Complex m;
                    if (!e.isFermionic()) {
                        if (direction == 0) {
                            op = ops.bosonicNext(k);
                            m = Complex.of(0, -1);
                        } else {
                            op = ops.bosonicPrevious(k);
                            m = ops.bosonicPreviousScalar(k).times(label[k]);
                        }
                    } else {
                        op = direction == 0 ? ops.fermionicNext(k, s1) : ops.fermionicPrevious(k, s1);
                        m = Complex.of(0, -s2);
                    }
                    if (links == source.length) {
                        int grown = source.length + (source.length >> 1) + 16;
                        source = java.util.Arrays.copyOf(source, grown);
                        operator = java.util.Arrays.copyOf(operator, grown);
                        scalar = java.util.Arrays.copyOf(scalar, grown);
                    }
                    source[links] = b * block;
                    operator[links] = op;
                    // interned by their bits (the same value computed twice has the same bits)
                    List<Long> key = List.of(Double.doubleToRawLongBits(m.re()), Double.doubleToRawLongBits(m.im()));
                    Integer id = scalarIds.get(key);
                    if (id == null) {
                        id = scalarIds.size();
                        scalarIds.put(key, id);
                        if (2 * id + 2 > scalarTable.length) {
                            scalarTable = java.util.Arrays.copyOf(scalarTable, 2 * scalarTable.length);
                        }
                        scalarTable[2 * id] = m.re();
                        scalarTable[2 * id + 1] = m.im();
                    }
                    scalar[links] = id;
                    links++;
                    work += ops.entries(op);
                }
                if (e.isFermionic()) {
                    fermionsBefore += label[k];
                }
            }
            cumulativeWork[a + 1] = cumulativeWork[a] + work;
            if (progress != null && (a & 1023) == 1023) {
                progress.accept(a + 1);
            }
        }
        linkStart[ados] = links;
        linkSource = java.util.Arrays.copyOf(source, links);
        linkOperator = java.util.Arrays.copyOf(operator, links);
        linkScalar = java.util.Arrays.copyOf(scalar, links);
        scalars = java.util.Arrays.copyOf(scalarTable, 2 * scalarIds.size());
        operators = ops.blocks.toArray(new SuperBlock[0]);
        if (progress != null) {
            progress.accept(ados);
        }
    }

    /** The distinct coupling superoperators, built on demand and shared by every ADO. */
    private static final class Operators {
        final List<BathExponent> exps;
        final List<SuperBlock> blocks = new ArrayList<>();
        final Map<String, Integer> ids = new HashMap<>();

        Operators(List<BathExponent> exps) {
            this.exps = exps;
        }

        int entries(int id) {
            return blocks.get(id).entries();
        }

        private int intern(String key, java.util.function.Supplier<Qobj> make) {
            Integer id = ids.get(key);
            if (id == null) {
                id = blocks.size();
                blocks.add(SuperBlock.of(make.get()));
                ids.put(key, id);
            }
            return id;
        }

        /** -i [Q, .] is spread over its scalar: the block is [Q, .] = spre(Q) - spost(Q). */
        int bosonicNext(int k) {
            Qobj q = exps.get(k).Q();
            return intern("commutator " + k, () -> Superops.spre(q).minus(Superops.spost(q)));
        }

        int bosonicPrevious(int k) {
            BathExponent e = exps.get(k);
            Qobj q = e.Q();
            return switch (e.type()) {
                case R -> bosonicNext(k);
                case I -> intern("anticommutator " + k, () -> Superops.spre(q).plus(Superops.spost(q)));
                case RI -> intern("ri " + k, () -> Superops.spre(q).minus(Superops.spost(q)).times(Complex.of(0, -1).times(e.ck()))
                        .plus(Superops.spre(q).plus(Superops.spost(q)).times(e.ck2())));
                default -> throw new IllegalStateException("fermionic exponent " + k);
            };
        }

        /** The scalar of a bosonic previous-ADO block, per excitation. */
        Complex bosonicPreviousScalar(int k) {
            BathExponent e = exps.get(k);
            return switch (e.type()) {
                case R -> Complex.of(0, -1).times(e.ck());
                case I -> e.ck();
                case RI -> Complex.ONE;
                default -> throw new IllegalStateException("fermionic exponent " + k);
            };
        }

        /** spre(A) + s1 spost(A), A = Q for +, Q† for -. */
        int fermionicNext(int k, int s1) {
            BathExponent e = exps.get(k);
            Qobj a = e.type() == BathExponent.Type.PLUS ? e.Q() : e.Q().dag();
            return intern("fnext " + k + " " + s1, () -> Superops.spre(a).plus(Superops.spost(a).times(s1)));
        }

        /** ck spre(A) - s1 conj(ck_kbar) spost(A), A = Q† for +, Q for -. */
        int fermionicPrevious(int k, int s1) {
            BathExponent e = exps.get(k);
            Qobj a = e.type() == BathExponent.Type.PLUS ? e.Q().dag() : e.Q();
            int partner = k + e.sigmaBarKOffset();
            if (partner < 0 || partner >= exps.size()) {
                throw new IllegalArgumentException("exponent " + k + " names its partner at offset "
                        + e.sigmaBarKOffset() + ", outside the " + exps.size() + " exponents");
            }
            Complex bar = exps.get(partner).ck().conj();
            return intern("fprev " + k + " " + s1, () -> Superops.spre(a).times(e.ck())
                    .minus(Superops.spost(a).times(bar.times(s1))));
        }
    }

    /** @return the number of real unknowns, {@code 2 N² M} */
    int dimension() {
        return block * ados;
    }

    /** @return the number of stored links (off-diagonal blocks) */
    int links() {
        return linkSource.length;
    }

    /** @return complex multiply-adds per product (entries of the blocks, counted once per use) */
    long work() {
        return cumulativeWork[ados];
    }

    /** @return the number of ADOs */
    int ados() {
        return ados;
    }

    /**
     * {@code out = f(t, y)}. The time-dependent coefficients are evaluated once per call into an
     * array of the call's own, so that one generator serves several runs at once.
     */
    @Override
    public void apply(double t, double[] y, double[] out) {
        double[] coefficientValues = new double[2 * system.length];
        coefficientValues[0] = 1;
        for (int i = 1; i < system.length; i++) {
            Complex c = coefficients[i].at(t);
            coefficientValues[2 * i] = c.re();
            coefficientValues[2 * i + 1] = c.im();
        }
        int threads = Parallelism.chunksFor(work());
        if (threads <= 1) {
            applyRange(y, out, 0, ados, coefficientValues);
            return;
        }
        int chunks = Math.min(ados, threads * CHUNKS_PER_THREAD);
        IntConsumer body = c -> applyRange(y, out, boundary(c, chunks), boundary(c + 1, chunks), coefficientValues);
        Parallelism.forEachChunk(chunks, body);
    }

    /** The first ADO of chunk c of {@code chunks}, so that chunks hold about equal work. */
    private int boundary(int c, int chunks) {
        if (c == 0) {
            return 0;
        }
        if (c == chunks) {
            return ados;
        }
        long target = cumulativeWork[ados] * c / chunks;
        int lo = 0;
        int hi = ados;
        while (lo < hi) {   // first a with cumulativeWork[a] >= target
            int mid = (lo + hi) >>> 1;
            if (cumulativeWork[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The hierarchy's generator at time t as one sparse matrix, compressed rows with interleaved
     * complex values (for the steady state's linear solve; the time evolution never forms it).
     * Entries of the diagonal block are merged; the blocks of different ADOs never overlap.
     */
    Assembled assemble(double t) {
        int n2 = block / 2;
        double[] coef = new double[2 * system.length];
        coef[0] = 1;
        for (int i = 1; i < system.length; i++) {
            Complex c = coefficients[i].at(t);
            coef[2 * i] = c.re();
            coef[2 * i + 1] = c.im();
        }
        int[][] systemRows = new int[system.length][];
        for (int i = 0; i < system.length; i++) {
            systemRows[i] = rowLookup(system[i], n2);
        }
        int[][] operatorRows = new int[operators.length][];
        for (int i = 0; i < operators.length; i++) {
            operatorRows[i] = rowLookup(operators[i], n2);
        }
        long total = 0;
        for (int a = 0; a < ados; a++) {
            total += n2;
            for (SuperBlock s : system) {
                total += s.entries();
            }
            for (int p = linkStart[a]; p < linkStart[a + 1]; p++) {
                total += operators[linkOperator[p]].entries();
            }
        }
        if (total > Integer.MAX_VALUE / 2) {
            throw new IllegalStateException("the hierarchy's matrix would hold " + total + " entries, too many to assemble");
        }
        int rows = ados * n2;
        int[] rowPtr = new int[rows + 1];
        int[] cols = new int[(int) total];
        double[] vals = new double[2 * (int) total];
        double[] acc = new double[2 * n2];
        boolean[] used = new boolean[n2];
        int[] touched = new int[n2];
        int q = 0;
        for (int a = 0; a < ados; a++) {
            for (int e = 0; e < n2; e++) {
                int row = a * n2 + e;
                int count = 0;
                acc[2 * e] += diagonal[2 * a];
                acc[2 * e + 1] += diagonal[2 * a + 1];
                used[e] = true;
                touched[count++] = e;
                for (int i = 0; i < system.length; i++) {
                    int r = systemRows[i][e];
                    if (r < 0) {
                        continue;
                    }
                    SuperBlock s = system[i];
                    for (int p = s.pointers[r]; p < s.pointers[r + 1]; p++) {
                        int c = s.columns[p];
                        acc[2 * c] += coef[2 * i] * s.re[p] - coef[2 * i + 1] * s.im[p];
                        acc[2 * c + 1] += coef[2 * i] * s.im[p] + coef[2 * i + 1] * s.re[p];
                        if (!used[c]) {
                            used[c] = true;
                            touched[count++] = c;
                        }
                    }
                }
                java.util.Arrays.sort(touched, 0, count);
                for (int j = 0; j < count; j++) {
                    int c = touched[j];
                    cols[q] = a * n2 + c;
                    vals[2 * q] = acc[2 * c];
                    vals[2 * q + 1] = acc[2 * c + 1];
                    q++;
                    acc[2 * c] = 0;
                    acc[2 * c + 1] = 0;
                    used[c] = false;
                }
                for (int p = linkStart[a]; p < linkStart[a + 1]; p++) {
                    int r = operatorRows[linkOperator[p]][e];
                    if (r < 0) {
                        continue;
                    }
                    SuperBlock s = operators[linkOperator[p]];
                    double mr = scalars[2 * linkScalar[p]];
                    double mi = scalars[2 * linkScalar[p] + 1];
                    int b = linkSource[p] / block;
                    for (int x = s.pointers[r]; x < s.pointers[r + 1]; x++) {
                        cols[q] = b * n2 + s.columns[x];
                        vals[2 * q] = mr * s.re[x] - mi * s.im[x];
                        vals[2 * q + 1] = mr * s.im[x] + mi * s.re[x];
                        q++;
                    }
                }
                rowPtr[row + 1] = q;
            }
        }
        return new Assembled(rows, rowPtr, java.util.Arrays.copyOf(cols, q), java.util.Arrays.copyOf(vals, 2 * q));
    }

    /** A sparse matrix in compressed rows, interleaved complex values. */
    record Assembled(int n, int[] rowPointers, int[] columns, double[] values) {
    }

    private static int[] rowLookup(SuperBlock s, int n2) {
        int[] lookup = new int[n2];
        java.util.Arrays.fill(lookup, -1);
        for (int r = 0; r < s.rows.length; r++) {
            lookup[s.rows[r]] = r;
        }
        return lookup;
    }

    /** out for ADOs [from, to). */
    private void applyRange(double[] y, double[] out, int from, int to, double[] coefficientValues) {
        int w = block;
        int a = from;
        // the system part four ADOs at a time (its entries loaded once for the four); the
        // arithmetic of each ADO is the same as one at a time, so the bits do not depend on
        // where the chunks start
        for (; a + 3 < to; a += 4) {
            for (int q = a; q < a + 4; q++) {
                diagonal(y, out, q);
            }
            int o = a * w;
            system[0].accumulate4(y, out, o, w, 1, 0);
            for (int i = 1; i < system.length; i++) {
                system[i].accumulate4(y, out, o, w, coefficientValues[2 * i], coefficientValues[2 * i + 1]);
            }
            for (int q = a; q < a + 4; q++) {
                links(y, out, q);
            }
        }
        for (; a < to; a++) {
            diagonal(y, out, a);
            int o = a * w;
            system[0].accumulate(y, o, out, o, 1, 0);
            for (int i = 1; i < system.length; i++) {
                system[i].accumulate(y, o, out, o, coefficientValues[2 * i], coefficientValues[2 * i + 1]);
            }
            links(y, out, a);
        }
    }

    /** out_a = -(sum_k n_k vk) y_a: the first write of ADO a's derivative. */
    private void diagonal(double[] y, double[] out, int a) {
        int o = a * block;
        double dr = diagonal[2 * a];
        double di = diagonal[2 * a + 1];
        for (int e = o; e < o + block; e += 2) {
            double xr = y[e];
            double xi = y[e + 1];
            out[e] = dr * xr - di * xi;
            out[e + 1] = dr * xi + di * xr;
        }
    }

    private void links(double[] y, double[] out, int a) {
        int o = a * block;
        for (int p = linkStart[a]; p < linkStart[a + 1]; p++) {
            int m = 2 * linkScalar[p];
            operators[linkOperator[p]].accumulate(y, linkSource[p], out, o, scalars[m], scalars[m + 1]);
        }
    }
}
