/*
 * What compiled C gets from the same complex CSR product as Lindblad's kernel, on the same
 * machine: the ceiling a native backend would start from (docs/performance.md, "A machine
 * with more bandwidth per core"). Not part of the build. The matrix comes from
 * docs/bench/GatherMeasure.java --dump FILE N (rows, nnz, row pointers, columns, interleaved
 * complex values, little-endian).
 *
 *   gcc -O3 -march=native -fopenmp -o /tmp/csr_ceiling docs/bench/csr_ceiling.c
 *   OMP_NUM_THREADS=1 /tmp/csr_ceiling /tmp/ising9.bin; OMP_NUM_THREADS=2 /tmp/csr_ceiling /tmp/ising9.bin
 *
 * Prints the STREAM-convention triad (24 bytes per element) and the product's must-move bytes
 * per second (20 per entry, 4 per row pointer, 16 per entry of x and of y), both best of runs.
 */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static void *must_alloc(size_t bytes) {
    void *p = malloc(bytes);
    if (!p) {
        fprintf(stderr, "out of memory (%zu bytes)\n", bytes);
        exit(1);
    }
    return p;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s MATRIX.bin\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    int n, nnz;
    if (!f || fread(&n, 4, 1, f) != 1 || fread(&nnz, 4, 1, f) != 1) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    int *rp = must_alloc(4 * ((size_t) n + 1)), *cj = must_alloc(4 * (size_t) nnz);
    double *v = must_alloc(16 * (size_t) nnz);
    if (fread(rp, 4, n + 1, f) != (size_t) n + 1 || fread(cj, 4, nnz, f) != (size_t) nnz
        || fread(v, 16, nnz, f) != (size_t) nnz) {
        fprintf(stderr, "%s is truncated\n", argv[1]);
        return 1;
    }
    fclose(f);
    double *x = must_alloc(16 * (size_t) n), *y = must_alloc(16 * (size_t) n);
    for (int i = 0; i < 2 * n; i++) {
        x[i] = 1.0 / (i + 1);
    }

    size_t len = (size_t) 1 << 23;
    double *a = must_alloc(8 * len), *b = must_alloc(8 * len), *c = must_alloc(8 * len);
#pragma omp parallel for schedule(static)
    for (size_t i = 0; i < len; i++) {
        a[i] = 0;
        b[i] = 1;
        c[i] = 2;
    }
    double triad = 1e30;
    for (int rep = 0; rep < 10; rep++) {
        double t0 = now();
#pragma omp parallel for schedule(static)
        for (size_t i = 0; i < len; i++) {
            a[i] = b[i] + 3 * c[i];
        }
        double t = now() - t0;
        triad = t < triad ? t : triad;
    }

    double best = 1e30;
    for (int rep = 0; rep < 50; rep++) {
        double t0 = now();
#pragma omp parallel for schedule(static)
        for (int i = 0; i < n; i++) {
            double sr = 0, si = 0;
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                int k = 2 * cj[p];
                double vr = v[2 * p], vi = v[2 * p + 1], xr = x[k], xi = x[k + 1];
                sr += vr * xr - vi * xi;
                si += vr * xi + vi * xr;
            }
            y[2 * i] = sr;
            y[2 * i + 1] = si;
        }
        double t = now() - t0;
        best = t < best ? t : best;
    }
    double bytes = 20.0 * nnz + 4.0 * (n + 1) + 32.0 * n;
    printf("threads %d: triad %.1f GB/s; csr %d rows %d entries: %.0f us, %.3f ns per entry, %.1f GB/s, fraction %.2f "
           "(y[0] = %g)\n", omp_get_max_threads(), 24.0 * len / triad / 1e9, n, nnz, best * 1e6, best * 1e9 / nnz,
           bytes / best / 1e9, bytes / best / (24.0 * len / triad), y[0]);
    return 0;
}
