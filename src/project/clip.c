/* clip: GEOS's rectangle clipper (GEOSClipByRect) does both jobs; a ring is clipped as a
 * shell-only polygon and every resulting ring is kept, which under the even-odd fill rule
 * gives the clipped area even for holes (intersection distributes over XOR). */
#include "clip.h"

#include <geos_c.h>
#include <math.h>
#include <stdlib.h>

struct cm_clip {
    GEOSContextHandle_t h;
};

cm_clip *cm_clip_new(void)
{
    cm_clip *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->h = GEOS_init_r();
    if (!c->h) {
        free(c);
        return NULL;
    }
    return c;
}

void cm_clip_free(cm_clip *c)
{
    if (!c)
        return;
    GEOS_finish_r(c->h);
    free(c);
}

static GEOSCoordSequence *make_seq(cm_clip *c, const cm_xy *p, size_t n, int close)
{
    int need_close = close && (p[0].x != p[n - 1].x || p[0].y != p[n - 1].y);
    size_t total = n + (size_t)need_close;
    GEOSCoordSequence *seq = GEOSCoordSeq_create_r(c->h, (unsigned)total, 2);
    if (!seq)
        return NULL;
    for (size_t i = 0; i < total; i++) {
        const cm_xy *q = &p[i < n ? i : 0];
        GEOSCoordSeq_setXY_r(c->h, seq, (unsigned)i, q->x, q->y);
    }
    return seq;
}

static cm_status append_seq(cm_clip *c, const GEOSCoordSequence *seq, cm_geom *out)
{
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(c->h, seq, &n);
    if (n < 2)
        return CM_OK;
    if (cm_geom_begin_part(out) != CM_OK)
        return CM_ESYS;
    for (unsigned i = 0; i < n; i++) {
        double x, y;
        GEOSCoordSeq_getXY_r(c->h, seq, i, &x, &y);
        if (cm_geom_add(out, x, y) != CM_OK)
            return CM_ESYS;
    }
    return CM_OK;
}

static cm_status append_geos(cm_clip *c, const GEOSGeometry *g, cm_geom *out)
{
    int type = GEOSGeomTypeId_r(c->h, g);
    cm_status st = CM_OK;
    switch (type) {
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
        return append_seq(c, GEOSGeom_getCoordSeq_r(c->h, g), out);
    case GEOS_POLYGON: {
        st = append_seq(c, GEOSGeom_getCoordSeq_r(c->h, GEOSGetExteriorRing_r(c->h, g)), out);
        int nh = GEOSGetNumInteriorRings_r(c->h, g);
        for (int i = 0; st == CM_OK && i < nh; i++)
            st = append_seq(c, GEOSGeom_getCoordSeq_r(c->h, GEOSGetInteriorRingN_r(c->h, g, i)),
                            out);
        return st;
    }
    case GEOS_MULTILINESTRING:
    case GEOS_MULTIPOLYGON:
    case GEOS_GEOMETRYCOLLECTION: {
        int n = GEOSGetNumGeometries_r(c->h, g);
        for (int i = 0; st == CM_OK && i < n; i++)
            st = append_geos(c, GEOSGetGeometryN_r(c->h, g, i), out);
        return st;
    }
    default:
        return CM_OK; /* points from a line touching the frame: nothing to draw */
    }
}

static cm_status copy_part(const cm_xy *p, size_t n, cm_geom *out)
{
    if (cm_geom_begin_part(out) != CM_OK)
        return CM_ESYS;
    for (size_t i = 0; i < n; i++)
        if (cm_geom_add(out, p[i].x, p[i].y) != CM_OK)
            return CM_ESYS;
    return CM_OK;
}

/* Clips one part; falls back to copying it when GEOS cannot (an invalid ring), since the
 * drawing surface clips anyway. */
