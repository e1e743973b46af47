package dev.lindblad.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input to the data layer throws, and the message names the offending values (shapes,
 * lengths, indices) so a user can see what was wrong without a debugger.
 */
class DataBadInputTest {

    private static final Random RANDOM = new Random(2024);

    private static Matrix dense(int m, int n) {
        return RefMatrix.random(m, n, 1, RANDOM).dense();
    }

    private static Matrix csr(int m, int n) {
        return RefMatrix.random(m, n, 0.5, RANDOM).csr();
    }

    /** Asserts that {@code call} throws {@code type} and that the message contains every fragment. */
    private static <T extends Throwable> void assertThrowsNaming(Class<T> type, Executable call, String... fragments) {
        T e = assertThrows(type, call);
        String message = e.getMessage();
        assertNotNull(message, "exception has a message");
        for (String f : fragments) {
            assertTrue(message.contains(f), "message \"" + message + "\" should mention \"" + f + "\"");
        }
    }

    private static void assertIae(Executable call, String... fragments) {
        assertThrowsNaming(IllegalArgumentException.class, call, fragments);
    }

    @Test
    void shapesMustBePositive() {
        assertIae(() -> DenseMatrix.zeros(0, 3), "0x3");
        assertIae(() -> DenseMatrix.zeros(3, -2), "3x-2");
        assertIae(() -> DenseMatrix.wrap(-1, 2, new double[0]), "-1x2");
        assertIae(() -> CsrMatrix.zeros(2, 0), "2x0");
        assertIae(() -> CsrMatrix.identity(0), "0x0");
        assertIae(() -> CsrMatrix.of(0, 2, new int[] {0}, new int[0], new double[0]), "0x2");
        assertIae(() -> DenseMatrix.fromRows(new double[0][], null), "no rows");
        assertIae(() -> DenseMatrix.fromRows(new double[][] {{}}, null), "1x0");
        // 2 * 65536 * 65536 overflows an int to 0: no silently empty array
        assertIae(() -> DenseMatrix.zeros(1 << 16, 1 << 16), "65536x65536", "MiB");
    }

    @Test
    void denseArraysMustHaveTheRightLength() {
        assertIae(() -> DenseMatrix.wrap(2, 3, new double[10]), "10", "2x3", "12");
        assertIae(() -> DenseMatrix.of(2, 2, new double[9]), "9", "2x2", "8");
        assertIae(() -> DenseMatrix.fromRows(new double[][] {{1, 2, 3}, {4, 5}}, null), "row 1", "2", "3");
        // imaginary part of another shape than the real part
        assertIae(() -> DenseMatrix.fromRows(new double[][] {{1, 2}, {3, 4}}, new double[][] {{1, 2}}), "imaginary", "1", "2");
        assertIae(() -> DenseMatrix.fromRows(new double[][] {{1, 2}, {3, 4}}, new double[][] {{1, 2}, {3}}), "imaginary", "row 1");
    }

    @Test
    void csrArraysAreChecked() {
        double[] v3 = new double[6];
        // rowPtr of the wrong length or not starting at 0
        assertIae(() -> CsrMatrix.of(2, 2, new int[] {0, 1}, new int[] {0}, new double[2]), "rows+1 = 3", "length 2");
        assertIae(() -> CsrMatrix.of(2, 2, new int[] {1, 1, 1}, new int[] {0}, new double[2]), "rowPtr[0] = 1");
        // rowPtr decreasing
        assertIae(() -> CsrMatrix.of(2, 2, new int[] {0, 2, 1}, new int[] {0, 1}, new double[4]), "decreases", "row 1", "2 > 1");
        // rowPtr going past nnz in the middle (must not surface as ArrayIndexOutOfBoundsException)
        assertIae(() -> CsrMatrix.of(2, 2, new int[] {0, 5, 3}, new int[] {0, 1, 0}, v3), "decreases", "5 > 3");
        assertIae(() -> CsrMatrix.of(3, 2, new int[] {0, 2, -1, 0}, new int[0], new double[0]), "decreases", "2 > -1");
        // too few column indices or values for rowPtr[rows]
        assertIae(() -> CsrMatrix.of(2, 2, new int[] {0, 1, 3}, new int[] {0, 1}, v3), "3", "colIdx has 2");
        assertIae(() -> CsrMatrix.of(2, 2, new int[] {0, 1, 3}, new int[] {0, 1, 0}, new double[4]), "3", "values has 2");
        // column index out of range
        assertThrowsNaming(IndexOutOfBoundsException.class,
                () -> CsrMatrix.of(2, 2, new int[] {0, 1, 2}, new int[] {0, 2}, new double[4]), "(1, 2)", "2x2");
        assertThrowsNaming(IndexOutOfBoundsException.class,
                () -> CsrMatrix.of(2, 2, new int[] {0, 1, 2}, new int[] {-1, 0}, new double[4]), "(0, -1)", "2x2");
        // diagonals
        assertIae(() -> CsrMatrix.diagonal(3, 1, new double[6]), "diagonal 1", "3x3", "2 entries", "got 3");
        assertIae(() -> CsrMatrix.diagonal(3, -3, new double[0]), "diagonal -3", "3x3", "0 entries");
        assertIae(() -> CsrMatrix.diagonal(3, 0, new double[5]), "3 entries", "got 2");
    }

