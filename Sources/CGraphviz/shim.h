#ifndef ECOMAP_CGRAPHVIZ_SHIM_H
#define ECOMAP_CGRAPHVIZ_SHIM_H
#include <stddef.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/*
 * gvRenderData's last parameter is `unsigned int *` in Graphviz <= 2.x (Debian's 2.42) and
 * `size_t *` in later releases. The wrapper calls this helper instead, which always reports the
 * length as size_t. C11 `_Generic` on the type of `&gvRenderData` picks the matching
 * signature at compile time; both branches are type-checked, so each calls through an explicit
 * cast of the function pointer, and only the branch whose signature matches the declaration
 * in <graphviz/gvc.h> is ever executed.
 *
 * As gvRenderData itself, this allocates *result even when it fails: the caller must always
 * pass *result to gvFreeRenderData.
 */
typedef int (*ecomap_gvRenderData_uint)(GVC_t *, graph_t *, const char *, char **, unsigned int *);
typedef int (*ecomap_gvRenderData_size)(GVC_t *, graph_t *, const char *, char **, size_t *);

static inline int ecomap_gvRenderData(GVC_t *gvc, graph_t *g, const char *format,
                                      char **result, size_t *length) {
    int rc;
    *result = NULL;
    *length = 0;
    if (_Generic(&gvRenderData, ecomap_gvRenderData_uint: 1, default: 0)) {
        unsigned int len = 0;
        rc = ((ecomap_gvRenderData_uint)(void (*)(void))&gvRenderData)(gvc, g, format, result, &len);
        *length = (size_t)len;
    } else {
        size_t len = 0;
        rc = ((ecomap_gvRenderData_size)(void (*)(void))&gvRenderData)(gvc, g, format, result, &len);
        *length = len;
    }
    return rc;
}

/*
 * Reproducible object ids for parsed graphs.
 *
 * cgraph's default id discipline (AgIdDisc) uses the address of a name's interned string as
 * the object's id, and keeps subgraphs in id order. Layout engines visit clusters in that
 * order (dot's ranking and crossing minimization, the SVG writer), so with the default
 * discipline the drawing of a clustered graph can change from one process to the next with
 * the heap layout. This discipline numbers named objects in order of first appearance (even
 * ids 2, 4, 6, ...) and anonymous ones 1, 3, 5, ..., so the same DOT gives the same ids, the
 * same subgraph order and the same drawing every time.
 */
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

typedef struct {
    Agraph_t *root;        /* names are interned in its string pool (agstrdup) */
    char **names;          /* names[k] has id 2 * (k + 1) */
    size_t count, capacity;
    size_t *slots;         /* open addressing: 0 empty, else k + 1 */
    size_t slotCount;      /* a power of two, > 2 * count */
    IDTYPE nextAnonymous;  /* odd */
} ecomap_idstate;

static inline uint64_t ecomap_idhash(const char *s) {
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++) { h ^= (unsigned char)*s; h *= 1099511628211ULL; }
    return h;
}

static inline void *ecomap_idopen(Agraph_t *g, Agdisc_t *disc) {
    (void)disc;
    ecomap_idstate *st = (ecomap_idstate *)calloc(1, sizeof(ecomap_idstate));
    if (st) { st->nextAnonymous = 1; st->root = g; }
    return st;
}

/* Index + 1 of `str` in st->names, or 0; *slot receives the slot where it is or would go. */
static inline size_t ecomap_idfind(ecomap_idstate *st, const char *str, size_t *slot) {
    if (st->slotCount == 0) { *slot = 0; return 0; }
    size_t mask = st->slotCount - 1, i = (size_t)ecomap_idhash(str) & mask;
    while (st->slots[i] != 0) {
        if (strcmp(st->names[st->slots[i] - 1], str) == 0) { *slot = i; return st->slots[i]; }
        i = (i + 1) & mask;
    }
    *slot = i;
    return 0;
}

static inline int ecomap_idgrow(ecomap_idstate *st) {
    if (st->count == st->capacity) {
        size_t cap = st->capacity ? 2 * st->capacity : 64;
        char **names = (char **)realloc(st->names, cap * sizeof(char *));
        if (!names) return 0;
        st->names = names; st->capacity = cap;
    }
    if (2 * (st->count + 1) >= st->slotCount) {
        size_t n = st->slotCount ? 2 * st->slotCount : 128;
        size_t *slots = (size_t *)calloc(n, sizeof(size_t));
        if (!slots) return 0;
        free(st->slots);
        st->slots = slots; st->slotCount = n;
        for (size_t k = 0; k < st->count; k++) {
            size_t i = (size_t)ecomap_idhash(st->names[k]) & (n - 1);
            while (slots[i] != 0) i = (i + 1) & (n - 1);
            slots[i] = k + 1;
        }
    }
    return 1;
}

