package dev.lindblad;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.Matrix;
import java.util.List;

/**
 * Superoperators in QuTiP's column-stacking convention: an operator X is vectorised as
 * {@code vec(X)[i + j m] = X[i][j]} (its columns one after the other), so that
 * {@code vec(A X B) = (B^T ⊗ A) vec(X)}. Hence {@code spre(A) = 1 ⊗ A},
 * {@code spost(A) = A^T ⊗ 1}, {@code sprepost(A, B) = B^T ⊗ A}. Superoperators have QuTiP's
 * dims, e.g. {@code [[[2], [2]], [[2], [2]]]} for a qubit, and act on operator-kets with dims
 * {@code [[[2], [2]], [1]]}. Results are sparse when the operands are.
 */
public final class Superops {

    private Superops() {
    }

    private static void requireOper(String function, String name, Qobj a) {
        Require.nonNull(a, function, name);
        if (!a.isOper()) {
            throw new IllegalArgumentException(function + " needs an operator, got a " + a.type() + " with dims " + a.dims());
        }
    }

    /**
     * Left multiplication {@code X -> A X} as a superoperator: {@code 1 ⊗ A}.
     *
     * @param a a square operator
     * @return {@code spre(A)}, dims {@code [[A.dims], [A.dims]]}
     */
    public static Qobj spre(Qobj a) {
        requireOper("spre", "a", a);
        Matrix m = Data.kron(CsrMatrix.identity(a.shape()[1]), a.data());
        return Qobj.of(m, Dims.superOf(a.dims()));
    }

    /**
     * Right multiplication {@code X -> X A} as a superoperator: {@code A^T ⊗ 1}.
     *
     * @param a a square operator
     * @return {@code spost(A)}
     */
    public static Qobj spost(Qobj a) {
        requireOper("spost", "a", a);
        Matrix m = Data.kron(Data.transpose(a.data()), CsrMatrix.identity(a.shape()[0]));
        return Qobj.of(m, Dims.superOf(a.dims()));
    }

    /**
     * Two-sided multiplication {@code X -> A X B} as a superoperator: {@code B^T ⊗ A}. It maps
     * operators with dims {@code [A.in, B.out]} to operators with dims {@code [A.out, B.in]}.
     *
     * @param a left factor
     * @param b right factor
     * @return {@code sprepost(A, B)}
     */
    public static Qobj sprepost(Qobj a, Qobj b) {
        requireOper("sprepost", "a", a);
        requireOper("sprepost", "b", b);
        Matrix m = Data.kron(Data.transpose(b.data()), a.data());
        Dims to = Dims.of(a.dims().out(), b.dims().in());
        Dims from = Dims.of(a.dims().in(), b.dims().out());
        return Qobj.of(m, Dims.superOf(to, from));
    }

    /**
     * Lindblad dissipator of one collapse operator,
     * {@code D[c] rho = c rho c^† - ½ c^† c rho - ½ rho c^† c}.
     *
     * @param c collapse operator
     * @return the superoperator {@code D[c]}
     */
    public static Qobj lindbladDissipator(Qobj c) {
        requireOper("lindbladDissipator", "c", c);
        return lindbladDissipator(c, c);
    }

    /**
     * Generalised dissipator exactly as QuTiP 4.7's {@code lindblad_dissipator(a, b)}:
     * {@code D[a, b] rho = a rho b^† - ½ a^† b rho - ½ rho a^† b}, i.e.
     * {@code spre(a) spost(b^†) - ½ spre(a^† b) - ½ spost(a^† b)}. (QuTiP writes {@code a^† b}
     * in the anticommutator; for {@code a = b} this is the usual {@code D[c]}.)
     *
     * @param a left collapse operator
     * @param b right collapse operator, same dims as a
     * @return the superoperator
     */
    public static Qobj lindbladDissipator(Qobj a, Qobj b) {
        requireOper("lindbladDissipator", "a", a);
        requireOper("lindbladDissipator", "b", b);
        if (!a.dims().equals(b.dims())) {
            throw new DimensionMismatchException("lindbladDissipator", a.dims(), b.dims());
        }
        Qobj adb = a.dag().times(b);
        return spre(a).times(spost(b.dag())).minus(spre(adb).times(0.5)).minus(spost(adb).times(0.5));
    }

