package dev.lindblad.linalg;

import java.util.Arrays;

/**
 * A fill-reducing symmetric ordering: approximate minimum degree on the pattern of
 * {@code A + A^T}.
 *
 * <p>What it is: a minimum-degree elimination on the quotient graph (George and Liu), with the
 * approximate external degree of Amestoy, Davis and Duff ("An approximate minimum degree
 * ordering algorithm", SIAM J. Matrix Anal. Appl. 17 (1996) 886-905):
 * {@code d(i) = min(n_left, d_old(i) + |Lp \ i|, |A_i \ i| + |Lp \ i| + sum_e |Le \ Lp|)}, where
 * {@code Lp} is the pattern of the newly formed element. Elements adjacent to the pivot are
 * absorbed into the new element, and an element whose pattern lies wholly inside {@code Lp}
 * is absorbed too (aggressive absorption). Rows denser than {@code max(16, 10 sqrt(n))} are
 * taken out of the graph and ordered last, as AMD does, so one dense row (a trace condition,
 * say) cannot make every degree large.
 *
 * <p>What it leaves out of full AMD: supervariables (mass elimination of indistinguishable
 * nodes) and the elimination-tree postorder. Degrees therefore count single variables. This
 * costs time on problems with large cliques but gives orderings of similar fill.
 */
final class ApproximateMinimumDegree {

    private static final byte VARIABLE = 0;
    private static final byte ELEMENT = 1;
    private static final byte ABSORBED = 2;
    private static final byte DENSE = 3;

    private ApproximateMinimumDegree() {
    }

    /**
     * @return the elimination order: {@code order[k]} is the index eliminated at step k, a
     *         permutation of {@code 0..n-1}
     */
    static int[] order(CompressedColumns a) {
        int n = a.n();
        int[][] variables = symmetricAdjacency(a);
        return new ApproximateMinimumDegree.Run(n, variables).eliminateAll();
    }