    @Test
    void elementIndicesAreChecked() {
        for (Matrix m : List.of(dense(3, 2), csr(3, 2))) {
            assertThrowsNaming(IndexOutOfBoundsException.class, () -> m.get(3, 0), "(3, 0)", "3x2");
            assertThrowsNaming(IndexOutOfBoundsException.class, () -> m.get(0, -1), "(0, -1)", "3x2");
        }
    }

    @Test
    void shapeMismatchesInSumsAndProducts() {
        for (Matrix a : List.of(dense(2, 3), csr(2, 3))) {
            for (Matrix b : List.of(dense(3, 2), csr(3, 2))) {
                assertIae(() -> Data.add(a, b), "2x3", "3x2");
                assertIae(() -> Data.sub(a, b), "2x3", "3x2");
                assertIae(() -> Data.add(a, b, 0, 1), "2x3", "3x2");
            }
            for (Matrix b : List.of(dense(2, 3), csr(2, 3))) {
                assertIae(() -> Data.matmul(a, b), "inner", "2x3", "2x3");
            }
            assertIae(() -> Data.trace(a), "trace", "square", "2x3");
            assertIae(() -> Data.expectKet(a, new double[6]), "square", "2x3");
            assertIae(() -> Data.expectRho(a, new double[12]), "square", "2x3");
            for (Matrix rho : List.of(dense(2, 3), csr(2, 3))) {
                assertIae(() -> Data.expectRho(a, rho), "square", "2x3");
            }
        }
    }

    @Test
    void vectorAndBufferLengthsAreChecked() {
        for (Matrix a : List.of(dense(3, 2), csr(3, 2))) {
            // x needs 2 entries, y needs 3
            assertIae(() -> Data.matvec(a, new double[2], 0, new double[6], 0, 1, 0, 0, 0), "3x2", "x has 1");
            assertIae(() -> Data.matvec(a, new double[4], 0, new double[4], 0, 1, 0, 0, 0), "3x2", "y has 2");
            assertIae(() -> Data.matvec(a, new double[8], 6, new double[6], 0, 1, 0, 0, 0), "3x2", "offset 6");
            assertIae(() -> Data.matvec(a, new double[4], -2, new double[6], 0, 1, 0, 0, 0), "3x2", "offset -2");
            assertIae(() -> Data.matvec(a, new double[4], 0, new double[6], 2, 1, 0, 0, 0), "3x2", "offset 2");
            // b is 2×n, c is 3×n
            assertIae(() -> Data.matmulInto(a, new double[2 * 2 * 4 - 2], 4, new double[2 * 3 * 4], 1, 0, 0, 0),
                    "3x2", "n = 4", "b holds 7");
            assertIae(() -> Data.matmulInto(a, new double[2 * 2 * 4], 4, new double[2 * 3 * 3], 1, 0, 0, 0),
                    "3x2", "n = 4", "c 9");
            assertIae(() -> Data.matmulInto(a, new double[8], -1, new double[8], 1, 0, 0, 0), "n = -1");
            // b is m×3, c is m×2
            assertIae(() -> Data.matmulRightInto(new double[2 * 4 * 3 - 2], 4, a, new double[2 * 4 * 2], 1, 0, 0, 0),
                    "3x2", "m = 4", "b holds 11");
            assertIae(() -> Data.matmulRightInto(new double[2 * 4 * 3], 4, a, new double[2 * 4 * 2 - 2], 1, 0, 0, 0),
                    "3x2", "m = 4", "c 7");
            assertIae(() -> Data.matmulRightInto(new double[8], -2, a, new double[8], 1, 0, 0, 0), "m = -2");
        }
        assertIae(() -> Data.inner(new double[4], new double[6]), "2", "3");
        assertIae(() -> Data.inner(new double[3], new double[3]), "odd", "3");
        for (Matrix a : List.of(dense(3, 3), csr(3, 3))) {
            assertIae(() -> Data.expectKet(a, new double[4]), "3x3", "2 entries");
            assertIae(() -> Data.expectRho(a, new double[16]), "3x3", "8 entries");
            // a 2×8 "density matrix" has as many entries as a 4×4 one, but not its shape
            for (Matrix rho : List.of(dense(1, 9), csr(1, 9), dense(9, 1), csr(9, 1))) {
                assertIae(() -> Data.expectRho(a, rho), "3x3", rho.rows() + "x" + rho.cols());
            }
        }
    }