    /**
     * Lindblad master-equation generator, as QuTiP's {@code liouvillian(H, c_ops)}:
     * {@code L = -i (spre(H) - spost(H)) + Σ_k D[c_k]}, so that
     * {@code d vec(rho)/dt = L vec(rho)} for
     * {@code d rho/dt = -i [H, rho] + Σ_k (c_k rho c_k^† - ½ {c_k^† c_k, rho})}.
     * A superoperator H is used as the Hamiltonian part as it is; a superoperator among the
     * collapse operators is added as it is (as QuTiP).
     *
     * @param h     Hamiltonian (operator or superoperator), or null for dissipation only
     * @param cOps  collapse operators (operators or superoperators), may be empty
     * @return the Liouvillian superoperator
     */
    public static Qobj liouvillian(Qobj h, List<Qobj> cOps) {
        List<Qobj> cs = Require.elements(cOps, "liouvillian", "cOps");
        Qobj l = null;
        if (h != null) {
            if (h.isSuper()) {
                l = h;
            } else if (h.isOper()) {
                l = spre(h).minus(spost(h)).times(Complex.of(0, -1));
            } else {
                throw new IllegalArgumentException("liouvillian: H must be an operator or superoperator, got a " + h.type()
                        + " with dims " + h.dims());
            }
        }
        for (int k = 0; k < cs.size(); k++) {
            Qobj c = cs.get(k);
            Qobj d;
            if (c.isSuper()) {
                d = c;
            } else if (c.isOper()) {
                d = lindbladDissipator(c);
            } else {
                throw new IllegalArgumentException("liouvillian: collapse operator " + k + " must be an operator or "
                        + "superoperator, got a " + c.type() + " with dims " + c.dims());
            }
            if (l != null && !l.dims().equals(d.dims())) {
                throw new DimensionMismatchException("liouvillian: collapse operator " + k + " gives dims " + d.dims()
                        + ", the Liouvillian so far has dims " + l.dims());
            }
            l = l == null ? d : l.plus(d);
        }
        if (l == null) {
            throw new IllegalArgumentException("liouvillian: needs a Hamiltonian or at least one collapse operator");
        }
        return l;
    }

    /** @return {@link #liouvillian(Qobj, List)} of a Hamiltonian alone, {@code -i(spre(H) - spost(H))} */
    public static Qobj liouvillian(Qobj h) {
        return liouvillian(h, List.of());
    }

    /** @return {@link #liouvillian(Qobj, List)} with collapse operators given inline */
    public static Qobj liouvillian(Qobj h, Qobj... cOps) {
        return liouvillian(h, List.of(Require.elements(cOps, "liouvillian", "cOps")));
    }

    /**
     * Column-stacking vectorisation {@code vec(rho)[i + j m] = rho[i][j]}, as QuTiP's
     * {@code operator_to_vector}.
     *
     * @param op an operator
     * @return the operator-ket with dims {@code [op.dims, [1]]}
     */
    public static Qobj operatorToVector(Qobj op) {
        requireOper("operatorToVector", "op", op);
        return Qobj.of(Data.vec(op.data()), Dims.operatorKetOf(op.dims()));
    }

    /**
     * Inverse of {@link #operatorToVector}: the columns of the operator are consecutive blocks of
     * the vector.
     *
     * @param v an operator-ket
     * @return the operator with the dims recorded in v
     */
    public static Qobj vectorToOperator(Qobj v) {
        Require.nonNull(v, "vectorToOperator", "v");
        if (!v.isOperKet()) {
            throw new IllegalArgumentException("vectorToOperator needs an operator-ket, got a " + v.type() + " with dims "
                    + v.dims());
        }
        Dims op = v.dims().outSpace();
        return Qobj.of(Data.unvec(v.data(), op.rows()), op);
    }

