package dev.lindblad;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
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
     * index {@code (col1, col2, row1, row2)}, not {@code (col1, row1, col2, row2)}).
     *
     * @param s1 first superoperator (acts on subsystem 0)
     * @param s2 second superoperator
     * @return the superoperator on the composite space
     */
    public static Qobj superTensor(Qobj s1, Qobj s2) {
        Require.nonNull(s1, "superTensor", "s1");
        Require.nonNull(s2, "superTensor", "s2");
        if (!s1.isSuper() || !s2.isSuper()) {
            throw new IllegalArgumentException("superTensor needs two superoperators, got a " + s1.type() + " and a "
                    + s2.type());
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
}
