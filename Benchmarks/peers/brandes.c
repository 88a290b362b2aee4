/* A tight single-threaded C Brandes (2001): exact unweighted betweenness of an undirected
 * graph, the reference DESIGN.md's "Speed" section compares ecomap's kernel with.
 *
 * Usage: cc -O2 -o brandes Benchmarks/peers/brandes.c && ./brandes GRAPH.txt [--repeat R]
 *
 * GRAPH.txt is the benchmark edge-list format of Benchmarks/gen_graphs.py. Timed from the
 * parsed edge list to the values (CSR construction included), best of R; prints one JSON line
 * with the time and the sum and maximum of the raw undirected values (each unordered pair
 * counted once) as checksums, like Benchmarks/peers/betweenness.py.
 *
 * The kernel: CSR adjacency, a BFS that counts shortest paths (sigma as double) and records
 * the visiting order, then the dependency pass in reverse order over successors
 * (level(w) = level(v) + 1), delta(v) = sigma(v) * sum (1 + delta(w)) / sigma(w). No
 * allocation per source; per-node state reset only where the last search reached.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: brandes GRAPH.txt [--repeat R]\n"); return 2; }
    int repeat = 1;
    for (int i = 2; i + 1 < argc; i++) if (!strcmp(argv[i], "--repeat")) repeat = atoi(argv[i + 1]);
    FILE *f = fopen(argv[1], "r");
    if (!f) { perror(argv[1]); return 2; }
    char line[512];
    int n = 0;
    size_t cap = 1 << 16, m = 0;
    int *eu = malloc(cap * sizeof(int)), *ev = malloc(cap * sizeof(int));
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#') {
            char *p = strstr(line, " n=");
            if (p) n = atoi(p + 3);
            continue;
        }
        int u, v;
        if (sscanf(line, "%d %d", &u, &v) != 2) continue;
        if (m == cap) { cap *= 2; eu = realloc(eu, cap * sizeof(int)); ev = realloc(ev, cap * sizeof(int)); }
        eu[m] = u; ev[m] = v; m++;
    }
    fclose(f);

    double best = 1e300, sum = 0, max = 0;
    double *bc = NULL;
    for (int r = 0; r < (repeat < 1 ? 1 : repeat); r++) {
        double start = now();
        int *off = calloc(n + 1, sizeof(int)), *adj = malloc(2 * m * sizeof(int)), *cur = malloc((n + 1) * sizeof(int));
        for (size_t e = 0; e < m; e++) { off[eu[e] + 1]++; off[ev[e] + 1]++; }
        for (int v = 0; v < n; v++) off[v + 1] += off[v];
        memcpy(cur, off, (n + 1) * sizeof(int));
        for (size_t e = 0; e < m; e++) { adj[cur[eu[e]]++] = ev[e]; adj[cur[ev[e]]++] = eu[e]; }
        int *level = malloc(n * sizeof(int)), *order = malloc(n * sizeof(int));
        double *sigma = malloc(n * sizeof(double)), *coeff = malloc(n * sizeof(double));
        free(bc);
        bc = calloc(n, sizeof(double));
        for (int v = 0; v < n; v++) level[v] = -1;
        int reached = 0;
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < reached; k++) level[order[k]] = -1;
            level[s] = 0; sigma[s] = 1; order[0] = s;
            int head = 0, tail = 1;
            while (head < tail) {
                int v = order[head++], next = level[v] + 1;
                double sv = sigma[v];
                for (int i = off[v]; i < off[v + 1]; i++) {
                    int w = adj[i];
                    if (level[w] < 0) { level[w] = next; sigma[w] = sv; order[tail++] = w; }
                    else if (level[w] == next) sigma[w] += sv;
                }
            }
            reached = tail;
            for (int k = tail - 1; k > 0; k--) {
                int v = order[k], next = level[v] + 1;
                double acc = 0;
                for (int i = off[v]; i < off[v + 1]; i++) {
                    int w = adj[i];
                    if (level[w] == next) acc += coeff[w];
                }
                double delta = sigma[v] * acc;
                coeff[v] = (1 + delta) / sigma[v];
                bc[v] += delta;
            }
        }
        for (int v = 0; v < n; v++) bc[v] *= 0.5;
        double t = now() - start;
        if (t < best) best = t;
        free(off); free(adj); free(cur); free(level); free(order); free(sigma); free(coeff);
    }
    for (int v = 0; v < n; v++) { sum += bc[v]; if (bc[v] > max) max = bc[v]; }
    printf("{\"tool\": \"C Brandes (cc -O2)\", \"n\": %d, \"m\": %zu, \"seconds\": %.4f, \"sum\": %.6f, \"max\": %.6f}\n",
           n, m, best, sum, max);
    free(bc); free(eu); free(ev);
    return 0;
}