    /**
     * Tensor product of superoperators, as QuTiP's {@code super_tensor}: for
     * {@code S1} on operators of dims {@code d1} and {@code S2} on {@code d2}, the superoperator
     * on {@code d1 ⊗ d2} with {@code superTensor(spre(A), spre(B)) = spre(A ⊗ B)}. Computed by
     * reordering the Kronecker product of the matrices (column stacking makes the composite
     * index {@code (col1, col2, row1, row2)}, not {@code (col1, row1, col2, row2)}). Two
     * operator-kets give {@code vec(A ⊗ B)} from {@code vec(A)} and {@code vec(B)}, two
     * operator-bras its conjugate transpose. Superoperators must be supermatrices
     * ({@code superrep "super"}), as in QuTiP.
     *
     * @param s1 first superoperator or operator-ket/bra (acts on subsystem 0)
     * @param s2 second superoperator or operator-ket/bra, the same type as s1
     * @return the superoperator on the composite space
     */
    public static Qobj superTensor(Qobj s1, Qobj s2) {
        Require.nonNull(s1, "superTensor", "s1");
        Require.nonNull(s2, "superTensor", "s2");
        if (s1.isOperKet() && s2.isOperKet()) {
            return operatorToVector(Qobj.tensor(vectorToOperator(s1), vectorToOperator(s2)));
        }
        if (s1.isOperBra() && s2.isOperBra()) {
            return superTensor(s1.dag(), s2.dag()).dag();
        }
        if (s1.isSuper() && s2.isSuper() && !("super".equals(s1.dims().superrep()) && "super".equals(s2.dims().superrep()))) {
            throw new IllegalArgumentException("superTensor of superoperators needs superrep \"super\" (as QuTiP), got \""
                    + s1.dims().superrep() + "\" and \"" + s2.dims().superrep() + "\"; convert with toSuper first");
        }
        if (!s1.isSuper() || !s2.isSuper()) {
            throw new IllegalArgumentException("superTensor needs two superoperators, two operator-kets or two "
                    + "operator-bras, got a " + s1.type() + " and a " + s2.type());
        }
        Dims d1 = s1.dims(), d2 = s2.dims();
        Dims o1 = d1.outSpace(), i1 = d1.inSpace(), o2 = d2.outSpace(), i2 = d2.inSpace();
        if (o1.type() == Dims.Type.SUPER || o2.type() == Dims.Type.SUPER) {
            throw new IllegalArgumentException("superTensor: nested superoperator dims " + d1 + ", " + d2);
        }
        // kron(s1, s2) has the row index (c1, r1, c2, r2), slowest first; vec of the composite
        // operator needs (c1, c2, r1, r2)
        Matrix k = Data.kron(s1.data(), s2.data());
        // row subsystem sizes of kron: [o1.cols, o1.rows, o2.cols, o2.rows]
        int[] rowDims = {o1.cols(), o1.rows(), o2.cols(), o2.rows()};
        int[] colDims = {i1.cols(), i1.rows(), i2.cols(), i2.rows()};
        Matrix m = Data.permute(k, rowDims, colDims, new int[] {0, 2, 1, 3});
        Dims to = Dims.tensor(o1, o2);
        Dims from = Dims.tensor(i1, i2);
        return Qobj.of(m, Dims.superOf(to, from));
    }

    // ---- channel representations (issue #15) ----

    /**
     * Tolerance of {@link #isCp} (Choi eigenvalues {@code >= -1e-10}, and Choi matrix Hermitian to
     * {@code 1e-10} entrywise) and {@link #isTp} ({@code |Tr_out J - 1| <= 1e-10} entrywise).
     */
    public static final double CHANNEL_TOLERANCE = Channels.TOLERANCE;

