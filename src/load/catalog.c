/* catalog: one layer from three files, so `list` and `compare` see what the maps draw. */
#include "catalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_layer.h"

static char *join_path(const char *dir, const char *file)
{
    size_t n = strlen(dir) + strlen(file) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, file);
    return p;
}

cm_status cm_catalog_load(const char *dir, cm_layer *out, cm_error *err)
{
    char *places = join_path(dir, "places.csv"), *wps = join_path(dir, "route_points.csv"),
         *routes = join_path(dir, "routes.csv");
    cm_layer P = {0}, W = {0}, R = {0}, S = {0};
    cm_status st = CM_OK;
    if (!places || !wps || !routes) {
        st = cm_error_oom(err);
        goto done;
    }
    out->path = cm_strdup(dir);
    if (cm_csv_load(places, CM_CSV_FEATURES, &P, err) != CM_OK)
        st = CM_EINPUT;
    if (cm_csv_load(wps, CM_CSV_FEATURES, &W, err) != CM_OK)
        st = CM_EINPUT;
    if (cm_csv_load(routes, CM_CSV_TABLE, &R, err) != CM_OK)
        st = CM_EINPUT;
    if (st != CM_OK)
        goto done;
    for (size_t i = 0; i < W.count; i++)
        if (!cm_layer_find(&R, W.items[i].id))
            cm_error_add(err, CM_EINPUT, wps, W.items[i].origin_line, 0,
                         "route '%s' has no row in %s", W.items[i].id, routes);
    if (err->count) {
        st = CM_EINPUT;
        goto done;
    }
    if ((st = cm_layer_join(&W, &R, err)) != CM_OK)
        goto done;
    /* seas are optional: label points of the water bodies the papers name */
    char *seas = join_path(dir, "seas.csv");
    FILE *probe = seas ? fopen(seas, "r") : NULL;
    if (probe) {
        fclose(probe);
        if (cm_csv_load(seas, CM_CSV_FEATURES, &S, err) != CM_OK)
            st = CM_EINPUT;
    }
    free(seas);
    if (st == CM_OK && (cm_layer_take(out, &P) != CM_OK || cm_layer_take(out, &W) != CM_OK ||
                        cm_layer_take(out, &S) != CM_OK))
        st = cm_error_oom(err);
done:
    cm_layer_free(&P);
    cm_layer_free(&W);
    cm_layer_free(&R);
    cm_layer_free(&S);
    free(places);
    free(wps);
    free(routes);
    return st;
}
