/* shp_layer: reads an ESRI shapefile (Shapelib) with its .dbf attributes into a cm_layer. */
#ifndef CM_SHP_LAYER_H
#define CM_SHP_LAYER_H

#include "feature.h"

/* Hard limit on vertices per record: a larger one is refused with this number named,
 * rather than exhausting memory on a corrupt header. */
#define CM_SHP_MAX_VERTICES 20000000

/* Optional lon/lat box filter: records whose bbox misses it are skipped unread. */
typedef struct {
    int active;
    double lon0, lat0, lon1, lat1;
} cm_bbox_filter;

/* Loads path (.shp, with .shx and .dbf beside it) into *out (zeroed; the caller frees it
 * with cm_layer_free, also on failure). The .cpg names the text encoding; UTF-8 and
 * Latin-1 are decoded, other bytes are replaced by U+FFFD. Coordinates must be finite
 * lon/lat degrees. The feature id is the `id` field when present, else the record number. */
cm_status cm_shp_load(const char *path, const cm_bbox_filter *filter, cm_layer *out, cm_error *err);

#endif
