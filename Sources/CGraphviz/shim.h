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

#endif
