/* cmd_list: `corridormap list`: the papers' features as CSV or GeoJSON (RFC 7946). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../load/catalog.h"
#include "../project/projection.h"
#include "../write/csv_out.h"
#include "../write/json.h"
#include "args.h"
#include "commands.h"

static const char *const COLUMNS[] = {"id",     "name", "name_ru", "name_zh", "kind",
                                      "status", "year", "source",  NULL};

/* The point halfway along a line (by geodesic length), or the point itself. */
static cm_xy representative(const cm_feature *f, double *length_km)
{
    const cm_geom *g = &f->geom;
    *length_km = NAN;
    if (g->type != CM_GEOM_LINE || g->npts < 2)
        return g->pts[0];
    double total = cm_geodesic_line_km(g->pts, g->npts), run = 0;
    *length_km = total;
    for (size_t i = 1; i < g->npts; i++) {
        double seg = cm_geodesic_km(g->pts[i - 1].x, g->pts[i - 1].y, g->pts[i].x, g->pts[i].y);
        if (run + seg >= total / 2)
            return seg > 0 && (total / 2 - run) < seg / 2 ? g->pts[i - 1] : g->pts[i];
        run += seg;
    }
    return g->pts[g->npts - 1];
}

static void write_csv(const cm_layer *L, const char *kind)
{
    for (int c = 0; COLUMNS[c]; c++)
        printf("%s,", COLUMNS[c]);
    printf("lon,lat,length_km\n");
    for (size_t i = 0; i < L->count; i++) {
        const cm_feature *f = &L->items[i];
        if (kind && strcmp(cm_feature_str(f, "kind"), kind))
            continue;
        double km;
        cm_xy p = representative(f, &km);
        for (int c = 0; COLUMNS[c]; c++)
            cm_csv_field(stdout, cm_feature_str(f, COLUMNS[c]), 0);
        printf("%.4f,%.4f,", p.x, p.y);
        if (isfinite(km))
            printf("%.1f", km);
        putchar('\n');
    }
}

/* A line's coordinates; one that steps across 180 degrees is cut there into the parts of a
 * MultiLineString, with the crossing point on both sides (RFC 7946, section 3.1.9). */
static void geojson_line(const cm_geom *g)
{
    int cuts = 0;
    for (size_t k = 1; k < g->npts; k++)
        cuts += fabs(g->pts[k].x - g->pts[k - 1].x) > 180;
    printf("{\"type\": \"%s\", \"coordinates\": %s[", cuts ? "MultiLineString" : "LineString",
           cuts ? "[" : "");
    for (size_t k = 0; k < g->npts; k++) {
        const cm_xy *p = &g->pts[k], *q = k ? &g->pts[k - 1] : NULL;
        if (q && fabs(p->x - q->x) > 180) {
            /* where the segment meets the antimeridian, taking the short way round */
            double east = q->x > 0 ? 180 : -180;
            double px = p->x + (q->x > 0 ? 360 : -360);
            double t = (east - q->x) / (px - q->x);
            double lat = q->y + t * (p->y - q->y);
            printf(", [%.5f, %.5f]], [[%.5f, %.5f]", east, lat, -east, lat);
        }
        printf("%s[%.5f, %.5f]", k ? ", " : "", p->x, p->y);
    }
    printf("]%s}", cuts ? "]" : "");
}

static void write_geojson(const cm_layer *L, const char *kind)
{
    int first = 1;
    printf("{\"type\": \"FeatureCollection\", \"features\": [");
    for (size_t i = 0; i < L->count; i++) {
        const cm_feature *f = &L->items[i];
        if (kind && strcmp(cm_feature_str(f, "kind"), kind))
            continue;
        double km;
        representative(f, &km);
        printf("%s\n{\"type\": \"Feature\", \"id\": ", first ? "" : ",");
        first = 0;
        cm_json_string(stdout, f->id);
        int line = f->geom.type == CM_GEOM_LINE;
        printf(", \"geometry\": ");
        if (line)
            geojson_line(&f->geom);
        else
            printf("{\"type\": \"Point\", \"coordinates\": [%.5f, %.5f]}", f->geom.pts[0].x,
                   f->geom.pts[0].y);
        printf(", \"properties\": {");
        for (size_t a = 0; a < f->nattrs; a++) {
            printf("%s", a ? ", " : "");
            cm_json_string(stdout, f->attrs[a].key);
            putchar(':');
            putchar(' ');
            cm_json_string(stdout, f->attrs[a].value);
        }
        if (line) {
            printf(", \"length_km\": ");
            cm_json_number(stdout, km, 1);
        }
        printf("}}");
    }
    printf("\n]}\n");
}

cm_status cm_cmd_list(int argc, char **argv, cm_error *err)
{
    char data_buf[4096];
    snprintf(data_buf, sizeof data_buf, "%s", cm_project_path("geodata"));
    const char *kind = NULL, *format = "csv", *data = data_buf;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *val;
        if (!(val = cm_arg_value(argc, argv, &i, err)))
            return CM_EINPUT;
        if (!strcmp(a, "--kind"))
            kind = val;
        else if (!strcmp(a, "--format"))
            format = val;
        else if (!strcmp(a, "--data"))
            data = val;
        else
            return cm_error_add(err, CM_EINPUT, NULL, 0, 0, "unknown option '%s'", a);
    }
    if (strcmp(format, "csv") && strcmp(format, "geojson"))
        return cm_error_add(err, CM_EINPUT, NULL, 0, 0, "list --format is csv or geojson, not '%s'",
                            format);
    cm_layer L = {0};
    cm_status st = cm_catalog_load(data, &L, err);
    if (st == CM_OK) {
        if (!strcmp(format, "csv"))
            write_csv(&L, kind);
        else
            write_geojson(&L, kind);
        if (fflush(stdout) != 0)
            st = cm_error_add(err, CM_ESYS, "<stdout>", 0, 0, "write failed");
    }
    cm_layer_free(&L);
    return st;
}
