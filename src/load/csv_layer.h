/* csv_layer: reads a CSV layer (libcsv) into a cm_layer, with errors naming file:line. */
#ifndef CM_CSV_LAYER_H
#define CM_CSV_LAYER_H

#include "feature.h"

typedef enum {
    /* Header names at least name, lon, lat. Rows with a non-empty `route` value make lines
     * (id = the route value, vertices in row order); other rows are points (id = the `id`
     * column, else the name). */
    CM_CSV_FEATURES,
    /* Every row is a point, even with a `route` column (waypoints keep route, seq, role). */
    CM_CSV_POINTS,
    /* No geometry: the header names at least `id`; each row is an attribute record. */
    CM_CSV_TABLE,
} cm_csv_mode;

/* Loads path into *out (which must be zeroed; the caller frees it with cm_layer_free, also
 * on failure). Every bad row is reported (file:line: ...), then CM_EINPUT is returned. */
cm_status cm_csv_load(const char *path, cm_csv_mode mode, cm_layer *out, cm_error *err);

/* Copies the attributes of table rows onto the features with the same id (feature values
 * win over nothing, table values win over the loader's defaults). */
cm_status cm_layer_join(cm_layer *layer, const cm_layer *table, cm_error *err);

#endif
