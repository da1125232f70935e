/* compare: countries are found by sampling each land leg along its geodesic every few km
 * and asking GEOS which country polygon holds the sample; a stay shorter than a few samples
 * is taken for noise at a border (lines drawn through waypoints cut corners). */
#include "compare.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../project/clip.h"
#include "../project/projection.h"

#define SAMPLE_KM 5.0
#define MIN_STAY_SAMPLES 12 /* 60 km between stops: shorter stays are corner cutting */

typedef struct {
    const cm_feature *f;
    cm_pip *pip;
} country;

typedef struct {
    int idx;        /* country index, -1 for none */
    int run;        /* samples */
    int sea_before; /* a sea leg lies between this run and the one before */
    int stop;       /* holds a stop of the route: always a real stay */
} run;

static int find_country(const country *cs, size_t n, int hint, double lon, double lat)
{
    if (hint >= 0 && cm_pip_contains(cs[hint].pip, lon, lat))
        return hint;
    for (size_t i = 0; i < n; i++) {
        const double *b = cs[i].f->bbox;
        if ((int)i == hint || lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3])
            continue;
        if (cm_pip_contains(cs[i].pip, lon, lat))
            return (int)i;
    }
    return -1;
}

/* The country at a waypoint; a port a little off the coastline's generalised polygon is
 * matched within about 10 km. */
static int country_near(const country *cs, size_t n, int hint, double lon, double lat)
{
    int c = find_country(cs, n, hint, lon, lat);
    for (double km = 2.5; c < 0 && km <= 10; km += 2.5)
        for (int az = 0; az < 360 && c < 0; az += 45) {
            double qlon, qlat;
            cm_geodesic_direct(lon, lat, az, km, &qlon, &qlat);
            c = find_country(cs, n, hint, qlon, qlat);
        }
    return c;
}

/* A water body's name for a sea leg: a named lake (the Caspian) from the base map, else a
 * sea by its rough box (the Black Sea is looked at before the Mediterranean it lies in). */
static const char *water_name(const cm_layer *lakes, cm_clip *clip, double lon, double lat)
{
    for (size_t i = 0; lakes && i < lakes->count; i++) {
        const cm_feature *f = &lakes->items[i];
        const char *name = cm_feature_str(f, "name");
        if (!*name || lon < f->bbox[0] || lon > f->bbox[2] || lat < f->bbox[1] || lat > f->bbox[3])
            continue;
        cm_pip *p = cm_pip_new(clip, &f->geom);
        int in = p && cm_pip_contains(p, lon, lat);
        cm_pip_free(p);
        if (in)
            return name;
    }
    static const struct {
        const char *name;
        double box[4];
    } seas[] = {
        {"Black Sea", {27.3, 40.8, 41.9, 47.3}},         {"Baltic Sea", {9.5, 53.5, 30.5, 66.0}},
        {"Sea of Japan", {127.5, 33.5, 142.5, 52.0}},    {"Yellow Sea", {117.5, 31.0, 127.0, 41.0}},
        {"Mediterranean Sea", {-6.0, 30.0, 36.5, 46.0}}, {"Red Sea", {32.0, 12.0, 44.0, 30.0}},
    };
    for (size_t i = 0; i < sizeof seas / sizeof seas[0]; i++)
        if (lon >= seas[i].box[0] && lon <= seas[i].box[2] && lat >= seas[i].box[1] &&
            lat <= seas[i].box[3])
            return seas[i].name;
    return "open sea";
}

static int push_str(char ***arr, size_t *n, const char *s);

/* Names the open sea crossing by both its ends: "Aktau (Caspian Sea)" becomes
 * "Aktau–Baku (Caspian Sea)". 0, or -1 when out of memory. */
static int close_sea_leg(cm_route_stats *r, const char *end_name)
{
    if (r->nsea == 0)
        return 0;
    char *leg = r->sea_legs[r->nsea - 1], *paren = strrchr(leg, '(');
    char both[300];
    snprintf(both, sizeof both, "%.*s–%s %s", (int)(paren ? paren - leg - 1 : 0), leg, end_name,
             paren ? paren : "");
    char *named = cm_strdup(both);
    if (!named)
        return -1;
    free(leg);
    r->sea_legs[r->nsea - 1] = named;
    return 0;
}

static int push_str(char ***arr, size_t *n, const char *s)
{
    char **g = realloc(*arr, (*n + 1) * sizeof *g);
    if (!g)
        return -1;
    *arr = g;
    if (!(g[*n] = cm_strdup(s)))
        return -1;
    (*n)++;
    return 0;
}

