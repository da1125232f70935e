/* catalog: the papers' features in geodata/: places.csv (points) and the routes
 * (route_points.csv, joined with routes.csv), as one layer. */
#ifndef CM_CATALOG_H
#define CM_CATALOG_H

#include "feature.h"

/* Loads dir/places.csv, dir/route_points.csv + dir/routes.csv and, when present,
 * dir/seas.csv into *out (zeroed; free with
 * cm_layer_free). Every route must have its routes.csv row. */
cm_status cm_catalog_load(const char *dir, cm_layer *out, cm_error *err);

#endif