    private static Qobj requireMap(String function, Qobj q) {
        Require.nonNull(q, function, "q");
        if (!q.isSuper() && !q.isOper()) {
            throw new IllegalArgumentException(function + " needs a superoperator, or an operator U standing for "
                    + "X -> U X U^†, got a " + q.type() + " with dims " + q.dims());
        }
        if (q.isSuper() && "mixed".equals(q.dims().superrep())) {
            throw new IllegalArgumentException(function + ": the superoperator is a product of different "
                    + "representations (superrep \"mixed\"), which means no map; convert the factors with toSuper first");
        }
        return q;
    }

    /**
     * The supermatrix of a map, as QuTiP 5's {@code to_super}: {@code vec(E(X)) = S vec(X)} in
     * column stacking. A supermatrix is returned as it is, a Choi or chi matrix converted
     * (see {@link #toChoi}), and an operator U stands for the unitary channel
     * {@code X -> U X U^†}: {@code sprepost(U, U^†)}.
     *
     * @param q a superoperator (superrep "super", "choi" or "chi") or an operator
     * @return the map with superrep "super"
     */
    public static Qobj toSuper(Qobj q) {
        requireMap("toSuper", q);
        if (q.isOper()) {
            return sprepost(q, q.dag());
        }
        return switch (q.dims().superrep()) {
            case "super" -> q;
            case "choi" -> Channels.choiToSuper(q);
            default -> Channels.choiToSuper(Channels.chiToChoi(q));
        };
    }

    /**
     * The Choi matrix of a map, as QuTiP 5's {@code to_choi}:
     * {@code J = Σ_{k,l} |k><l| ⊗ E(|k><l|)}, the input index the slow one, so that
     * {@code J[i + M k, j + M l] = S[i + M j, k + N l]} for the supermatrix S of a map from
     * N×N to M×M operators, and {@code J = Σ vec(K) vec(K)^†} for {@code E(X) = Σ K X K^†}.
     * Its trace is the input dimension for a trace-preserving map. Its dims are
     * {@code [[to.out, from.out], [to.in, from.in]]} with superrep "choi" (for a map on
     * {@code [[2], [2]]}: {@code [[[2], [2]], [[2], [2]]]}). A chi matrix is converted back
     * with {@code J = B χ B^† / d²} (see {@link #toChi}); an operator U stands for
     * {@code X -> U X U^†}.
     *
     * @param q a superoperator (superrep "super", "choi" or "chi") or an operator
     * @return the Choi matrix, superrep "choi"
     */
    public static Qobj toChoi(Qobj q) {
        requireMap("toChoi", q);
        if (q.isOper()) {
            return Channels.superToChoi(sprepost(q, q.dag()));
        }
        return switch (q.dims().superrep()) {
            case "choi" -> q;
            case "super" -> Channels.superToChoi(q);
            default -> Channels.chiToChoi(q);
        };
    }

    /**
     * The chi (process) matrix of a map on n qubits in the Pauli basis, as QuTiP 5's
     * {@code to_chi}: {@code χ = B^† J B} with J the Choi matrix and B the d²×d² matrix
     * (d = 2^n) whose column i is {@code vec(conj(P_i))} for the Pauli products
     * {@code P_i = σ_{i_1} ⊗ ... ⊗ σ_{i_n}}, {@code σ = (1, X, Y, Z)}, the first qubit's index
     * the most significant. Its trace is d² for a trace-preserving map (QuTiP's normalisation;
     * the textbook χ with {@code E(X) = Σ χ_mn P_m X P_n^†} is {@code χ/d²} up to the signs
     * that {@code conj} gives the entries with an odd number of Y). Defined only where the
     * space has dimension {@code 2^n} (as in QuTiP).
     *
     * @param q a superoperator (superrep "super", "choi" or "chi") or an operator, on a space of
     *          dimension {@code 2^n}, with equal input and output spaces
     * @return the chi matrix, superrep "chi"
     */
    public static Qobj toChi(Qobj q) {
        requireMap("toChi", q);
        if (q.isSuper() && "chi".equals(q.dims().superrep())) {
            return q;
        }
        Qobj choi = toChoi(q);
        if (Channels.qubits(choi.dims()) < 0) {
            throw new IllegalArgumentException("toChi: the chi matrix is defined in the Pauli basis, only for a map from "
                    + "a space of dimension 2^n to itself; got a map with Choi dims " + choi.dims());
        }
        return Channels.choiToChi(choi);
    }