    @Test
    void ptraceArgumentsAreChecked() {
        for (Matrix rho : List.of(dense(12, 12), csr(12, 12))) {
            assertIae(() -> Data.ptrace(rho, new int[] {2, 3, 2}, new int[] {3}), "index 3", "out of range", "[3]");
            assertIae(() -> Data.ptrace(rho, new int[] {2, 3, 2}, new int[] {-1}), "index -1", "[-1]");
            assertIae(() -> Data.ptrace(rho, new int[] {2, 3, 2}, new int[] {0, 2, 0}), "0", "repeated", "[0, 2, 0]");
            assertIae(() -> Data.ptrace(rho, new int[] {2, 3, 3}, new int[] {0}), "[2, 3, 3]", "18", "12");
            assertIae(() -> Data.ptrace(rho, new int[] {2, 0, 3}, new int[] {0}), "positive", "[2, 0, 3]");
        }
        assertIae(() -> Data.ptrace(dense(12, 6), new int[] {2, 3, 2}, new int[] {0}), "square", "12x6");
        double[] psi = new double[24];
        assertIae(() -> Data.ptraceKet(psi, new int[] {2, 3, 2}, new int[] {1, 1}), "repeated", "[1, 1]");
        assertIae(() -> Data.ptraceKet(psi, new int[] {2, 3, 2}, new int[] {5}), "index 5", "[5]");
        assertIae(() -> Data.ptraceKet(psi, new int[] {2, 2}, new int[] {0}), "[2, 2]", "4", "12");
        assertIae(() -> Data.ptraceKet(new double[25], new int[] {2, 3, 2}, new int[] {0}), "25");
    }

    @Test
    void permuteArgumentsAreChecked() {
        int[] dims = {2, 3, 2};
        for (Matrix a : List.of(dense(12, 12), csr(12, 12))) {
            assertIae(() -> Data.permute(a, dims, dims, new int[] {0, 1}), "order [0, 1]", "3 subsystems");
            assertIae(() -> Data.permute(a, dims, dims, new int[] {0, 1, 1}), "1", "repeated", "[0, 1, 1]");
            assertIae(() -> Data.permute(a, dims, dims, new int[] {0, 1, 3}), "index 3", "[0, 1, 3]");
            assertIae(() -> Data.permute(a, dims, new int[] {2, 3, 3}, new int[] {0, 1, 2}), "[2, 3, 3]", "18", "12");
        }
    }

    @Test
    void unvecArgumentsAreChecked() {
        for (Matrix v : List.of(dense(6, 1), csr(6, 1))) {
            assertIae(() -> Data.unvec(v, 4), "6x1", "4 rows");
            assertIae(() -> Data.unvec(v, 0), "6x1", "0 rows");
            assertIae(() -> Data.unvec(v, -3), "6x1", "-3 rows");
        }
        assertIae(() -> Data.unvec(dense(3, 2), 3), "3x2", "3 rows");
    }
}
