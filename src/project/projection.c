/* projection: one PJ_CONTEXT per cm_proj, so there is no hidden global state; the
 * transformation is created once (15-26 ms) and reused for every point. */
#include "projection.h"

#include <geodesic.h>
#include <math.h>
#include <proj.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cm_proj {
    PJ_CONTEXT *ctx;
    PJ *fwd; /* lon/lat -> crs, normalized so x is easting */
    PJ *crs; /* the target CRS alone */
    double central_lon;
};

static double find_central_lon(PJ_CONTEXT *ctx, PJ *crs)
{
    double lon = 0;
    PJ *op = proj_crs_get_coordoperation(ctx, crs);
    if (!op)
        return 0;
    int n = proj_coordoperation_get_param_count(ctx, op);
    for (int i = 0; i < n; i++) {
        const char *name = NULL;
        double value = 0, conv = 0;
        if (!proj_coordoperation_get_param(ctx, op, i, &name, NULL, NULL, &value, NULL, &conv, NULL,
                                           NULL, NULL, NULL))
            continue;
        if (name &&
            (strstr(name, "Longitude of natural origin") ||
             strstr(name, "Longitude of false origin") || strstr(name, "Longitude of origin") ||
             strstr(name, "Longitude of projection centre") ||
             strstr(name, "Longitude of the centre"))) {
            lon = value * conv * 180.0 / M_PI;
            break;
        }
    }
    proj_destroy(op);
    return lon;
}

cm_status cm_proj_create(const char *crs, cm_proj **out, cm_error *err)
{
    *out = NULL;
    cm_proj *p = calloc(1, sizeof *p);
    if (!p)
        return cm_error_oom(err);
    p->ctx = proj_context_create();
    if (!p->ctx) {
        free(p);
        return cm_error_oom(err);
    }
    proj_log_level(p->ctx, PJ_LOG_NONE);
    /* "+proj=lcc ..." names a projection, not a CRS, unless it says +type=crs */
    char *as_crs = NULL;
    if (strncmp(crs, "+proj=", 6) == 0 && !strstr(crs, "+type=crs")) {
        size_t n = strlen(crs) + 12;
        as_crs = malloc(n);
        if (as_crs)
            snprintf(as_crs, n, "%s +type=crs", crs);
    }
    const char *def = as_crs ? as_crs : crs;
    p->crs = proj_create(p->ctx, def);
    PJ *raw = p->crs ? proj_create_crs_to_crs(p->ctx, "OGC:CRS84", def, NULL) : NULL;
    free(as_crs);
    if (raw) {
        p->fwd = proj_normalize_for_visualization(p->ctx, raw);
        proj_destroy(raw);
    }
    if (!p->crs || !p->fwd || !proj_is_crs(p->crs)) {
        /* PROJ's own errno strings are vague here ("Unknown error (code 4096)") */
        cm_error_add(err, CM_EINPUT, NULL, 0, 0,
                     "unknown or unusable CRS '%s' (PROJ cannot make a projected or "
                     "geographic CRS of it)",
                     crs);
        cm_proj_free(p);
        return CM_EINPUT;
    }
    p->central_lon = find_central_lon(p->ctx, p->crs);
    *out = p;
    return CM_OK;
}

void cm_proj_free(cm_proj *p)
{
    if (!p)
        return;
    if (p->fwd)
        proj_destroy(p->fwd);
    if (p->crs)
        proj_destroy(p->crs);
    proj_context_destroy(p->ctx);
    free(p);
}

size_t cm_proj_forward(cm_proj *p, cm_xy *pts, size_t n)
{
    size_t failed = 0;
    if (n == 0)
        return 0;
    proj_trans_generic(p->fwd, PJ_FWD, &pts[0].x, sizeof(cm_xy), n, &pts[0].y, sizeof(cm_xy), n,
                       NULL, 0, 0, NULL, 0, 0);
    proj_errno_reset(p->fwd);
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(pts[i].x) || !isfinite(pts[i].y) || fabs(pts[i].x) > 1e15 ||
            fabs(pts[i].y) > 1e15) {
            pts[i].x = pts[i].y = NAN;
            failed++;
        }
    }
    return failed;
}

int cm_proj_inverse(cm_proj *p, cm_xy *pt)
{
    PJ_COORD c = proj_coord(pt->x, pt->y, 0, 0);
    PJ_COORD r = proj_trans(p->fwd, PJ_INV, c);
    proj_errno_reset(p->fwd);
    if (!isfinite(r.xy.x) || !isfinite(r.xy.y) || fabs(r.xy.x) > 1e10)
        return -1;
    /* a round trip that does not come back means the point lies outside the projection */
    PJ_COORD back = proj_trans(p->fwd, PJ_FWD, r);
    proj_errno_reset(p->fwd);
    if (!isfinite(back.xy.x) || fabs(back.xy.x - pt->x) > 1 || fabs(back.xy.y - pt->y) > 1)
        return -1;
    pt->x = r.xy.x;
    pt->y = r.xy.y;
    return 0;
}

double cm_proj_central_lon(const cm_proj *p)
{
    return p->central_lon;
}

