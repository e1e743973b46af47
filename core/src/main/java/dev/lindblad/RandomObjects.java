package dev.lindblad;

import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.Matrix;
import dev.lindblad.linalg.MatrixFunctions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Random quantum objects, as QuTiP's {@code qutip.random_objects}: kets, density matrices,
 * Hermitian operators, unitaries, stochastic matrices, superoperators and Kraus maps drawn from
 * the stated ensembles.
 *
 * <p>Every function takes its randomness from a {@link RandomGenerator} or a {@code long} seed
 * (then the {@code L64X128MixRandom} algorithm, whose output the JDK specifies, so a seed gives
 * the same object on every JVM). The streams are not NumPy's: a seed gives other numbers than
 * in QuTiP, from the same distribution.
 *
 * <p>Complex Gaussian (Ginibre) entries are {@code (x + i y)/√2} with x, y standard normal. A
 * Haar unitary is the Q factor of the QR decomposition of an n×n Ginibre matrix with R's
 * diagonal real and positive (Mezzadri, <i>Notices AMS</i> 54, 592 (2007): the phase fix that
 * makes Q Haar distributed); it is computed by Gram–Schmidt with reorthogonalisation, which
 * yields that R directly.
 */
public final class RandomObjects {

    private RandomObjects() {
    }