    /** Adjacency of {@code A + A^T} without the diagonal, one sorted-free duplicate-free list per node. */
    static int[][] symmetricAdjacency(CompressedColumns a) {
        int n = a.n();
        int[] colPtr = a.columnPointers();
        int[] rowIdx = a.rowIndices();
        int[] count = new int[n];
        for (int j = 0; j < n; j++) {
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                int i = rowIdx[p];
                if (i != j) {
                    count[i]++;
                    count[j]++;
                }
            }
        }
        int[][] adjacency = new int[n][];
        for (int i = 0; i < n; i++) {
            adjacency[i] = new int[count[i]];
        }
        Arrays.fill(count, 0);
        for (int j = 0; j < n; j++) {
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                int i = rowIdx[p];
                if (i != j) {
                    adjacency[i][count[i]++] = j;
                    adjacency[j][count[j]++] = i;
                }
            }
        }
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        for (int i = 0; i < n; i++) {
            int[] list = adjacency[i];
            int kept = 0;
            for (int v : list) {
                if (mark[v] != i) {
                    mark[v] = i;
                    list[kept++] = v;
                }
            }
            adjacency[i] = kept == list.length ? list : Arrays.copyOf(list, kept);
        }
        return adjacency;
    }

    private static final class Run {
        final int n;
        final int[][] variableNeighbours;
        final int[] variableCount;
        final int[][] elementNeighbours;
        final int[] elementCount;
        final int[][] elementMembers;
        final byte[] status;
        final int[] degree;
        // Degree buckets: doubly linked lists of variables with the same approximate degree.
        final int[] head;
        final int[] next;
        final int[] previous;
        final int[] mark;
        final int[] weightStamp;
        final int[] weight;
        int stamp;

        Run(int n, int[][] adjacency) {
            this.n = n;
            variableNeighbours = adjacency;
            variableCount = new int[n];
            elementNeighbours = new int[n][];
            elementCount = new int[n];
            elementMembers = new int[n][];
            status = new byte[n];
            degree = new int[n];
            head = new int[n + 1];
            next = new int[n];
            previous = new int[n];
            mark = new int[n];
            weightStamp = new int[n];
            weight = new int[n];
            for (int i = 0; i < n; i++) {
                variableCount[i] = adjacency[i].length;
                elementNeighbours[i] = new int[4];
            }
        }

        int[] eliminateAll() {
            int[] order = new int[n];
            Arrays.fill(head, -1);
            int denseThreshold = (int) Math.max(16, 10 * Math.sqrt(n));
            int denseCount = 0;
            for (int i = 0; i < n; i++) {
                if (variableCount[i] > denseThreshold) {
                    status[i] = DENSE;
                    denseCount++;
                }
            }
            int[] denseNodes = new int[denseCount];
            int d = 0;
            for (int i = 0; i < n; i++) {
                if (status[i] == DENSE) {
                    denseNodes[d++] = i;
                } else {
                    degree[i] = variableCount[i];
                    insert(i);
                }
            }
            int sparseCount = n - denseCount;
            int[] pattern = new int[n];
            int minimumDegree = 0;
            for (int k = 0; k < sparseCount; k++) {
                while (head[minimumDegree] < 0) {
                    minimumDegree++;
                }
                int pivot = head[minimumDegree];
                remove(pivot);
                order[k] = pivot;
                int patternSize = eliminate(pivot, pattern, sparseCount - k - 1);
                for (int q = 0; q < patternSize; q++) {
                    minimumDegree = Math.min(minimumDegree, degree[pattern[q]]);
                }
            }
            System.arraycopy(denseNodes, 0, order, sparseCount, denseCount);
            return order;
        }

        /** Forms the element of {@code pivot}, updates its neighbours; returns |Lp|. */
        int eliminate(int pivot, int[] pattern, int variablesLeft) {
            status[pivot] = ELEMENT;
            int stampNow = ++stamp;
            int size = 0;
            int[] neighbours = variableNeighbours[pivot];
            for (int q = 0; q < variableCount[pivot]; q++) {
                int v = neighbours[q];
                if (status[v] == VARIABLE && mark[v] != stampNow) {
                    mark[v] = stampNow;
                    pattern[size++] = v;
                }
            }
            int[] elements = elementNeighbours[pivot];
            for (int q = 0; q < elementCount[pivot]; q++) {
                int e = elements[q];
                if (status[e] != ELEMENT) {
                    continue;
                }
                for (int v : elementMembers[e]) {
                    if (status[v] == VARIABLE && mark[v] != stampNow) {
                        mark[v] = stampNow;
                        pattern[size++] = v;
                    }
                }
                status[e] = ABSORBED;
                elementMembers[e] = null;
            }
            elementMembers[pivot] = Arrays.copyOf(pattern, size);
            variableNeighbours[pivot] = null;
            elementNeighbours[pivot] = null;

            // |Le \ Lp| for every element touching the new pattern, by subtracting each
            // pattern variable once from |Le| (the members of a live element are all live).
            for (int q = 0; q < size; q++) {
                int i = pattern[q];
                int[] list = elementNeighbours[i];
                for (int r = 0; r < elementCount[i]; r++) {
                    int e = list[r];
                    if (status[e] != ELEMENT || e == pivot) {
                        continue;
                    }
                    if (weightStamp[e] != stampNow) {
                        weightStamp[e] = stampNow;
                        weight[e] = elementMembers[e].length;
                    }
                    weight[e]--;
                }
            }
            for (int q = 0; q < size; q++) {
                int i = pattern[q];
                int external = 0;
                int[] list = elementNeighbours[i];
                int kept = 0;
                for (int r = 0; r < elementCount[i]; r++) {
                    int e = list[r];
                    if (status[e] != ELEMENT || e == pivot) {
                        continue;
                    }
                    if (weight[e] == 0) {
                        // Le is inside Lp: the new element covers it (aggressive absorption).
                        status[e] = ABSORBED;
                        elementMembers[e] = null;
                        continue;
                    }
                    external += weight[e];
                    list[kept++] = e;
                }
                if (kept == list.length) {
                    list = Arrays.copyOf(list, list.length * 2);
                    elementNeighbours[i] = list;
                }
                list[kept++] = pivot;
                elementCount[i] = kept;

                int[] variables = variableNeighbours[i];
                int keptVariables = 0;
                for (int r = 0; r < variableCount[i]; r++) {
                    int v = variables[r];
                    if (status[v] == VARIABLE && mark[v] != stampNow) {
                        variables[keptVariables++] = v;
                    }
                }
                variableCount[i] = keptVariables;

                int approximate = keptVariables + (size - 1) + external;
                approximate = Math.min(approximate, degree[i] + size - 1);
                approximate = Math.min(approximate, variablesLeft - 1);
                approximate = Math.max(approximate, 0);
                remove(i);
                degree[i] = approximate;
                insert(i);
            }
            return size;
        }

        void insert(int i) {
            int d = degree[i];
            int first = head[d];
            next[i] = first;
            previous[i] = -1;
            if (first >= 0) {
                previous[first] = i;
            }
            head[d] = i;
        }

        void remove(int i) {
            if (previous[i] >= 0) {
                next[previous[i]] = next[i];
            } else {
                head[degree[i]] = next[i];
            }
            if (next[i] >= 0) {
                previous[next[i]] = previous[i];
            }
        }
    }
}