static cm_status clip_part(cm_clip *c, const cm_xy *p, size_t n, int ring, const double r[4],
                           cm_geom *out)
{
    if (n < (ring ? 3u : 2u))
        return CM_OK;
    GEOSCoordSequence *seq = make_seq(c, p, n, ring);
    if (!seq)
        return CM_ESYS;
    GEOSGeometry *g = NULL;
    if (ring) {
        GEOSGeometry *shell = GEOSGeom_createLinearRing_r(c->h, seq);
        g = shell ? GEOSGeom_createPolygon_r(c->h, shell, NULL, 0) : NULL;
    } else {
        g = GEOSGeom_createLineString_r(c->h, seq);
    }
    if (!g)
        return copy_part(p, n, out);
    GEOSGeometry *cut = GEOSClipByRect_r(c->h, g, r[0], r[1], r[2], r[3]);
    GEOSGeom_destroy_r(c->h, g);
    if (!cut)
        return copy_part(p, n, out);
    cm_status st = append_geos(c, cut, out);
    GEOSGeom_destroy_r(c->h, cut);
    return st;
}

cm_status cm_clip_rect(cm_clip *c, const cm_geom *in, const double r[4], cm_geom *out)
{
    int ring = in->type == CM_GEOM_POLYGON;
    out->type = in->type;
    for (size_t k = 0; k < in->nparts; k++) {
        const cm_xy *p = cm_geom_part(in, k);
        size_t n = cm_geom_part_len(in, k);
        double b[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
        int bad = 0;
        for (size_t i = 0; i < n; i++) {
            if (isnan(p[i].x)) {
                bad = 1;
                break;
            }
            b[0] = fmin(b[0], p[i].x);
            b[1] = fmin(b[1], p[i].y);
            b[2] = fmax(b[2], p[i].x);
            b[3] = fmax(b[3], p[i].y);
        }
        if (bad || n == 0)
            continue; /* the caller splits parts at unprojectable points first */
        if (b[2] < r[0] || b[0] > r[2] || b[3] < r[1] || b[1] > r[3])
            continue;
        cm_status st;
        if (b[0] >= r[0] && b[2] <= r[2] && b[1] >= r[1] && b[3] <= r[3])
            st = copy_part(p, n, out);
        else
            st = clip_part(c, p, n, ring, r, out);
        if (st != CM_OK)
            return st;
    }
    return CM_OK;
}

cm_status cm_clip_seam(cm_clip *c, const cm_geom *in, double seam, cm_geom *out)
{
    const double hair = 1e-7;
    int ring = in->type == CM_GEOM_POLYGON;
    out->type = in->type;
    while (seam > 180)
        seam -= 360;
    while (seam <= -180)
        seam += 360;
    for (size_t k = 0; k < in->nparts; k++) {
        const cm_xy *p = cm_geom_part(in, k);
        size_t n = cm_geom_part_len(in, k);
        double lo = INFINITY, hi = -INFINITY;
        for (size_t i = 0; i < n; i++) {
            lo = fmin(lo, p[i].x);
            hi = fmax(hi, p[i].x);
        }
        if (n == 0)
            continue;
        /* the seam's copies (seam + 360 k) that cross the part; unwrapped lines may reach
         * past 180, which PROJ takes as it is */
        double first = seam + 360.0 * ceil((lo - seam) / 360.0);
        if (first <= lo + hair)
            first += 360;
        cm_status st = CM_OK;
        if (first >= hi - hair) {
            st = copy_part(p, n, out);
        } else {
            double left = lo - 1;
            for (double cut = first; st == CM_OK && left < hi; cut += 360) {
                double right = cut < hi - hair ? cut : hi + 1;
                double band[4] = {left + hair, -90, right - hair, 90};
                st = clip_part(c, p, n, ring, band, out);
                left = right;
            }
        }
        if (st != CM_OK)
            return st;
    }
    return CM_OK;
}

int cm_clip_label_point(cm_clip *c, const cm_geom *g, double *x, double *y, double *width)
{
    size_t best = 0;
    double best_area = 0;
    for (size_t k = 0; k < g->nparts; k++) {
        const cm_xy *p = cm_geom_part(g, k);
        size_t n = cm_geom_part_len(g, k);
        double a = 0;
        for (size_t i = 0; i + 1 < n; i++)
            a += p[i].x * p[i + 1].y - p[i + 1].x * p[i].y;
        if (n > 0)
            a += p[n - 1].x * p[0].y - p[0].x * p[n - 1].y;
        if (fabs(a) / 2 > best_area) {
            best_area = fabs(a) / 2;
            best = k;
        }
    }
    size_t n = g->nparts ? cm_geom_part_len(g, best) : 0;
    if (n < 3)
        return -1;
    const cm_xy *p = cm_geom_part(g, best);
    double x0 = INFINITY, x1 = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        x0 = fmin(x0, p[i].x);
        x1 = fmax(x1, p[i].x);
    }
    *width = x1 - x0;
    GEOSCoordSequence *seq = make_seq(c, p, n, 1);
    GEOSGeometry *shell = seq ? GEOSGeom_createLinearRing_r(c->h, seq) : NULL;
    GEOSGeometry *poly = shell ? GEOSGeom_createPolygon_r(c->h, shell, NULL, 0) : NULL;
    GEOSGeometry *pt = poly ? GEOSPointOnSurface_r(c->h, poly) : NULL;
    int rc = -1;
    if (pt && !GEOSisEmpty_r(c->h, pt) && GEOSGeomGetX_r(c->h, pt, x) &&
        GEOSGeomGetY_r(c->h, pt, y))
        rc = 0;
    if (pt)
        GEOSGeom_destroy_r(c->h, pt);
    if (poly)
        GEOSGeom_destroy_r(c->h, poly);
    return rc;
}

