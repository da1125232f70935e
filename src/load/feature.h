/* feature: the in-memory layer every loader fills: features with attributes and lon/lat
 * geometry (points, lines, polygons as rings). */
#ifndef CM_FEATURE_H
#define CM_FEATURE_H

#include <stddef.h>

#include "../core/error.h"

typedef enum { CM_GEOM_NONE, CM_GEOM_POINT, CM_GEOM_LINE, CM_GEOM_POLYGON } cm_geom_type;

typedef struct {
    double x, y; /* lon/lat degrees before projection, page or CRS units after */
} cm_xy;

/* A geometry: all vertices in one array, split into parts (lines, or polygon rings whose
 * insides are given by the even-odd rule). Owns its arrays. */
typedef struct {
    cm_geom_type type;
    cm_xy *pts;
    size_t npts, cap;
    size_t *part_start; /* part k is pts[part_start[k] .. part_start[k+1]) */
    size_t nparts, part_cap;
} cm_geom;

typedef struct {
    char *key;   /* owned */
    char *value; /* owned, UTF-8 */
} cm_attr;

typedef struct {
    char *id;     /* owned; never NULL after loading */
    cm_geom geom; /* owned */
    cm_attr *attrs;
    size_t nattrs;
    double bbox[4];   /* lon0, lat0, lon1, lat1 of geom */
    long origin_line; /* CSV line or shapefile record (1-based) it came from */
} cm_feature;

/* A loaded layer. Owns its features; free with cm_layer_free. */
typedef struct {
    char *path; /* owned: the file it came from, for messages */
    cm_feature *items;
    size_t count, cap;
} cm_layer;

/* Starts a new part; returns CM_ESYS on allocation failure. */
cm_status cm_geom_begin_part(cm_geom *g);
cm_status cm_geom_add(cm_geom *g, double x, double y);
size_t cm_geom_part_len(const cm_geom *g, size_t part);
const cm_xy *cm_geom_part(const cm_geom *g, size_t part);
void cm_geom_free(cm_geom *g);
void cm_geom_bbox(const cm_geom *g, double bbox[4]);

/* Appends an empty feature (id copied) and returns it, or NULL when out of memory. The
 * pointer is valid until the next append. */
cm_feature *cm_layer_append(cm_layer *layer, const char *id);
/* Sets (or replaces) an attribute; copies key and value. */
cm_status cm_feature_set(cm_feature *f, const char *key, const char *value);
/* Borrowed attribute value, or NULL when absent; "id" gives the id. */
const char *cm_feature_get(const cm_feature *f, const char *key);
/* Like cm_feature_get but "" for absent or NULL. */
const char *cm_feature_str(const cm_feature *f, const char *key);
const cm_feature *cm_layer_find(const cm_layer *layer, const char *id);
/* Moves every feature of src to the end of dst (src keeps its path, and no features). */
cm_status cm_layer_take(cm_layer *dst, cm_layer *src);
void cm_layer_free(cm_layer *layer);

/* Copies s; NULL on allocation failure. Free with free(). */
char *cm_strdup(const char *s);

#endif
