package dev.lindblad;

import java.util.Arrays;
import java.util.Objects;

/**
 * Tensor-product structure of a quantum object, in QuTiP's {@code [[out], [in]]} notation.
 *
 * <p>Each side is a list of subsystem sizes, or, for superoperators and vectorised operators,
 * an operator space given by the {@code Dims} of the operators it holds:
 * <ul>
 *   <li>ket {@code [[2, 3], [1, 1]]}, bra {@code [[1, 1], [2, 3]]}, operator {@code [[2, 3], [2, 3]]};</li>
 *   <li>operator-ket (a column-stacked operator) {@code [[[2], [2]], [1]]}, operator-bra
 *       {@code [[1], [[2], [2]]]};</li>
 *   <li>superoperator {@code [[[2], [2]], [[2], [2]]]}.</li>
 * </ul>
 * Instances are immutable.
 */
public final class Dims implements java.io.Serializable {

    /** What a quantum object is, as QuTiP's {@code Qobj.type}. */
    public enum Type {
        /** a column state vector */
        KET,
        /** a row state vector */
        BRA,
        /** an operator on a Hilbert space */
        OPER,
        /** a column-stacked operator, a vector in operator space */
        OPERATOR_KET,
        /** the conjugate transpose of an operator-ket */
        OPERATOR_BRA,
        /** a linear map on operators */
        SUPER
    }

    private final int[] out;
    private final int[] in;
    private final Dims outSpace;
    private final Dims inSpace;
    /** QuTiP's {@code superrep} of a superoperator; null for every other type. */
    private final String superrep;

    /** The representations a superoperator's matrix may be in, as QuTiP's {@code superrep}. */
    private static final java.util.List<String> SUPERREPS = java.util.List.of("super", "choi", "chi");

    private Dims(int[] out, Dims outSpace, int[] in, Dims inSpace) {
        this(out, outSpace, in, inSpace, "super");
    }

    private Dims(int[] out, Dims outSpace, int[] in, Dims inSpace, String superrep) {
        this.out = out;
        this.in = in;
        this.outSpace = outSpace;
        this.inSpace = inSpace;
        this.superrep = outSpace != null && inSpace != null ? superrep : null;
    }

    private static int[] checked(String side, int[] d) {
        if (d.length == 0) {
            throw new IllegalArgumentException("dims: the " + side + " side lists no subsystem");
        }
        for (int x : d) {
            if (x <= 0) {
                throw new IllegalArgumentException("dims: subsystem sizes must be positive, got " + Arrays.toString(d));
            }
        }
        return d.clone();
    }

    /**
     * @param out subsystem sizes of the output (row) space
     * @param in  subsystem sizes of the input (column) space
     * @return {@code [out, in]}
     */
    public static Dims of(int[] out, int[] in) {
        Require.nonNull(out, "Dims.of", "out");
        Require.nonNull(in, "Dims.of", "in");
        return new Dims(checked("out", out), null, checked("in", in), null);
    }

    /** @return ket dims {@code [[d...], [1...]]} */
    public static Dims ket(int... dims) {
        Require.nonNull(dims, "Dims.ket", "dims");
        int[] ones = new int[dims.length];
        Arrays.fill(ones, 1);
        return of(dims, ones);
    }

    /** @return bra dims {@code [[1...], [d...]]} */
    public static Dims bra(int... dims) {
        Require.nonNull(dims, "Dims.bra", "dims");
        return ket(dims).dag();
    }

    /** @return square operator dims {@code [[d...], [d...]]} */
    public static Dims oper(int... dims) {
        Require.nonNull(dims, "Dims.oper", "dims");
        return of(dims, dims);
    }

    /** @return dims of superoperators acting on operators of dims {@code op} */
    public static Dims superOf(Dims op) {
        Require.nonNull(op, "Dims.superOf", "op");
        requireOperatorDims(op);
        return new Dims(null, op, null, op);
    }

    /** @return dims of a superoperator mapping operators of dims {@code from} to dims {@code to} */
    public static Dims superOf(Dims to, Dims from) {
        Require.nonNull(to, "Dims.superOf", "to");
        Require.nonNull(from, "Dims.superOf", "from");
        requireOperatorDims(to);
        requireOperatorDims(from);
        return new Dims(null, to, null, from);
    }

    /** @return dims of the column-stacked form of an operator with dims {@code op} */
    public static Dims operatorKetOf(Dims op) {
        Require.nonNull(op, "Dims.operatorKetOf", "op");
        requireOperatorDims(op);
        return new Dims(null, op, new int[] {1}, null);
    }

    private static void requireOperatorDims(Dims op) {
        if (op.outSpace != null || op.inSpace != null) {
            throw new IllegalArgumentException("dims " + op + " already describe an operator space");
        }
    }

