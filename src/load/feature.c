/* feature: storage of features, attributes and geometry parts. */
#include "feature.h"

#include "../core/grow.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

char *cm_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

cm_status cm_geom_begin_part(cm_geom *g)
{
    /* part_start keeps one extra slot for the end sentinel */
    if (cm_grow((void **)&g->part_start, &g->part_cap, g->nparts + 2, sizeof(size_t), 8))
        return CM_ESYS;
    g->part_start[g->nparts++] = g->npts;
    g->part_start[g->nparts] = g->npts;
    return CM_OK;
}

cm_status cm_geom_add(cm_geom *g, double x, double y)
{
    if (g->nparts == 0 && cm_geom_begin_part(g) != CM_OK)
        return CM_ESYS;
    if (cm_grow((void **)&g->pts, &g->cap, g->npts + 1, sizeof(cm_xy), 8))
        return CM_ESYS;
    g->pts[g->npts].x = x;
    g->pts[g->npts].y = y;
    g->npts++;
    g->part_start[g->nparts] = g->npts;
    return CM_OK;
}

size_t cm_geom_part_len(const cm_geom *g, size_t part)
{
    return g->part_start[part + 1] - g->part_start[part];
}

const cm_xy *cm_geom_part(const cm_geom *g, size_t part)
{
    return g->pts + g->part_start[part];
}

void cm_geom_free(cm_geom *g)
{
    free(g->pts);
    free(g->part_start);
    memset(g, 0, sizeof *g);
}

void cm_geom_bbox(const cm_geom *g, double bbox[4])
{
    bbox[0] = bbox[1] = INFINITY;
    bbox[2] = bbox[3] = -INFINITY;
    for (size_t i = 0; i < g->npts; i++) {
        bbox[0] = fmin(bbox[0], g->pts[i].x);
        bbox[1] = fmin(bbox[1], g->pts[i].y);
        bbox[2] = fmax(bbox[2], g->pts[i].x);
        bbox[3] = fmax(bbox[3], g->pts[i].y);
    }
}

cm_feature *cm_layer_append(cm_layer *layer, const char *id)
{
    if (cm_grow((void **)&layer->items, &layer->cap, layer->count + 1, sizeof(cm_feature), 8))
        return NULL;
    cm_feature *f = &layer->items[layer->count];
    memset(f, 0, sizeof *f);
    f->id = cm_strdup(id);
    if (!f->id)
        return NULL;
    layer->count++;
    return f;
}

cm_status cm_feature_set(cm_feature *f, const char *key, const char *value)
{
    for (size_t i = 0; i < f->nattrs; i++) {
        if (strcmp(f->attrs[i].key, key) == 0) {
            char *v = cm_strdup(value);
            if (!v)
                return CM_ESYS;
            free(f->attrs[i].value);
            f->attrs[i].value = v;
            return CM_OK;
        }
    }
    cm_attr *grown = realloc(f->attrs, (f->nattrs + 1) * sizeof *grown);
    if (!grown)
        return CM_ESYS;
    f->attrs = grown;
    char *k = cm_strdup(key), *v = cm_strdup(value);
    if (!k || !v) {
        free(k);
        free(v);
        return CM_ESYS;
    }
    f->attrs[f->nattrs].key = k;
    f->attrs[f->nattrs].value = v;
    f->nattrs++;
    return CM_OK;
}

const char *cm_feature_get(const cm_feature *f, const char *key)
{
    if (strcmp(key, "id") == 0)
        return f->id;
    for (size_t i = 0; i < f->nattrs; i++)
        if (strcmp(f->attrs[i].key, key) == 0)
            return f->attrs[i].value;
    return NULL;
}

const char *cm_feature_str(const cm_feature *f, const char *key)
{
    const char *v = cm_feature_get(f, key);
    return v ? v : "";
}

const cm_feature *cm_layer_find(const cm_layer *layer, const char *id)
{
    for (size_t i = 0; i < layer->count; i++)
        if (strcmp(layer->items[i].id, id) == 0)
            return &layer->items[i];
    return NULL;
}

cm_status cm_layer_take(cm_layer *dst, cm_layer *src)
{
    if (cm_grow((void **)&dst->items, &dst->cap, dst->count + src->count, sizeof(cm_feature), 8))
        return CM_ESYS;
    memcpy(dst->items + dst->count, src->items, src->count * sizeof(cm_feature));
    dst->count += src->count;
    src->count = 0;
    return CM_OK;
}

void cm_layer_free(cm_layer *layer)
{
    for (size_t i = 0; i < layer->count; i++) {
        cm_feature *f = &layer->items[i];
        free(f->id);
        cm_geom_free(&f->geom);
        for (size_t k = 0; k < f->nattrs; k++) {
            free(f->attrs[k].key);
            free(f->attrs[k].value);
        }
        free(f->attrs);
    }
    free(layer->items);
    free(layer->path);
    memset(layer, 0, sizeof *layer);
}