    /** @return {@link #toKraus(Qobj, double)} with QuTiP's tolerance 1e-9 */
    public static List<Qobj> toKraus(Qobj q) {
        return toKraus(q, 1e-9);
    }

    /**
     * Kraus operators of a completely positive map, as QuTiP 5's {@code to_kraus}:
     * {@code K_k = sqrt(λ_k) unvec(v_k)} over the eigenpairs of the Choi matrix with
     * {@code |λ_k| >= tol}, in ascending order of λ, so that {@code E(X) = Σ K_k X K_k^†}. The
     * operators are {@code M×N} for a map from N×N to M×M operators. An operator U gives
     * {@code [U]}.
     *
     * @param q   a superoperator (any superrep) or an operator
     * @param tol eigenvalues of the Choi matrix below this in modulus are dropped
     * @return the Kraus operators
     * @throws IllegalArgumentException if the map is not completely positive (a Choi eigenvalue
     *                                  below {@code -tol}) or its Choi matrix is not Hermitian:
     *                                  such a map has no Kraus form; {@link #toStinespring} has
     */
    public static List<Qobj> toKraus(Qobj q, double tol) {
        Require.nonNull(q, "toKraus", "q");
        Require.finite(tol, "toKraus", "tol");
        requireMap("toKraus", q);
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("toKraus: tol must be >= 0, got tol = " + tol);
        }
        if (q.isOper()) {
            return List.of(q);
        }
        return Channels.choiToKraus(toChoi(q), tol);
    }

    /**
     * The Choi matrix of {@code X -> Σ K_k X K_k^†}, QuTiP 5's {@code kraus_to_choi}:
     * {@code J = Σ vec(K_k) vec(K_k)^†}, dims {@code [[K.dims], [K.dims]]}, superrep "choi".
     *
     * @param kraus Kraus operators, at least one, all with the same dims
     * @return the Choi matrix
     */
    public static Qobj krausToChoi(List<Qobj> kraus) {
        List<Qobj> ks = Require.elements(kraus, "krausToChoi", "kraus");
        if (ks.isEmpty()) {
            throw new IllegalArgumentException("krausToChoi: kraus lists no operator");
        }
        return Channels.krausToChoi(ks, "krausToChoi");
    }

    /**
     * The supermatrix of {@code X -> Σ K_k X K_k^†}, QuTiP's {@code kraus_to_super}:
     * {@code Σ sprepost(K_k, K_k^†)}.
     *
     * @param kraus Kraus operators, at least one, all with the same dims
     * @return the supermatrix, superrep "super"
     */
    public static Qobj krausToSuper(List<Qobj> kraus) {
        List<Qobj> ks = Require.elements(kraus, "krausToSuper", "kraus");
        if (ks.isEmpty()) {
            throw new IllegalArgumentException("krausToSuper: kraus lists no operator");
        }
        return Channels.choiToSuper(Channels.krausToChoi(ks, "krausToSuper"));
    }

    /**
     * A Stinespring pair: {@code E(X) = Tr_2(A X B^†)}, the trace over the last subsystem of A's
     * and B's output (the Kraus index).
     *
     * @param a the left isometry-like operator, dims {@code [[out..., r], [in...]]}
     * @param b the right one, equal to a up to rounding (and phases) for a completely positive map
     */
    public record Stinespring(Qobj a, Qobj b) {
    }

    /** @return {@link #toStinespring(Qobj, double)} with QuTiP's threshold 1e-10 */
    public static Stinespring toStinespring(Qobj q) {
        return toStinespring(q, 1e-10);
    }

    /**
     * A Stinespring pair of any map, as QuTiP 5's {@code to_stinespring}: from the singular
     * value decomposition {@code J = Σ_k σ_k u_k v_k^†} of the Choi matrix (σ above the
     * threshold), {@code KL_k = unvec(sqrt(σ_k) u_k)}, {@code KR_k = unvec(sqrt(σ_k) v_k)},
     * {@code A = Σ_k KL_k ⊗ |k>} and {@code B = Σ_k KR_k ⊗ |k>}, so that
     * {@code E(X) = Σ_k KL_k X KR_k^† = Tr_2(A X B^†)}. For a completely positive map
     * {@code A = B} up to the phases of the singular vectors (and rounding). The singular
     * triplets of a Hermitian J (to 1e-13 relative; every Hermiticity-preserving map) come from
     * its eigen-decomposition ({@code σ = |λ|}, {@code v = sign(λ) u}), those of any other J
     * from the eigenvectors of the Hermitian dilation {@code [[0, J], [J^†, 0]]}.
     *
     * @param q         a superoperator (any superrep) or an operator
     * @param threshold singular values of the Choi matrix at or below this are dropped
     * @return the pair (A, B)
     */
    public static Stinespring toStinespring(Qobj q, double threshold) {
        Require.nonNull(q, "toStinespring", "q");
        Require.finite(threshold, "toStinespring", "threshold");
        requireMap("toStinespring", q);
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("toStinespring: threshold must be >= 0, got threshold = " + threshold);
        }
        Qobj j = toChoi(q);
        Dims p = j.dims().outSpace(), r = j.dims().inSpace();
        if (!p.equals(r)) {
            throw new IllegalArgumentException("toStinespring: the Choi matrix's dims " + j.dims()
                    + " are not those of a map between square operators (output and input operator spaces differ)");
        }
        int n = j.shape()[0];
        double[][] uv = Channels.scaledSingularVectors(Channels.dense(j), n, threshold);
        int rank = uv[0].length / (2 * n);
        if (rank == 0) {
            throw new IllegalArgumentException("toStinespring: the map is zero (no singular value of its Choi matrix "
                    + "above threshold = " + threshold + ")");
        }
        Dims kd = Dims.of(p.out(), p.in());
        return new Stinespring(Channels.stackKraus(uv[0], rank, kd), Channels.stackKraus(uv[1], rank, kd));
    }

    /**
     * Column reshuffling, QuTiP's {@code reshuffle}: the supermatrix of a map on subsystems
     * {@code d_1, ..., d_n} has its row and column indices ordered
     * {@code (c_1..c_n, r_1..r_n)} (column stacking), and reshuffling reorders them to
     * {@code (c_1, r_1, ..., c_n, r_n)}, the tensor product of one superoperator index per
     * subsystem: {@code reshuffle(superTensor(S1, S2)) = reshuffle(S1) ⊗ reshuffle(S2)}. Since
     * {@link Dims} cannot nest a list of operator spaces (QuTiP's "tensor of superoperators"
     * dims), the reshuffled object is an operator (or, from an operator-ket, a ket) on
     * subsystems of sizes {@code d_k²}. Given such an operator or ket, whose subsystem sizes are
     * all perfect squares, reshuffle goes back: {@code reshuffle(reshuffle(S)) = S}. The
     * superoperator must map square operators to operators of the same dims, as in QuTiP.
     *
     * @param q a superoperator with superrep "super", an operator-ket, or their reshuffled form
     * @return the reshuffled object
     */
    public static Qobj reshuffle(Qobj q) {
        Require.nonNull(q, "reshuffle", "q");
        switch (q.type()) {
            case SUPER, OPERATOR_KET -> {
                Dims op = q.dims().outSpace();
                if (!java.util.Arrays.equals(op.out(), op.in())
                        || (q.isSuper() && !q.dims().inSpace().equals(op))) {
                    throw new IllegalArgumentException("reshuffle is only defined for maps between square operators with "
                            + "the same dims (as QuTiP), got dims " + q.dims());
                }
                if (q.isSuper() && !"super".equals(q.dims().superrep())) {
                    throw new IllegalArgumentException("reshuffle needs superrep \"super\", got \"" + q.dims().superrep()
                            + "\"; convert with toSuper first");
                }
                int[] d = op.out();
                int n = d.length;
                int[] sizes = new int[2 * n], order = new int[2 * n], sq = new int[n];
                for (int k = 0; k < n; k++) {
                    sizes[k] = d[k];
                    sizes[n + k] = d[k];
                    order[2 * k] = k;
                    order[2 * k + 1] = n + k;
                    sq[k] = d[k] * d[k];
                }
                double[] a = Channels.dense(q);
                if (q.isSuper()) {
                    double[] b = Channels.permuteIndices(a, sizes, order, sizes, order);
                    return Qobj.of(DenseMatrix.wrap(q.shape()[0], q.shape()[1], b), Dims.oper(sq));
                }
                double[] b = Channels.permuteIndices(a, sizes, order, new int[] {1}, new int[] {0});
                return Qobj.of(DenseMatrix.wrap(q.shape()[0], 1, b), Dims.ket(sq));
            }
            case OPER, KET -> {
                int[] sq = q.dims().out();
                if (q.isOper() && !java.util.Arrays.equals(sq, q.dims().in())) {
                    throw new IllegalArgumentException("reshuffle of an operator reads it as a reshuffled superoperator and"
                            + " needs equal out and in dims, got " + q.dims());
                }
                int n = sq.length;
                int[] d = new int[n];
                for (int k = 0; k < n; k++) {
                    int r = (int) Math.round(Math.sqrt(sq[k]));
                    if (r * r != sq[k]) {
                        throw new IllegalArgumentException("reshuffle of a " + q.type() + " reads it as a reshuffled "
                                + "superoperator or operator-ket, whose subsystem sizes are squares d_k²; got dims "
                                + q.dims());
                    }
                    d[k] = r;
                }
                int[] sizes = new int[2 * n], order = new int[2 * n];
                for (int k = 0; k < n; k++) {
                    sizes[2 * k] = d[k];
                    sizes[2 * k + 1] = d[k];
                    order[k] = 2 * k;
                    order[n + k] = 2 * k + 1;
                }
                double[] a = Channels.dense(q);
                Dims op = Dims.oper(d);
                if (q.isOper()) {
                    double[] b = Channels.permuteIndices(a, sizes, order, sizes, order);
                    return Qobj.of(DenseMatrix.wrap(q.shape()[0], q.shape()[1], b), Dims.superOf(op));
                }
                double[] b = Channels.permuteIndices(a, sizes, order, new int[] {1}, new int[] {0});
                return Qobj.of(DenseMatrix.wrap(q.shape()[0], 1, b), Dims.operatorKetOf(op));
            }
            default -> throw new IllegalArgumentException("reshuffle needs a superoperator or operator-ket (or their "
                    + "reshuffled operator or ket), got a " + q.type() + " with dims " + q.dims());
        }
    }

    /**
     * Whether a map is completely positive, as QuTiP 5's {@code Qobj.iscp}: its Choi matrix is
     * Hermitian (to {@link #CHANNEL_TOLERANCE} entrywise, relative to its largest entry when
     * that exceeds 1) and has no eigenvalue below {@code -CHANNEL_TOLERANCE}. An operator U
     * (standing for {@code X -> U X U^†}) is completely positive. Other types are not maps: false.
     *
     * @param q a superoperator (any superrep) or an operator
     * @return true if completely positive
     */
    public static boolean isCp(Qobj q) {
        Require.nonNull(q, "isCp", "q");
        if (!q.isSuper() && !q.isOper() || "mixed".equals(q.dims().superrep())) {
            return false;
        }
        Qobj j = toChoi(q);
        int n = j.shape()[0];
        if (j.shape()[1] != n) {
            return false;
        }
        double[] a = Channels.dense(j);
        double scale = Math.max(1, j.norm("max"));
        if (!Channels.isHermitian(a, n, CHANNEL_TOLERANCE * scale)) {
            return false;
        }
        double[] lam = Linalg.eigenvalues(Metrics.hermitianPart(j.data()));
        return n == 0 || lam[0] >= -CHANNEL_TOLERANCE * scale;
    }

    /**
     * Whether a map is trace preserving, as QuTiP 5's {@code Qobj.istp}: the partial trace of its
     * Choi matrix over the output, {@code Tr_out J} (which is {@code conj(Σ K^† K)}), equals the
     * identity to {@link #CHANNEL_TOLERANCE} entrywise. An operator U is trace preserving if
     * {@code U^† U = 1}. Other types, and maps whose output operators are not square, are not:
     * false.
     *
     * @param q a superoperator (any superrep) or an operator
     * @return true if trace preserving
     */
    public static boolean isTp(Qobj q) {
        Require.nonNull(q, "isTp", "q");
        if (!q.isSuper() && !q.isOper() || "mixed".equals(q.dims().superrep())) {
            return false;
        }
        Qobj j = toChoi(q);
        if (j.dims().outSpace().rows() != j.dims().inSpace().rows()) {
            return false;
        }
        int no = j.dims().outSpace().cols(), ni = j.dims().inSpace().cols();
        if (no != ni) {
            return false;
        }
        double[] t = Channels.traceOverOutput(j, "isTp");
        for (int l = 0; l < ni; l++) {
            for (int k = 0; k < no; k++) {
                double re = t[2 * (k + no * l)] - (k == l ? 1 : 0), im = t[2 * (k + no * l) + 1];
                if (Math.hypot(re, im) > CHANNEL_TOLERANCE) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether a map is completely positive and trace preserving (a quantum channel):
     * {@link #isCp} and {@link #isTp}, QuTiP's {@code Qobj.iscptp}.
     *
     * @param q a superoperator (any superrep) or an operator
     * @return true for a quantum channel
     */
    public static boolean isCptp(Qobj q) {
        Require.nonNull(q, "isCptp", "q");
        return isCp(q) && isTp(q);
    }

    /**
     * The object of a composite system, QuTiP's {@code composite}: the tensor product of
     * operators, kets or bras; when any factor is a superoperator (or operator-ket), the
     * {@link #superTensor} of all, operators promoted by {@link #toSuper} (as unitary channels)
     * and kets by {@code operatorToVector(|psi><psi|)}. Bras and operator-bras go through their
     * conjugate transposes.
     *
     * @param parts two or more quantum objects, all operator-like (operators, superoperators),
     *              all ket-like (kets, operator-kets) or all bra-like
     * @return the composite object
     */
    public static Qobj composite(Qobj... parts) {
        Qobj[] ps = Require.elements(parts, "composite", "parts");
        if (ps.length == 0) {
            throw new IllegalArgumentException("composite needs at least one object");
        }
        boolean operLike = true, ketLike = true, braLike = true, anySuper = false, anyOperKet = false;
        for (Qobj p : ps) {
            operLike &= p.isOper() || p.isSuper();
            ketLike &= p.isKet() || p.isOperKet();
            braLike &= p.isBra() || p.isOperBra();
            anySuper |= p.isSuper();
            anyOperKet |= p.isOperKet();
        }
        if (operLike) {
            if (!anySuper) {
                return Qobj.tensor(ps);
            }
            Qobj r = toSuper(ps[0]);
            for (int k = 1; k < ps.length; k++) {
                r = superTensor(r, toSuper(ps[k]));
            }
            return r;
        }
        if (ketLike) {
            if (!anyOperKet) {
                return Qobj.tensor(ps);
            }
            Qobj r = null;
            for (Qobj p : ps) {
                Qobj v = p.isOperKet() ? p : operatorToVector(p.proj());
                r = r == null ? v : superTensor(r, v);
            }
            return r;
        }
        if (braLike) {
            Qobj[] d = new Qobj[ps.length];
            for (int k = 0; k < ps.length; k++) {
                d[k] = ps[k].dag();
            }
            return composite(d).dag();
        }
        StringBuilder types = new StringBuilder();
        for (Qobj p : ps) {
            types.append(types.isEmpty() ? "" : ", ").append(p.type());
        }
        throw new IllegalArgumentException("composite needs all operator-like, all ket-like or all bra-like objects, got ["
                + types + "]");
    }
}