static int push_run(run **runs, size_t *n, size_t *cap, int idx, int sea_before, int stop)
{
    if (*n > 0 && (*runs)[*n - 1].idx == idx && !sea_before) {
        (*runs)[*n - 1].run++;
        (*runs)[*n - 1].stop |= stop;
        return 0;
    }
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        run *g = realloc(*runs, nc * sizeof *g);
        if (!g)
            return -1;
        *runs = g;
        *cap = nc;
    }
    (*runs)[(*n)++] = (run){idx, 1, sea_before, stop};
    return 0;
}

/* The waypoint rows of a route, in file order (the order of seq). */
static size_t route_rows(const cm_layer *wp, const char *id, const cm_feature **rows, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; wp && i < wp->count && n < max; i++)
        if (!strcmp(cm_feature_str(&wp->items[i], "route"), id))
            rows[n++] = &wp->items[i];
    return n;
}

static cm_status stats_for(const cm_feature *f, const cm_layer *wp, const country *cs, size_t ncs,
                           const cm_layer *lakes, cm_clip *clip, cm_route_stats *r)
{
    enum { MAXW = 512 };
    const cm_feature *rows[MAXW];
    size_t nrows = route_rows(wp, f->id, rows, MAXW);
    const cm_geom *g = &f->geom;
    run *runs = NULL;
    size_t nruns = 0, cap = 0;
    int at_sea = 0, hint = -1, sea_pending = 0;
    cm_status st = CM_OK;
#define TRY(x)                                                                                     \
    do {                                                                                           \
        if (x) {                                                                                   \
            st = CM_ESYS;                                                                          \
            goto done;                                                                             \
        }                                                                                          \
    } while (0)
    r->id = cm_strdup(f->id);
    r->name = cm_strdup(cm_feature_str(f, "name"));
    r->kind = cm_strdup(cm_feature_str(f, "kind"));
    r->status = cm_strdup(cm_feature_str(f, "status"));
    r->year = cm_strdup(cm_feature_str(f, "year"));
    r->source = cm_strdup(cm_feature_str(f, "source"));
    r->transit_days = cm_strdup(cm_feature_str(f, "transit_days"));
    r->figures = cm_strdup(cm_feature_str(f, "figures"));
    TRY(!r->id || !r->name || !r->kind || !r->status || !r->year || !r->source ||
        !r->transit_days || !r->figures);
    int all_sea = !strcmp(r->kind, "sea_route");
    for (size_t i = 0; i < g->npts; i++) {
        const cm_feature *row = i < nrows && nrows == g->npts ? rows[i] : NULL;
        const char *role = row ? cm_feature_str(row, "role") : "";
        if (row && strcmp(role, "via"))
            TRY(push_str(&r->hubs, &r->nhubs, cm_feature_str(row, "name")));
        if (!all_sea) {
            /* a stop counts as a stay in its country even when reached by sea */
            int c = country_near(cs, ncs, hint, g->pts[i].x, g->pts[i].y);
            if (c >= 0)
                hint = c;
            TRY(push_run(&runs, &nruns, &cap, c, sea_pending, 1));
        }
        if (i + 1 == g->npts)
            break;
        if (!strcmp(role, "ferry"))
            at_sea = !at_sea;
        const cm_xy *a = &g->pts[i], *b = &g->pts[i + 1];
        double km = cm_geodesic_km(a->x, a->y, b->x, b->y);
        r->length_km += km;
        if (at_sea || all_sea) {
            r->sea_km += km;
            double mlon, mlat;
            cm_geodesic_along(a->x, a->y, b->x, b->y, 0.5, &mlon, &mlat);
            /* consecutive sea legs between two ferry ports are one crossing */
            if (!sea_pending) {
                char leg[256];
                snprintf(leg, sizeof leg, "%s (%s)", row ? cm_feature_str(row, "name") : "",
                         water_name(lakes, clip, mlon, mlat));
                TRY(push_str(&r->sea_legs, &r->nsea, leg));
            }
            sea_pending = 1;
            continue;
        }
        if (sea_pending)
            TRY(close_sea_leg(r, row ? cm_feature_str(row, "name") : ""));
        sea_pending = 0;
        r->land_km += km;
        int steps = (int)ceil(km / SAMPLE_KM);
        for (int k = 0; k < steps; k++) {
            double lon, lat;
            cm_geodesic_along(a->x, a->y, b->x, b->y, (k + 0.5) / steps, &lon, &lat);
            int c = find_country(cs, ncs, hint, lon, lat);
            if (c >= 0)
                hint = c;
            TRY(push_run(&runs, &nruns, &cap, c, 0, 0));
        }
    }
    if (sea_pending && nrows == g->npts)
        TRY(close_sea_leg(r, cm_feature_str(rows[nrows - 1], "name")));
    /* countries in order: runs long enough to be real, consecutive repeats merged */
    int last = -2, sea_since_last = 0;
    for (size_t i = 0; i < nruns; i++) {
        sea_since_last |= runs[i].sea_before;
        int keep = runs[i].idx >= 0 && (runs[i].run >= MIN_STAY_SAMPLES || runs[i].stop);
        if (!keep)
            continue;
        if (runs[i].idx == last) {
            sea_since_last = 0; /* back in the same country: no crossing either way */
            continue;
        }
        if (last >= 0 && !sea_since_last)
            r->border_crossings++;
        cm_visit *gv = realloc(r->countries, (r->ncountries + 1) * sizeof *gv);
        TRY(!gv);
        r->countries = gv;
        const cm_feature *cf = cs[runs[i].idx].f;
        snprintf(gv[r->ncountries].iso, sizeof gv->iso, "%s", cm_feature_str(cf, "iso_a3"));
        snprintf(gv[r->ncountries].name, sizeof gv->name, "%s", cm_feature_str(cf, "name"));
        r->ncountries++;
        last = runs[i].idx;
        sea_since_last = 0;
    }
done:
    free(runs);
    return st;
#undef TRY
}