cm_status cm_proj_frame(cm_proj *p, const double box[4], double aspect, double frame[4],
                        cm_error *err)
{
    enum { STEPS = 64 };
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (int edge = 0; edge < 4; edge++) {
        for (int i = 0; i <= STEPS; i++) {
            double t = (double)i / STEPS;
            cm_xy q;
            q.x = edge < 2 ? box[0] + t * (box[2] - box[0]) : box[edge == 2 ? 0 : 2];
            q.y = edge < 2 ? box[edge == 0 ? 1 : 3] : box[1] + t * (box[3] - box[1]);
            if (cm_proj_forward(p, &q, 1))
                continue;
            x0 = fmin(x0, q.x);
            y0 = fmin(y0, q.y);
            x1 = fmax(x1, q.x);
            y1 = fmax(y1, q.y);
        }
    }
    if (!(x1 > x0 && y1 > y0))
        return cm_error_add(err, CM_EINPUT, NULL, 0, 0,
                            "the extent %g,%g,%g,%g cannot be projected", box[0], box[1], box[2],
                            box[3]);
    double w = x1 - x0, h = y1 - y0;
    if (w / h < aspect) {
        double grow = (h * aspect - w) / 2;
        x0 -= grow;
        x1 += grow;
    } else {
        double grow = (w / aspect - h) / 2;
        y0 -= grow;
        y1 += grow;
    }
    frame[0] = x0;
    frame[1] = y0;
    frame[2] = x1;
    frame[3] = y1;
    return CM_OK;
}

void cm_proj_frame_lonlat(cm_proj *p, const double frame[4], double out[4])
{
    enum { STEPS = 100 };
    double lon0 = INFINITY, lat0 = INFINITY, lon1 = -INFINITY, lat1 = -INFINITY;
    int failed = 0;
    for (int i = 0; i <= STEPS; i++) {
        for (int j = 0; j <= STEPS; j++) {
            /* the whole grid, not only the edges: a frame's lon/lat extreme can lie inside */
            cm_xy q = {frame[0] + (frame[2] - frame[0]) * i / STEPS,
                       frame[1] + (frame[3] - frame[1]) * j / STEPS};
            if (cm_proj_inverse(p, &q)) {
                failed = 1;
                continue;
            }
            lon0 = fmin(lon0, q.x);
            lat0 = fmin(lat0, q.y);
            lon1 = fmax(lon1, q.x);
            lat1 = fmax(lat1, q.y);
        }
    }
    /* A pole or the seam inside the frame, or corners off the projection: be generous. */
    for (int pole = -1; pole <= 1; pole += 2) {
        cm_xy q = {p->central_lon, 90.0 * pole};
        if (!cm_proj_forward(p, &q, 1) && q.x >= frame[0] && q.x <= frame[2] && q.y >= frame[1] &&
            q.y <= frame[3]) {
            lon0 = -180;
            lon1 = 180;
            if (pole > 0)
                lat1 = 90;
            else
                lat0 = -90;
        }
    }
    double grid_lon = 360.0 / STEPS * 2;
    if (failed || lon1 - lon0 > 360 - grid_lon || !(lon1 > lon0)) {
        lon0 = -180;
        lon1 = 180;
    }
    if (failed || !(lat1 > lat0)) {
        lat0 = fmax(-90, (isfinite(lat0) ? lat0 : -90) - 5);
        lat1 = fmin(90, (isfinite(lat1) ? lat1 : 90) + 5);
    }
    /* a margin for the curvature between grid points */
    out[0] = fmax(-180, lon0 - 1);
    out[1] = fmax(-90, lat0 - 1);
    out[2] = fmin(180, lon1 + 1);
    out[3] = fmin(90, lat1 + 1);
}

char *cm_proj_wkt_esri(cm_proj *p)
{
    const char *wkt = proj_as_wkt(p->ctx, p->crs, PJ_WKT1_ESRI, NULL);
    if (!wkt)
        wkt = proj_as_wkt(p->ctx, p->crs, PJ_WKT2_2019, NULL);
    return wkt ? cm_strdup(wkt) : NULL;
}

int cm_proj_scale(cm_proj *p, double lon, double lat, double *h, double *k)
{
    /* proj_factors wants the projection itself in radians; the transformation from
     * CRS84 carries it, and PROJ accepts it for projected CRSs */
    PJ_COORD c = proj_coord(proj_torad(lon), proj_torad(lat), 0, 0);
    PJ_FACTORS f = proj_factors(p->crs, c);
    if (proj_errno(p->crs)) {
        proj_errno_reset(p->crs);
        return -1;
    }
    *h = f.meridional_scale;
    *k = f.parallel_scale;
    return 0;
}

static const struct geod_geodesic *wgs84(struct geod_geodesic *g)
{
    geod_init(g, 6378137.0, 1 / 298.257223563);
    return g;
}

double cm_geodesic_km(double lon0, double lat0, double lon1, double lat1)
{
    struct geod_geodesic g;
    double s12 = 0;
    geod_inverse(wgs84(&g), lat0, lon0, lat1, lon1, &s12, NULL, NULL);
    return s12 / 1000.0;
}

double cm_geodesic_line_km(const cm_xy *pts, size_t n)
{
    double km = 0;
    for (size_t i = 1; i < n; i++)
        km += cm_geodesic_km(pts[i - 1].x, pts[i - 1].y, pts[i].x, pts[i].y);
    return km;
}

void cm_geodesic_direct(double lon, double lat, double azimuth_deg, double distance_km,
                        double *lon_out, double *lat_out)
{
    struct geod_geodesic g;
    geod_direct(wgs84(&g), lat, lon, azimuth_deg, distance_km * 1000.0, lat_out, lon_out, NULL);
}

void cm_geodesic_along(double lon0, double lat0, double lon1, double lat1, double fraction,
                       double *lon, double *lat)
{
    struct geod_geodesic g;
    double s12 = 0, azi1 = 0;
    wgs84(&g);
    geod_inverse(&g, lat0, lon0, lat1, lon1, &s12, &azi1, NULL);
    geod_direct(&g, lat0, lon0, azi1, s12 * fraction, lat, lon, NULL);
}