typedef struct {
    GEOSGeometry *poly;
    const GEOSPreparedGeometry *prep;
    double bbox[4];
} pip_ring;

struct cm_pip {
    cm_clip *c;
    pip_ring *rings;
    size_t n;
};

cm_pip *cm_pip_new(cm_clip *c, const cm_geom *g)
{
    cm_pip *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->c = c;
    p->rings = calloc(g->nparts ? g->nparts : 1, sizeof *p->rings);
    if (!p->rings) {
        free(p);
        return NULL;
    }
    for (size_t k = 0; k < g->nparts; k++) {
        const cm_xy *q = cm_geom_part(g, k);
        size_t n = cm_geom_part_len(g, k);
        if (n < 3)
            continue;
        GEOSCoordSequence *seq = make_seq(c, q, n, 1);
        GEOSGeometry *shell = seq ? GEOSGeom_createLinearRing_r(c->h, seq) : NULL;
        GEOSGeometry *poly = shell ? GEOSGeom_createPolygon_r(c->h, shell, NULL, 0) : NULL;
        if (!poly)
            continue;
        pip_ring *r = &p->rings[p->n++];
        r->poly = poly;
        r->prep = GEOSPrepare_r(c->h, poly);
        r->bbox[0] = r->bbox[1] = INFINITY;
        r->bbox[2] = r->bbox[3] = -INFINITY;
        for (size_t i = 0; i < n; i++) {
            r->bbox[0] = fmin(r->bbox[0], q[i].x);
            r->bbox[1] = fmin(r->bbox[1], q[i].y);
            r->bbox[2] = fmax(r->bbox[2], q[i].x);
            r->bbox[3] = fmax(r->bbox[3], q[i].y);
        }
    }
    return p;
}

int cm_pip_contains(const cm_pip *p, double x, double y)
{
    int inside = 0;
    GEOSGeometry *pt = NULL;
    for (size_t i = 0; i < p->n; i++) {
        const pip_ring *r = &p->rings[i];
        if (x < r->bbox[0] || x > r->bbox[2] || y < r->bbox[1] || y > r->bbox[3] || !r->prep)
            continue;
        if (!pt && !(pt = GEOSGeom_createPointFromXY_r(p->c->h, x, y)))
            return 0;
        if (GEOSPreparedContains_r(p->c->h, r->prep, pt) == 1)
            inside = !inside;
    }
    if (pt)
        GEOSGeom_destroy_r(p->c->h, pt);
    return inside;
}

void cm_pip_free(cm_pip *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++) {
        if (p->rings[i].prep)
            GEOSPreparedGeom_destroy_r(p->c->h, p->rings[i].prep);
        GEOSGeom_destroy_r(p->c->h, p->rings[i].poly);
    }
    free(p->rings);
    free(p);
}