cm_status cm_compare_run(const cm_layer *routes, const cm_layer *waypoints,
                         const cm_layer *countries, const cm_layer *lakes,
                         const char *const *patterns, size_t npatterns, cm_comparison *out,
                         cm_error *err)
{
    cm_status st = CM_OK;
    cm_clip *clip = cm_clip_new();
    country *cs = calloc(countries->count ? countries->count : 1, sizeof *cs);
    size_t ncs = 0;
    if (!clip || !cs) {
        st = cm_error_oom(err);
        goto done;
    }
    for (size_t i = 0; i < countries->count; i++) {
        if (countries->items[i].geom.type != CM_GEOM_POLYGON)
            continue;
        cs[ncs].f = &countries->items[i];
        if (!(cs[ncs++].pip = cm_pip_new(clip, &countries->items[i].geom))) {
            st = cm_error_oom(err);
            goto done;
        }
    }
    for (size_t i = 0; i < routes->count; i++) {
        const cm_feature *f = &routes->items[i];
        int match = 0;
        for (size_t k = 0; k < npatterns && !match; k++)
            match = cm_pattern_match(patterns[k], f->id);
        if (!match || f->geom.type != CM_GEOM_LINE)
            continue;
        cm_route_stats *g = realloc(out->items, (out->count + 1) * sizeof *g);
        if (!g) {
            st = cm_error_oom(err);
            goto done;
        }
        out->items = g;
        memset(&g[out->count], 0, sizeof *g);
        if (stats_for(f, waypoints, cs, ncs, lakes, clip, &g[out->count++]) != CM_OK) {
            st = cm_error_oom(err);
            goto done;
        }
    }
    for (size_t k = 0; k < npatterns && st == CM_OK; k++) {
        int any = 0;
        for (size_t i = 0; i < out->count && !any; i++)
            any = cm_pattern_match(patterns[k], out->items[i].id);
        if (!any)
            st = cm_error_add(err, CM_EINPUT, NULL, 0, 0, "no route matches '%s'", patterns[k]);
    }
done:
    for (size_t i = 0; cs && i < ncs; i++)
        cm_pip_free(cs[i].pip);
    free(cs);
    cm_clip_free(clip);
    return st;
}

void cm_route_countries(const cm_route_stats *r, char *buf, size_t n)
{
    buf[0] = '\0';
    for (size_t i = 0; i < r->ncountries; i++) {
        size_t len = strlen(buf);
        const cm_visit *v = &r->countries[i];
        snprintf(buf + len, n - len, "%s%s", i ? " " : "", *v->iso ? v->iso : v->name);
    }
}

static void free_strs(char **a, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(a[i]);
    free(a);
}

void cm_comparison_free(cm_comparison *c)
{
    for (size_t i = 0; i < c->count; i++) {
        cm_route_stats *r = &c->items[i];
        free(r->id);
        free(r->name);
        free(r->kind);
        free(r->status);
        free(r->year);
        free(r->source);
        free(r->transit_days);
        free(r->figures);
        free(r->countries);
        free_strs(r->sea_legs, r->nsea);
        free_strs(r->hubs, r->nhubs);
    }
    free(c->items);
    memset(c, 0, sizeof *c);
}