    /** @return the dims of {@code a ⊗ b ⊗ ...} (Hilbert-space objects only) */
    public static Dims tensor(Dims... parts) {
        Require.elements(parts, "Dims.tensor", "parts");
        if (parts.length == 0) {
            throw new IllegalArgumentException("tensor needs at least one operand");
        }
        int[] o = new int[0], i = new int[0];
        for (Dims d : parts) {
            if (d.outSpace != null || d.inSpace != null) {
                throw new IllegalArgumentException("tensor: " + d + " is a superoperator or operator-vector; use superTensor");
            }
            o = concat(o, d.out);
            i = concat(i, d.in);
        }
        return new Dims(o, null, i, null);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** @return the dims of the conjugate transpose: sides swapped (a superoperator keeps its {@link #superrep()}) */
    public Dims dag() {
        return new Dims(in, inSpace, out, outSpace, superrep);
    }

    /**
     * QuTiP's {@code superrep}: how the matrix of a superoperator represents its map.
     * {@code "super"} is the column-stacking supermatrix ({@code vec(E(X)) = S vec(X)}, what
     * {@link Superops#spre} and friends make), {@code "choi"} the Choi matrix and {@code "chi"}
     * the process (chi) matrix in the Pauli basis (see {@link Superops#toChoi},
     * {@link Superops#toChi}); {@code "mixed"} marks a product of superoperators in different
     * representations, which no conversion accepts.
     *
     * @return the representation of a superoperator, null for every other type
     */
    public String superrep() {
        return superrep;
    }

    /**
     * The same dims with another superoperator representation; they describe the same spaces,
     * but a Choi matrix and a supermatrix are not equal (as QuTiP 5's dims compare their
     * {@code superrep}).
     *
     * @param superrep {@code "super"}, {@code "choi"} or {@code "chi"}
     * @return dims of type {@link Type#SUPER} with that representation
     * @throws IllegalArgumentException if these dims are not a superoperator's, or the
     *                                  representation is none of the three
     */
    public Dims withSuperrep(String superrep) {
        Require.nonNull(superrep, "withSuperrep", "superrep");
        if (type() != Type.SUPER) {
            throw new IllegalArgumentException("withSuperrep: only a superoperator has a superrep, these dims " + this
                    + " are of a " + type());
        }
        if (!SUPERREPS.contains(superrep)) {
            throw new IllegalArgumentException("withSuperrep: superrep must be one of " + SUPERREPS + ", got \""
                    + superrep + "\"");
        }
        return new Dims(out, outSpace, in, inSpace, superrep);
    }

    /** @return the kind of object these dims describe */
    public Type type() {
        if (outSpace != null && inSpace != null) {
            return Type.SUPER;
        }
        if (outSpace != null) {
            return Type.OPERATOR_KET;
        }
        if (inSpace != null) {
            return Type.OPERATOR_BRA;
        }
        boolean inOnes = allOnes(in), outOnes = allOnes(out);
        if (inOnes && !outOnes) {
            return Type.KET;
        }
        if (outOnes && !inOnes) {
            return Type.BRA;
        }
        return Type.OPER;
    }

    private static boolean allOnes(int[] d) {
        for (int x : d) {
            if (x != 1) {
                return false;
            }
        }
        return true;
    }

    /** @return the number of rows of a matrix with these dims */
    public int rows() {
        return outSpace != null ? outSpace.rows() * outSpace.cols() : prod(out);
    }

    /** @return the number of columns of a matrix with these dims */
    public int cols() {
        return inSpace != null ? inSpace.rows() * inSpace.cols() : prod(in);
    }

    private static int prod(int[] d) {
        long p = 1;
        for (int x : d) {
            p *= x;
        }
        if (p > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("dims " + Arrays.toString(d) + " give a space of dimension " + p
                    + ", too large to index");
        }
        return (int) p;
    }

    /**
     * @return the subsystem sizes of the output side (a copy); for an operator space, the
     *         sizes of the operators' row space
     */
    public int[] out() {
        return outSpace != null ? outSpace.out() : out.clone();
    }

    /** @return the subsystem sizes of the input side (a copy) */
    public int[] in() {
        return inSpace != null ? inSpace.in() : in.clone();
    }

    /**
     * @return the Hilbert-space subsystem sizes an object with these dims lives on: the out side
     *         of a ket or operator, the in side of a bra, the operator dims' out side for
     *         superoperators and operator-vectors
     */
    public int[] subsystems() {
        return switch (type()) {
            case KET, OPER -> out.clone();
            case BRA -> in.clone();
            case OPERATOR_KET, SUPER -> outSpace.out();
            case OPERATOR_BRA -> inSpace.out();
        };
    }

    /** @return the operator dims of the output operator space (superoperators and operator-kets), or null */
    public Dims outSpace() {
        return outSpace;
    }

    /** @return the operator dims of the input operator space (superoperators and operator-bras), or null */
    public Dims inSpace() {
        return inSpace;
    }

    /** @return the dims of {@code this * other}, checking that the inner sides agree */
    Dims product(Dims other, String op) {
        if (!sideEquals(in, inSpace, other.out, other.outSpace)) {
            throw new DimensionMismatchException(op, this, other);
        }
        // a product of superoperators keeps their common representation (QuTiP 5's dims do
        // the same); an operator-ket times an operator-bra is a supermatrix
        String rep = superrep == null || other.superrep == null ? "super"
                : superrep.equals(other.superrep) ? superrep : "mixed";
        return new Dims(out, outSpace, other.in, other.inSpace, rep);
    }

    private static boolean sideEquals(int[] a, Dims as, int[] b, Dims bs) {
        return as == null ? bs == null && Arrays.equals(a, b) : as.equals(bs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dims d && sideEquals(out, outSpace, d.out, d.outSpace) && sideEquals(in, inSpace, d.in, d.inSpace)
                && Objects.equals(superrep, d.superrep);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(out), outSpace, Arrays.hashCode(in), inSpace, superrep);
    }

    private static String side(int[] d, Dims space) {
        if (space != null) {
            return "[" + side(space.out, space.outSpace) + ", " + side(space.in, space.inSpace) + "]";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < d.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(d[k]);
        }
        return sb.append(']').toString();
    }

    /**
     * @return QuTiP's notation, e.g. {@code [[2, 3], [1, 1]]}; a superoperator in a
     *         representation other than {@code "super"} adds it, e.g.
     *         {@code [[[2], [2]], [[2], [2]]] (superrep choi)}
     */
    @Override
    public String toString() {
        String s = "[" + side(out, outSpace) + ", " + side(in, inSpace) + "]";
        return superrep == null || superrep.equals("super") ? s : s + " (superrep " + superrep + ")";
    }
}