    /**
     * @param seed a seed
     * @return the generator this class uses for a {@code long} seed ({@code L64X128MixRandom})
     */
    public static RandomGenerator generator(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    // ---------------------------------------------------------------- unitaries

    /**
     * A Haar-random unitary, as QuTiP's {@code rand_unitary(N)}.
     *
     * @param n    dimension
     * @param seed seed
     * @return the unitary, dense, dims {@code [[n], [n]]}
     */
    public static Qobj randUnitary(int n, long seed) {
        return randUnitary(new int[] {n}, 1, "haar", generator(seed));
    }

    /**
     * A random unitary, as QuTiP's {@code rand_unitary(dims, density, distribution)}.
     * <ul>
     *   <li>{@code "haar"}: Haar measure (the Q of a Ginibre matrix with the phase fix);</li>
     *   <li>{@code "exp"}: {@code e^{-iH}} with H from {@link #randHerm} ("fill", dense).</li>
     * </ul>
     * With {@code density < 1} the unitary is block diagonal in a randomly permuted basis, the
     * block sizes chosen so that about {@code density · N²} entries are non-zero (each block
     * drawn from the distribution), as QuTiP does.
     *
     * @param dims         subsystem sizes (the unitary has dims {@code [dims, dims]})
     * @param density      fraction of non-zero entries, in {@code (0, 1]}
     * @param distribution "haar" or "exp"
     * @param rng          the random stream
     * @return the unitary
     */
    public static Qobj randUnitary(int[] dims, double density, String distribution, RandomGenerator rng) {
        Require.nonNull(dims, "randUnitary", "dims");
        Require.finite(density, "randUnitary", "density");
        Require.nonNull(distribution, "randUnitary", "distribution");
        Require.nonNull(rng, "randUnitary", "rng");
        int n = Operators.size("randUnitary", dims);
        requireDensity("randUnitary", density);
        String d = lower(distribution);
        if (!d.equals("haar") && !d.equals("exp")) {
            throw new IllegalArgumentException("randUnitary: distribution must be \"haar\" or \"exp\", got \"" + distribution
                    + "\"");
        }
        List<Integer> blocks = blockSizes(n, density);
        double[] u = new double[2 * n * n];
        int[] perm = permutation(n, rng);
        int start = 0;
        for (int b : blocks) {
            double[] block = d.equals("haar") ? haar(b, b, rng)
                    : expMinusI(b, randHermFill(b, 1, rng));
            for (int j = 0; j < b; j++) {
                for (int i = 0; i < b; i++) {
                    int r = perm[start + i], c = perm[start + j];
                    u[2 * (r + c * n)] = block[2 * (i + j * b)];
                    u[2 * (r + c * n) + 1] = block[2 * (i + j * b) + 1];
                }
            }
            start += b;
        }
        return Qobj.of(DenseMatrix.wrap(n, n, u), Dims.oper(dims));
    }

    /** Block sizes b_k with {@code Σ b_k = n} and {@code Σ b_k² ≈ density n²}. */
    private static List<Integer> blockSizes(int n, double density) {
        List<Integer> out = new ArrayList<>();
        int remaining = n;
        double target = density * n * (double) n;
        while (remaining > 0) {
            int b = (int) Math.max(1, Math.min(remaining, Math.round(Math.sqrt(Math.max(target, 0)))));
            if (density >= 1) {
                b = remaining;
            }
            out.add(b);
            remaining -= b;
            target -= (double) b * b;
            // the rest must hold at least one entry per row
            target = Math.max(target, remaining);
        }
        return out;
    }

    // ---------------------------------------------------------------- kets and density matrices

    /**
     * A Haar-random ket, as QuTiP's {@code rand_ket(N)}: the first column of a Haar unitary.
     *
     * @param n    dimension
     * @param seed seed
     * @return the normalised ket
     */
    public static Qobj randKet(int n, long seed) {
        return randKet(new int[] {n}, 1, "haar", generator(seed));
    }

    /**
     * A random ket, as QuTiP's {@code rand_ket(dims, density, distribution)}:
     * <ul>
     *   <li>{@code "haar"}: uniform on the unit sphere (a normalised complex Gaussian vector,
     *       the same law as a column of a Haar unitary);</li>
     *   <li>{@code "fill"}: each entry non-zero with probability {@code density} (at least one),
     *       real and imaginary parts uniform in {@code [-1/2, 1/2)}, then normalised.</li>
     * </ul>
     *
     * @param dims         subsystem sizes
     * @param density      fraction of non-zero entries for "fill", in {@code (0, 1]}
     * @param distribution "haar" or "fill"
     * @param rng          the random stream
     * @return the normalised ket, dense, dims {@code [dims, [1, ...]]}
     */
    public static Qobj randKet(int[] dims, double density, String distribution, RandomGenerator rng) {
        Require.nonNull(dims, "randKet", "dims");
        Require.finite(density, "randKet", "density");
        Require.nonNull(distribution, "randKet", "distribution");
        Require.nonNull(rng, "randKet", "rng");
        int n = Operators.size("randKet", dims);
        requireDensity("randKet", density);
        String d = lower(distribution);
        double[] v = new double[2 * n];
        switch (d) {
            case "haar" -> {
                for (int k = 0; k < 2 * n; k++) {
                    v[k] = rng.nextGaussian();
                }
            }
            case "fill" -> {
                int filled = 0;
                while (filled == 0) {
                    for (int k = 0; k < n; k++) {
                        if (rng.nextDouble() < density) {
                            v[2 * k] = rng.nextDouble() - 0.5;
                            v[2 * k + 1] = rng.nextDouble() - 0.5;
                            filled++;
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException("randKet: distribution must be \"haar\" or \"fill\", got \""
                    + distribution + "\"");
        }
        normalise(v);
        return Qobj.of(DenseMatrix.wrap(n, 1, v), Dims.ket(dims));
    }

    /**
     * A random density matrix from the Hilbert–Schmidt (full-rank Ginibre) ensemble, as QuTiP's
     * {@code rand_dm(N)}.
     *
     * @param n    dimension
     * @param seed seed
     * @return the density matrix
     */
    public static Qobj randDm(int n, long seed) {
        return randDm(new int[] {n}, "ginibre", n, generator(seed));
    }

    /**
     * A random density matrix of the given rank from the Ginibre ensemble, as QuTiP's
     * {@code rand_dm(N, rank=r)}.
     *
     * @param n    dimension
     * @param rank rank, {@code 1 <= rank <= n}
     * @param seed seed
     * @return the density matrix
     */
    public static Qobj randDm(int n, int rank, long seed) {
        return randDm(new int[] {n}, "ginibre", rank, generator(seed));
    }

    /**
     * A random density matrix, as QuTiP's {@code rand_dm(dims, distribution=..., rank=...)}:
     * <ul>
     *   <li>{@code "ginibre"}: {@code rho = G G^† / tr(G G^†)} with G an n×rank Ginibre matrix
     *       (Bruzda, Cappellini, Sommers, Życzkowski, Phys. Lett. A 373, 320 (2009)); rank n is
     *       the Hilbert–Schmidt ensemble;</li>
     *   <li>{@code "hs"}: the Hilbert–Schmidt ensemble (rank ignored);</li>
     *   <li>{@code "pure"}: {@code |psi><psi|} of a Haar-random ket (rank ignored).</li>
     * </ul>
     *
     * @param dims         subsystem sizes
     * @param distribution "ginibre", "hs" or "pure"
     * @param rank         rank for "ginibre", {@code 1 <= rank <= N}
     * @param rng          the random stream
     * @return the density matrix, dense: Hermitian, unit trace, positive semidefinite
     */
    public static Qobj randDm(int[] dims, String distribution, int rank, RandomGenerator rng) {
        Require.nonNull(dims, "randDm", "dims");
        Require.nonNull(distribution, "randDm", "distribution");
        Require.nonNull(rng, "randDm", "rng");
        int n = Operators.size("randDm", dims);
        String d = lower(distribution);
        return switch (d) {
            case "ginibre", "hs" -> {
                int r = d.equals("hs") ? n : rank;
                if (r < 1 || r > n) {
                    throw new IllegalArgumentException("randDm: rank must satisfy 1 <= rank <= N = " + n + ", got " + r);
                }
                double[] g = ginibre(n, r, rng);
                double[] rho = gram(n, r, g);
                double tr = 0;
                for (int k = 0; k < n; k++) {
                    tr += rho[2 * (k + k * n)];
                }
                for (int p = 0; p < rho.length; p++) {
                    rho[p] /= tr;
                }
                yield Qobj.of(DenseMatrix.wrap(n, n, rho), Dims.oper(dims));
            }
            case "pure" -> randKet(dims, 1, "haar", rng).proj();
            default -> throw new IllegalArgumentException("randDm: distribution must be \"ginibre\", \"hs\" or \"pure\", "
                    + "got \"" + distribution + "\"");
        };
    }

    /**
     * A random density matrix with the given spectrum, QuTiP's {@code rand_dm(distribution="eigen")}:
     * {@code U diag(λ) U^†} with U Haar-random (QuTiP rotates by random Jacobi rotations
     * instead; the spectrum is the same).
     *
     * @param eigenvalues the spectrum: non-negative, summing to 1
     * @param rng         the random stream
     * @return the density matrix, dense
     */
    public static Qobj randDmEigen(double[] eigenvalues, RandomGenerator rng) {
        Require.finite(eigenvalues, "randDmEigen", "eigenvalues");
        Require.nonNull(rng, "randDmEigen", "rng");
        double sum = 0;
        for (double e : eigenvalues) {
            if (!(e >= 0) || Double.isInfinite(e)) {
                throw new IllegalArgumentException("randDmEigen: eigenvalues must be finite and >= 0, got "
                        + Arrays.toString(eigenvalues));
            }
            sum += e;
        }
        if (Math.abs(sum - 1) > 1e-14 * Math.max(1, eigenvalues.length)) {
            throw new IllegalArgumentException("randDmEigen: eigenvalues of a density matrix must sum to 1, got " + sum);
        }
        return randHermEigen(eigenvalues, rng);
    }

    // ---------------------------------------------------------------- Hermitian operators

    /**
     * A random Hermitian operator, as QuTiP's {@code rand_herm(N, density)} ("fill").
     *
     * @param n       dimension
     * @param density fraction of non-zero entries
     * @param seed    seed
     * @return the Hermitian operator
     */
    public static Qobj randHerm(int n, double density, long seed) {
        Require.finite(density, "randHerm", "density");
        return randHerm(new int[] {n}, density, "fill", generator(seed));
    }

    /**
     * A random Hermitian operator, as QuTiP's {@code rand_herm(dims, density, distribution)}:
     * <ul>
     *   <li>{@code "fill"}: each pair {@code (i, j), i <= j}, is non-zero with probability
     *       {@code density}; there {@code H_ij = (X_ij + conj(X_ji))/2} with real and imaginary
     *       parts of X uniform in {@code [-1, 1)} (QuTiP's {@code (X + X^†)/2}), so that about
     *       {@code density · N²} entries are non-zero;</li>
     *   <li>{@code "pos_def"}: the same plus {@code (√2 N + 1)} times the identity, positive
     *       definite by Gershgorin's theorem (as QuTiP's diagonal dominance).</li>
     * </ul>
     *
     * @param dims         subsystem sizes
     * @param density      fraction of non-zero entries, in {@code [0, 1]}
     * @param distribution "fill" or "pos_def"
     * @param rng          the random stream
     * @return the Hermitian operator, dense
     */
    public static Qobj randHerm(int[] dims, double density, String distribution, RandomGenerator rng) {
        Require.nonNull(dims, "randHerm", "dims");
        Require.finite(density, "randHerm", "density");
        Require.nonNull(distribution, "randHerm", "distribution");
        Require.nonNull(rng, "randHerm", "rng");
        int n = Operators.size("randHerm", dims);
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException("randHerm: density must lie in [0, 1], got " + density);
        }
        String d = lower(distribution);
        if (!d.equals("fill") && !d.equals("pos_def")) {
            throw new IllegalArgumentException("randHerm: distribution must be \"fill\" or \"pos_def\" (randHermEigen for "
                    + "a given spectrum), got \"" + distribution + "\"");
        }
        double[] h = randHermFill(n, density, rng);
        if (d.equals("pos_def")) {
            for (int k = 0; k < n; k++) {
                h[2 * (k + k * n)] += Math.sqrt(2) * n + 1;
            }
        }
        return Qobj.of(DenseMatrix.wrap(n, n, h), Dims.oper(dims));
    }

    /**
     * A random Hermitian operator with the given spectrum, QuTiP's
     * {@code rand_herm(distribution="eigen", eigenvalues=...)}: {@code U diag(λ) U^†} with U
     * Haar-random.
     *
     * @param eigenvalues the spectrum
     * @param rng         the random stream
     * @return the operator, dense
     */
    public static Qobj randHermEigen(double[] eigenvalues, RandomGenerator rng) {
        Require.finite(eigenvalues, "randHermEigen", "eigenvalues");
        Require.nonNull(rng, "randHermEigen", "rng");
        int n = eigenvalues.length;
        Operators.requirePositive("randHermEigen", "number of eigenvalues", n);
        double[] u = haar(n, n, rng);
        double[] out = new double[2 * n * n];
        for (int k = 0; k < n; k++) {
            double l = eigenvalues[k];
            for (int j = 0; j < n; j++) {
                double cr = l * u[2 * (j + k * n)], ci = -l * u[2 * (j + k * n) + 1];
                for (int i = 0; i < n; i++) {
                    double ur = u[2 * (i + k * n)], ui = u[2 * (i + k * n) + 1];
                    out[2 * (i + j * n)] += ur * cr - ui * ci;
                    out[2 * (i + j * n) + 1] += ur * ci + ui * cr;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            out[2 * (k + k * n) + 1] = 0;
        }
        return Qobj.of(DenseMatrix.wrap(n, n, out), Dims.oper(n));
    }

    private static double[] randHermFill(int n, double density, RandomGenerator rng) {
        double[] h = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                if (rng.nextDouble() >= density) {
                    continue;
                }
                double xr = 2 * rng.nextDouble() - 1, xi = 2 * rng.nextDouble() - 1;
                if (i == j) {
                    h[2 * (i + i * n)] = xr;
                    continue;
                }
                double yr = 2 * rng.nextDouble() - 1, yi = 2 * rng.nextDouble() - 1;
                double re = (xr + yr) / 2, im = (xi - yi) / 2;
                h[2 * (i + j * n)] = re;
                h[2 * (i + j * n) + 1] = im;
                h[2 * (j + i * n)] = re;
                h[2 * (j + i * n) + 1] = -im;
            }
        }
        return h;
    }

    // ---------------------------------------------------------------- stochastic matrices

    /**
     * A random stochastic matrix, as QuTiP's {@code rand_stochastic(N, density, kind)}:
     * non-negative real entries, every row ({@code "right"}) or every column ({@code "left"},
     * QuTiP's default) summing to 1. Every row and column has a non-zero entry; about
     * {@code density · N (N + 1) / 2} uniform(0, 1) entries are drawn, then the matrix is
     * symmetrised and normalised.
     *
     * @param dims    subsystem sizes
     * @param density fraction of non-zero entries, in {@code (0, 1]}
     * @param kind    "left" (columns sum to 1) or "right" (rows sum to 1)
     * @param rng     the random stream
     * @return the stochastic matrix, dense
     */
    public static Qobj randStochastic(int[] dims, double density, String kind, RandomGenerator rng) {
        Require.nonNull(dims, "randStochastic", "dims");
        Require.finite(density, "randStochastic", "density");
        Require.nonNull(kind, "randStochastic", "kind");
        Require.nonNull(rng, "randStochastic", "rng");
        int n = Operators.size("randStochastic", dims);
        requireDensity("randStochastic", density);
        String k = lower(kind);
        if (!k.equals("left") && !k.equals("right")) {
            throw new IllegalArgumentException("randStochastic: kind must be \"left\" or \"right\", got \"" + kind + "\"");
        }
        int count = Math.max((int) Math.ceil(n * (n + 1.0) * density / 2), n);
        double[] m = new double[n * n];   // real, row-major here
        int[] rows = permutation(n, rng), cols = permutation(n, rng);
        for (int p = 0; p < count; p++) {
            int i = p < n ? rows[p] : rng.nextInt(n);
            int j = p < n ? cols[p] : rng.nextInt(n);
            double v = rng.nextDouble();
            m[i * n + j] += v / 2;
            m[j * n + i] += v / 2;
        }
        double[] out = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += m[i * n + j];
            }
            for (int j = 0; j < n; j++) {
                double v = m[i * n + j] / sum;
                // "right": row i sums to 1; "left": the transpose, column i sums to 1
                int r = k.equals("right") ? i : j, c = k.equals("right") ? j : i;
                out[2 * (r + c * n)] = v;
            }
        }
        return Qobj.of(DenseMatrix.wrap(n, n, out), Dims.oper(dims));
    }

    /** @return a left stochastic matrix (columns sum to 1), QuTiP's {@code rand_stochastic(N)} */
    public static Qobj randStochastic(int n, long seed) {
        return randStochastic(new int[] {n}, 0.75, "left", generator(seed));
    }

    // ---------------------------------------------------------------- channels

    /**
     * A random CPTP map in Kraus form, as QuTiP's {@code rand_kraus_map(N)}: an N³×N isometry V
     * (the first N columns of a Haar unitary of dimension N³: a Stinespring dilation) cut into
     * {@code N²} operators {@code K_k[i][j] = V[k N + i][j]}, so {@code Σ_k K_k^† K_k = V^† V = 1}.
     *
     * @param dims subsystem sizes of the Hilbert space
     * @param rng  the random stream
     * @return the N² Kraus operators, dense
     */
    public static List<Qobj> randKrausMap(int[] dims, RandomGenerator rng) {
        Require.nonNull(dims, "randKrausMap", "dims");
        Require.nonNull(rng, "randKrausMap", "rng");
        int n = Operators.size("randKrausMap", dims);
        if ((long) n * n * n > 1 << 20) {
            throw new IllegalArgumentException("randKrausMap: N = " + n + " needs an N^3 = " + (long) n * n * n
                    + " dimensional isometry, too large");
        }
        int big = n * n * n;
        double[] v = haar(big, n, rng);
        List<Qobj> out = new ArrayList<>();
        for (int k = 0; k < n * n; k++) {
            double[] kr = new double[2 * n * n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    int src = 2 * ((k * n + i) + j * big);
                    kr[2 * (i + j * n)] = v[src];
                    kr[2 * (i + j * n) + 1] = v[src + 1];
                }
            }
            out.add(Qobj.of(DenseMatrix.wrap(n, n, kr), Dims.oper(dims)));
        }
        return List.copyOf(out);
    }

    /** @return {@link #randKrausMap(int[], RandomGenerator)} of an n-dimensional space */
    public static List<Qobj> randKrausMap(int n, long seed) {
        return randKrausMap(new int[] {n}, generator(seed));
    }

    /**
     * A random CPTP superoperator from the ensemble of Bruzda, Cappellini, Sommers and Życzkowski
     * (Phys. Lett. A 373, 320 (2009)), as QuTiP's {@code rand_super_bcsz(N, enforce_tp, rank)}:
     * the Choi matrix {@code J = Σ_cd E_cd ⊗ Φ(E_cd)} is drawn as {@code G G^†} with G an
     * N²×rank Ginibre matrix, then made trace preserving by
     * {@code J -> (Y^{-1/2} ⊗ 1) J (Y^{-1/2} ⊗ 1)}, {@code Y = tr_2 J} (or, without
     * {@code enforceTp}, scaled to {@code tr J = N}), and returned in QuTiP's column-stacking
     * superoperator form {@code S[a + bN, c + dN] = J[cN + a, dN + b]}.
     *
     * @param dims      subsystem sizes of the Hilbert space
     * @param enforceTp whether the map preserves the trace
     * @param rank      the Choi rank, {@code 1 <= rank <= N²}
     * @param rng       the random stream
     * @return the superoperator, dense, dims {@code [[dims, dims], [dims, dims]]}
     */
    public static Qobj randSuperBcsz(int[] dims, boolean enforceTp, int rank, RandomGenerator rng) {
        Require.nonNull(dims, "randSuperBcsz", "dims");
        Require.nonNull(rng, "randSuperBcsz", "rng");
        int n = Operators.size("randSuperBcsz", dims);
        int n2 = n * n;
        if (rank < 1 || rank > n2) {
            throw new IllegalArgumentException("randSuperBcsz: rank must satisfy 1 <= rank <= N^2 = " + n2 + ", got " + rank);
        }
        double[] j = gram(n2, rank, ginibre(n2, rank, rng));
        if (enforceTp) {
            double[] y = new double[2 * n * n];
            for (int d = 0; d < n; d++) {
                for (int c = 0; c < n; c++) {
                    for (int a = 0; a < n; a++) {
                        int p = 2 * ((c * n + a) + (d * n + a) * n2);
                        y[2 * (c + d * n)] += j[p];
                        y[2 * (c + d * n) + 1] += j[p + 1];
                    }
                }
            }
            double[] z = MatrixFunctions.hermitian(n, y, x -> Complex.of(1 / Math.sqrt(x)));
            // (Z ⊗ 1) J (Z ⊗ 1) with Z Hermitian
            double[] zk = new double[2 * n2 * n2];
            for (int d = 0; d < n; d++) {
                for (int c = 0; c < n; c++) {
                    for (int a = 0; a < n; a++) {
                        zk[2 * ((c * n + a) + (d * n + a) * n2)] = z[2 * (c + d * n)];
                        zk[2 * ((c * n + a) + (d * n + a) * n2) + 1] = z[2 * (c + d * n) + 1];
                    }
                }
            }
            j = multiply(n2, multiply(n2, zk, j), zk);
        } else {
            double tr = 0;
            for (int k = 0; k < n2; k++) {
                tr += j[2 * (k + k * n2)];
            }
            for (int p = 0; p < j.length; p++) {
                j[p] *= n / tr;
            }
        }
        double[] s = new double[2 * n2 * n2];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                for (int c = 0; c < n; c++) {
                    for (int d = 0; d < n; d++) {
                        int src = 2 * ((c * n + a) + (d * n + b) * n2);
                        int dst = 2 * ((a + b * n) + (c + d * n) * n2);
                        s[dst] = j[src];
                        s[dst + 1] = j[src + 1];
                    }
                }
            }
        }
        return Qobj.of(DenseMatrix.wrap(n2, n2, s), Dims.superOf(Dims.oper(dims)));
    }

    /** @return a full-rank trace-preserving BCSZ superoperator of an n-dimensional space */
    public static Qobj randSuperBcsz(int n, long seed) {
        return randSuperBcsz(new int[] {n}, true, n * n, generator(seed));
    }

    /**
     * A random superoperator, as QuTiP's {@code rand_super(N)}: the propagator at a uniform
     * random time {@code t ∈ [0, 1)} of the master equation with a random Hermitian
     * Hamiltonian ({@link #randHerm}, density 0.3) and the collapse operators
     * {@code a^†, a, J_z} (spin {@code (N-1)/2}); CPTP by construction.
     *
     * @param dims subsystem sizes of the Hilbert space
     * @param rng  the random stream
     * @return the superoperator, dims {@code [[dims, dims], [dims, dims]]}
     */
    public static Qobj randSuper(int[] dims, RandomGenerator rng) {
        Require.nonNull(dims, "randSuper", "dims");
        Require.nonNull(rng, "randSuper", "rng");
        int n = Operators.size("randSuper", dims);
        Qobj h = randHerm(new int[] {n}, 0.3, "fill", rng);
        double t = rng.nextDouble();
        Qobj s = dev.lindblad.solver.Solvers.propagator(h, t,
                List.of(Operators.create(n), Operators.destroy(n), Operators.jmat((n - 1) / 2.0, "z")));
        return Qobj.of(s.data(), Dims.superOf(Dims.oper(dims)));
    }

    /** @return {@link #randSuper(int[], RandomGenerator)} of an n-dimensional space */
    public static Qobj randSuper(int n, long seed) {
        return randSuper(new int[] {n}, generator(seed));
    }

    // ---------------------------------------------------------------- kernels

    /** An m×k matrix of complex Gaussians {@code (x + i y)/√2}, interleaved column-major. */
    private static double[] ginibre(int m, int k, RandomGenerator rng) {
        double[] g = new double[2 * m * k];
        double s = Math.sqrt(0.5);
        for (int p = 0; p < g.length; p++) {
            g[p] = s * rng.nextGaussian();
        }
        return g;
    }

    /**
     * The first k columns of an m×m Haar unitary: Gram–Schmidt (two passes per column) on an
     * m×k Ginibre matrix, whose R has a real positive diagonal (Mezzadri's phase fix).
     */
    private static double[] haar(int m, int k, RandomGenerator rng) {
        double[] q = ginibre(m, k, rng);
        for (int j = 0; j < k; j++) {
            int cj = 2 * j * m;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < j; i++) {
                    int ci = 2 * i * m;
                    double dr = 0, di = 0;   // q_i^† q_j
                    for (int r = 0; r < 2 * m; r += 2) {
                        dr += q[ci + r] * q[cj + r] + q[ci + r + 1] * q[cj + r + 1];
                        di += q[ci + r] * q[cj + r + 1] - q[ci + r + 1] * q[cj + r];
                    }
                    for (int r = 0; r < 2 * m; r += 2) {
                        q[cj + r] -= q[ci + r] * dr - q[ci + r + 1] * di;
                        q[cj + r + 1] -= q[ci + r] * di + q[ci + r + 1] * dr;
                    }
                }
            }
            double nrm = 0;
            for (int r = 0; r < 2 * m; r++) {
                nrm += q[cj + r] * q[cj + r];
            }
            nrm = Math.sqrt(nrm);
            if (nrm == 0) {
                throw new ArithmeticException("Haar sampling: a Ginibre column is zero (probability zero event)");
            }
            for (int r = 0; r < 2 * m; r++) {
                q[cj + r] /= nrm;
            }
        }
        return q;
    }

    /** {@code G G^†} for an m×k matrix G. */
    private static double[] gram(int m, int k, double[] g) {
        double[] out = new double[2 * m * m];
        for (int c = 0; c < k; c++) {
            int cc = 2 * c * m;
            for (int j = 0; j < m; j++) {
                double br = g[cc + 2 * j], bi = -g[cc + 2 * j + 1];
                for (int i = 0; i < m; i++) {
                    double ar = g[cc + 2 * i], ai = g[cc + 2 * i + 1];
                    out[2 * (i + j * m)] += ar * br - ai * bi;
                    out[2 * (i + j * m) + 1] += ar * bi + ai * br;
                }
            }
        }
        for (int i = 0; i < m; i++) {
            out[2 * (i + i * m) + 1] = 0;
        }
        return out;
    }

    private static double[] multiply(int n, double[] a, double[] b) {
        Matrix p = dev.lindblad.data.Data.matmul(DenseMatrix.wrap(n, n, a), DenseMatrix.wrap(n, n, b));
        return p.toDense().array().clone();
    }

    /** {@code e^{-iH}} of a dense Hermitian n×n matrix. */
    private static double[] expMinusI(int n, double[] h) {
        return MatrixFunctions.hermitian(n, h, x -> Complex.of(Math.cos(x), -Math.sin(x)));
    }

    private static int[] permutation(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int k = 0; k < n; k++) {
            p[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int r = rng.nextInt(k + 1);
            int t = p[k];
            p[k] = p[r];
            p[r] = t;
        }
        return p;
    }

    private static void normalise(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        s = Math.sqrt(s);
        for (int k = 0; k < v.length; k++) {
            v[k] /= s;
        }
    }

    private static void requireDensity(String function, double density) {
        if (!(density > 0 && density <= 1)) {
            throw new IllegalArgumentException(function + ": density must lie in (0, 1], got " + density);
        }
    }

    private static String lower(String s) {
        return s == null ? "null" : s.toLowerCase(Locale.ROOT);
    }
}