static inline long ecomap_idmap(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
    (void)objtype;
    ecomap_idstate *st = (ecomap_idstate *)state;
    if (!st) return 0;
    if (str == NULL) {
        *id = st->nextAnonymous;
        st->nextAnonymous += 2;
        return 1;
    }
    size_t slot = 0, found = ecomap_idfind(st, str, &slot);
    if (found) { *id = (IDTYPE)(2 * found); return 1; }
    if (!createflag) return 0;
    if (!ecomap_idgrow(st)) return 0;
    /* Interned like the default discipline does, so cgraph's checks on the string (such as
       whether a name was written as an HTML string, <...>) keep working. */
    char *copy = agstrdup(st->root, str);
    if (!copy) return 0;
    ecomap_idfind(st, str, &slot); /* the table may have been rebuilt */
    st->names[st->count] = copy;
    st->count += 1;
    st->slots[slot] = st->count;
    *id = (IDTYPE)(2 * st->count);
    return 1;
}

static inline long ecomap_idalloc(void *state, int objtype, IDTYPE id) {
    (void)state; (void)objtype; (void)id;
    return 0; /* ids are only handed out through map */
}

static inline void ecomap_idfree(void *state, int objtype, IDTYPE id) {
    (void)state; (void)objtype; (void)id; /* names live until the graph is closed */
}

static inline char *ecomap_idprint(void *state, int objtype, IDTYPE id) {
    (void)objtype;
    ecomap_idstate *st = (ecomap_idstate *)state;
    if (!st || id == 0 || (id % 2) != 0) return NULL;
    size_t k = (size_t)(id / 2) - 1;
    return k < st->count ? st->names[k] : NULL;
}

static inline void ecomap_idclose(void *state) {
    ecomap_idstate *st = (ecomap_idstate *)state;
    if (!st) return;
    /* The interned names go with the graph's string pool. */
    free(st->names);
    free(st->slots);
    free(st);
}

static inline void ecomap_idregister(void *state, int objtype, void *obj) {
    (void)state; (void)objtype; (void)obj;
}

/* Flushes cgraph's lexer buffer (scan.l: YY_FLUSH_BUFFER). Exported by libcgraph but not
 * declared in its headers. After a syntax error the lexer can keep unread input, and the next
 * read would start with it, so line numbers would depend on what failed before. */
extern void aglexbad(void);

/* Reading DOT from memory, as agmemread does (line by line). */
typedef struct { const char *data; size_t len; size_t cur; } ecomap_memreader;

static inline int ecomap_memread(void *chan, char *buf, int bufsize) {
    ecomap_memreader *r = (ecomap_memreader *)chan;
    if (bufsize <= 0 || r->cur >= r->len) return 0;
    int l = 0;
    char c;
    do {
        c = r->data[r->cur + (size_t)l];
        buf[l++] = c;
    } while (c != '\n' && l < bufsize && r->cur + (size_t)l < r->len);
    r->cur += (size_t)l;
    return l;
}

/*
 * agmemread with the reproducible id discipline above. The disciplines are static: cgraph
 * keeps pointers to them for the life of the graph (-Tdot output swaps the io discipline).
 * Call only under the wrapper's lock, like every other cgraph call.
 */
static inline Agraph_t *ecomap_agmemread(const char *text) {
    static Agiddisc_t idDisc = {
        ecomap_idopen, ecomap_idmap, ecomap_idalloc, ecomap_idfree, ecomap_idprint,
        ecomap_idclose, ecomap_idregister
    };
    static Agiodisc_t ioDisc;
    static Agdisc_t disc;
    ioDisc.afread = ecomap_memread;
    ioDisc.putstr = AgIoDisc.putstr;
    ioDisc.flush = AgIoDisc.flush;
    disc.mem = &AgMemDisc;
    disc.id = &idDisc;
    disc.io = &ioDisc;
    ecomap_memreader reader = { text, strlen(text), 0 };
    aglexbad();      /* no leftover input from an earlier failed parse */
    agsetfile(NULL); /* line numbers in messages count from 1 for every graph */
    return agread(&reader, &disc);
}

#endif
