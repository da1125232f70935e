/* label_place: greedy placement by priority. Points try eight positions around the marker
 * (upper right first, as cartographers prefer); lines try positions along their length,
 * rotated to the local direction and kept upright. A label that fits nowhere is dropped. */
#include "label_place.h"

#include "../core/grow.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FRAME_MARGIN_PX 2.0

void cm_labeler_init(cm_labeler *l, double w, double h)
{
    memset(l, 0, sizeof *l);
    l->width_px = w;
    l->height_px = h;
}

void cm_labeler_free(cm_labeler *l)
{
    for (size_t i = 0; i < l->nreqs; i++) {
        cm_item_free_contents(&l->reqs[i].proto);
        cm_geom_free(&l->reqs[i].line);
    }
    for (size_t i = 0; i < l->nresults; i++) {
        free(l->results[i].feature_id);
        free(l->results[i].text);
    }
    free(l->reqs);
    free(l->obstacles);
    free(l->results);
    memset(l, 0, sizeof *l);
}

cm_status cm_labeler_add_obstacle(cm_labeler *l, cm_box box)
{
    if (cm_grow((void **)&l->obstacles, &l->obs_cap, l->nobs + 1, sizeof(cm_box), 64))
        return CM_ESYS;
    l->obstacles[l->nobs++] = box;
    return CM_OK;
}

static cm_label_request *new_request(cm_labeler *l, cm_item *proto, cm_label_kind kind,
                                     double priority)
{
    if (cm_grow((void **)&l->reqs, &l->reqs_cap, l->nreqs + 1, sizeof(cm_label_request), 64))
        return NULL;
    cm_label_request *r = &l->reqs[l->nreqs];
    memset(r, 0, sizeof *r);
    r->proto = *proto;
    memset(proto, 0, sizeof *proto);
    r->kind = kind;
    r->priority = priority;
    r->order = l->nreqs++;
    return r;
}

cm_status cm_labeler_add_point(cm_labeler *l, cm_item *proto, double x, double y, double offset_px,
                               double priority)
{
    cm_label_request *r = new_request(l, proto, CM_LABEL_POINT, priority);
    if (!r)
        return CM_ESYS;
    r->x = x;
    r->y = y;
    r->offset_px = offset_px;
    return CM_OK;
}

cm_status cm_labeler_add_area(cm_labeler *l, cm_item *proto, double x, double y, double priority)
{
    cm_label_request *r = new_request(l, proto, CM_LABEL_AREA, priority);
    if (!r)
        return CM_ESYS;
    r->x = x;
    r->y = y;
    return CM_OK;
}

cm_status cm_labeler_add_line(cm_labeler *l, cm_item *proto, const cm_xy *pts, size_t n,
                              double priority)
{
    cm_label_request *r = new_request(l, proto, CM_LABEL_LINE, priority);
    if (!r)
        return CM_ESYS;
    for (size_t i = 0; i < n; i++)
        if (cm_geom_add(&r->line, pts[i].x, pts[i].y) != CM_OK)
            return CM_ESYS;
    return CM_OK;
}

static int by_priority(const void *a, const void *b)
{
    const cm_label_request *x = *(cm_label_request *const *)a, *y = *(cm_label_request *const *)b;
    if (x->priority != y->priority)
        return x->priority > y->priority ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* The page box of a text item placed with baseline start (x, y) and angle. */
/* The four corners of a text item's halo box, rotated with it. */
void cm_label_quad(const cm_item *it, cm_xy q[4])
{
    double pad = it->halo_px;
    double c = cos(it->angle_rad), s = sin(it->angle_rad);
    double xs[4] = {-pad, it->width_px + pad, it->width_px + pad, -pad};
    double ys[4] = {-it->ascent_px - pad, -it->ascent_px - pad, it->descent_px + pad,
                    it->descent_px + pad};
    for (int k = 0; k < 4; k++) {
        q[k].x = it->x + xs[k] * c - ys[k] * s;
        q[k].y = it->y + xs[k] * s + ys[k] * c;
    }
}

/* Separating-axis test of two convex quadrilaterals: a label along a steep line must not be
 * refused for what only its bounding box touches. */
static int quads_overlap(const cm_xy a[4], const cm_xy b[4])
{
    const cm_xy *polys[2] = {a, b};
    for (int p = 0; p < 2; p++)
        for (int e = 0; e < 4; e++) {
            const cm_xy *u = &polys[p][e], *v = &polys[p][(e + 1) % 4];
            double nx = -(v->y - u->y), ny = v->x - u->x;
            double amin = INFINITY, amax = -INFINITY, bmin = INFINITY, bmax = -INFINITY;
            for (int k = 0; k < 4; k++) {
                double da = a[k].x * nx + a[k].y * ny, db = b[k].x * nx + b[k].y * ny;
                amin = fmin(amin, da);
                amax = fmax(amax, da);
                bmin = fmin(bmin, db);
                bmax = fmax(bmax, db);
            }
            if (amax <= bmin || bmax <= amin)
                return 0;
        }
    return 1;
}

static void box_quad(const cm_box *b, cm_xy q[4])
{
    q[0] = (cm_xy){b->x0, b->y0};
    q[1] = (cm_xy){b->x1, b->y0};
    q[2] = (cm_xy){b->x1, b->y1};
    q[3] = (cm_xy){b->x0, b->y1};
}

static cm_box text_box(const cm_item *it)
{
    double pad = it->halo_px;
    double c = cos(it->angle_rad), s = sin(it->angle_rad);
    double xs[2] = {-pad, it->width_px + pad}, ys[2] = {-it->ascent_px - pad, it->descent_px + pad};
    cm_box b = {INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            double px = it->x + xs[i] * c - ys[j] * s, py = it->y + xs[i] * s + ys[j] * c;
            b.x0 = fmin(b.x0, px);
            b.y0 = fmin(b.y0, py);
            b.x1 = fmax(b.x1, px);
            b.y1 = fmax(b.y1, py);
        }
    return b;
}

typedef enum { FIT_OK, FIT_FRAME, FIT_LABEL, FIT_MARKER } fit_result;

/* Whether the text item it, whose bounding box is b, may go where it stands: inside the
 * frame, clear of every label placed and every marker or panel. Boxes first (cheap), the
 * rotated outlines only when a box test hits. */
static fit_result fits(const cm_labeler *l, const cm_item *it, const cm_box *b,
                       const cm_scene_layer *placed)
{
    if (b->x0 < FRAME_MARGIN_PX || b->y0 < FRAME_MARGIN_PX ||
        b->x1 > l->width_px - FRAME_MARGIN_PX || b->y1 > l->height_px - FRAME_MARGIN_PX)
        return FIT_FRAME;
    cm_xy mine[4], other[4];
    cm_label_quad(it, mine);
    for (size_t i = 0; i < placed->count; i++) {
        if (!cm_box_overlap(b, &placed->items[i].box))
            continue;
        cm_label_quad(&placed->items[i], other);
        if (quads_overlap(mine, other))
            return FIT_LABEL;
    }
    for (size_t i = 0; i < l->nobs; i++) {
        if (!cm_box_overlap(b, &l->obstacles[i]))
            continue;
        box_quad(&l->obstacles[i], other);
        if (quads_overlap(mine, other))
            return FIT_MARKER;
    }
    return FIT_OK;
}

static const char *reason_of(fit_result worst)
{
    switch (worst) {
    case FIT_FRAME:
        return "outside the frame";
    case FIT_LABEL:
        return "overlaps a label placed before it";
    case FIT_MARKER:
        return "overlaps a marker";
    default:
        return "no room";
    }
}

/* Puts the label's baseline start at (x, y), upright; returns whether it fits there, and
 * keeps the worst reason in *best when it does not. */
static int try_at(const cm_labeler *l, cm_item *it, double x, double y,
                  const cm_scene_layer *placed, fit_result *best)
{
    it->x = x;
    it->y = y;
    it->angle_rad = 0;
    cm_box b = text_box(it);
    fit_result f = fits(l, it, &b, placed);
    if (f == FIT_OK) {
        it->box = b;
        return 1;
    }
    if (f > *best)
        *best = f;
    return 0;
}

/* Tries the point positions; returns the best failure when none fits. */
static fit_result place_point(const cm_labeler *l, const cm_label_request *r, cm_item *it,
                              const cm_scene_layer *placed)
{
    /* dx, dy: which side of the anchor; NE, E, SE, NW, W, SW, N, S */
    static const int side[8][2] = {{1, -1}, {1, 0},  {1, 1},  {-1, -1},
                                   {-1, 0}, {-1, 1}, {0, -1}, {0, 1}};
    double h = it->ascent_px + it->descent_px;
    fit_result best = FIT_FRAME;
    /* the eight positions close to the marker, then the same a little further out, clear of
     * a neighbouring marker */
    for (int k = 0; k < 16; k++) {
        int sx = side[k % 8][0], sy = side[k % 8][1];
        double gap = r->offset_px + (k >= 8 ? h * 0.7 : 0);
        double off = (sx && sy) ? gap * 0.7071 : gap;
        double x = sx > 0   ? r->x + off
                   : sx < 0 ? r->x - off - it->width_px
                            : r->x - it->width_px / 2;
        double top = sy < 0 ? r->y - off - h : sy > 0 ? r->y + off : r->y - h / 2;
        if (try_at(l, it, x, top + it->ascent_px, placed, &best))
            return FIT_OK;
    }
    return best;
}

/* An area label goes at its centre, or nudged a little off it when that is taken. */
static fit_result place_area(const cm_labeler *l, const cm_label_request *r, cm_item *it,
                             const cm_scene_layer *placed)
{
    double h = it->ascent_px + it->descent_px, w = it->width_px;
    static const double nudge[][2] = {{0, 0},  {0, -1}, {0, 1},     {-0.3, 0}, {0.3, 0},
                                      {0, -2}, {0, 2},  {-0.3, -1}, {0.3, 1}};
    fit_result best = FIT_FRAME;
    for (size_t k = 0; k < sizeof nudge / sizeof nudge[0]; k++) {
        double x = r->x - w / 2 + nudge[k][0] * w;
        double y = r->y + (it->ascent_px - it->descent_px) / 2 + nudge[k][1] * h;
        if (try_at(l, it, x, y, placed, &best))
            return FIT_OK;
    }
    return best;
}

/* Point at arc length s along the polyline, and the cumulative lengths. */
static cm_xy point_at(const cm_xy *p, const double *cum, size_t n, double s)
{
    size_t i = 1;
    while (i < n - 1 && cum[i] < s)
        i++;
    double seg = cum[i] - cum[i - 1];
    double t = seg > 0 ? (s - cum[i - 1]) / seg : 0;
    t = fmin(1, fmax(0, t));
    return (cm_xy){p[i - 1].x + t * (p[i].x - p[i - 1].x), p[i - 1].y + t * (p[i].y - p[i - 1].y)};
}

/* Places a line label at the first candidate position that fits and lies at least min_gap
 * (along the line) from each position in taken; *s_out gets the position chosen. */
static fit_result place_line(const cm_labeler *l, const cm_label_request *r, cm_item *it,
                             const cm_scene_layer *placed, const double *taken, int ntaken,
                             double min_gap, double *s_out)
{
    const cm_xy *p = r->line.pts;
    size_t n = r->line.npts;
    if (n < 2)
        return FIT_FRAME;
    double *cum = malloc(n * sizeof *cum);
    if (!cum)
        return FIT_FRAME;
    cum[0] = 0;
    for (size_t i = 1; i < n; i++)
        cum[i] = cum[i - 1] + hypot(p[i].x - p[i - 1].x, p[i].y - p[i - 1].y);
    double total = cum[n - 1], w = it->width_px, h = it->ascent_px + it->descent_px;
    /* from the middle outwards, alternating sides, every 4 % of the length */
    static const double at[] = {0.5,  0.46, 0.54, 0.42, 0.58, 0.38, 0.62, 0.34,
                                0.66, 0.3,  0.7,  0.26, 0.74, 0.22, 0.78, 0.18,
                                0.82, 0.14, 0.86, 0.1,  0.9,  0.06, 0.94};
    fit_result best = FIT_FRAME;
    int found = 0;
    for (size_t k = 0; !found && total > w * 1.1 && k < sizeof at / sizeof at[0]; k++) {
        double s = at[k] * total;
        int near = 0;
        for (int t = 0; t < ntaken; t++)
            near |= fabs(s - taken[t]) < min_gap;
        if (near || s - w / 2 < 0 || s + w / 2 > total)
            continue;
        *s_out = s;
        cm_xy a = point_at(p, cum, n, s - w / 2), b = point_at(p, cum, n, s + w / 2);
        cm_xy c = point_at(p, cum, n, s);
        double ang = atan2(b.y - a.y, b.x - a.x);
        if (ang > M_PI / 2)
            ang -= M_PI;
        else if (ang < -M_PI / 2)
            ang += M_PI;
        /* a bend under the label reads badly: the middle must sit near the chord */
        cm_xy mid = {(a.x + b.x) / 2, (a.y + b.y) / 2};
        if (hypot(c.x - mid.x, c.y - mid.y) > h * 0.8)
            continue;
        double ux = cos(ang), uy = sin(ang), nx = -uy, ny = ux;
        double lift = h / 2 + 2; /* just above the line, not on it */
        double cx = mid.x - nx * lift, cy = mid.y - ny * lift;
        double base = (it->ascent_px - it->descent_px) / 2;
        it->angle_rad = ang;
        it->x = cx - ux * w / 2 + nx * base;
        it->y = cy - uy * w / 2 + ny * base;
        cm_box bx = text_box(it);
        fit_result f = fits(l, it, &bx, placed);
        if (f == FIT_OK) {
            it->box = bx;
            found = 1;
        } else if (f > best) {
            best = f;
        }
    }
    free(cum);
    if (found)
        return FIT_OK;
    return total <= w * 1.1 ? FIT_FRAME : best;
}

/* A label with the same text already placed close by (a station on several routes). */
static int near_twin(const cm_label_request *r, const cm_scene_layer *placed)
{
    for (size_t i = 0; i < placed->count; i++) {
        const cm_item *p = &placed->items[i];
        double cx = (p->box.x0 + p->box.x1) / 2, cy = (p->box.y0 + p->box.y1) / 2;
        if (p->text && r->proto.text && !strcmp(p->text, r->proto.text) &&
            hypot(cx - r->x, cy - r->y) < p->box.x1 - p->box.x0 + 6 * r->proto.size_px)
            return 1;
    }
    return 0;
}

static double line_length(const cm_geom *g)
{
    double total = 0;
    for (size_t i = 1; i < g->npts; i++)
        total += hypot(g->pts[i].x - g->pts[i - 1].x, g->pts[i].y - g->pts[i - 1].y);
    return total;
}

/* On a long line the label comes again, at most twice more, where there is room and far
 * enough from the others that each names its own stretch. The copies go straight into out;
 * the first placement (it) is added by the caller. */
static cm_status repeat_line(const cm_labeler *l, const cm_label_request *r, const cm_item *it,
                             cm_scene_layer *out, double s0)
{
    double total = line_length(&r->line), w = it->width_px;
    double gap = fmax(total * 0.28, w * 4);
    if (total < w * 6)
        return CM_OK;
    double taken[3] = {s0};
    int ntaken = 1;
    cm_item first = *it; /* the first's box must block its repeats */
    for (int k = 0; k < 2; k++) {
        cm_item copy = *it;
        double s;
        cm_scene_layer probe = *out;
        cm_item *items = malloc((out->count + 1) * sizeof *items);
        if (!items)
            return CM_ESYS;
        memcpy(items, out->items, out->count * sizeof *items);
        items[out->count] = first;
        probe.items = items;
        probe.count = out->count + 1;
        fit_result f = place_line(l, r, &copy, &probe, taken, ntaken, gap, &s);
        free(items);
        if (f != FIT_OK)
            break;
        taken[ntaken++] = s;
        cm_item *added = cm_scene_add_item(out, CM_ITEM_TEXT);
        if (!added)
            return CM_ESYS;
        *added = copy;
        added->text = cm_strdup(it->text);
        added->font = cm_strdup(it->font);
        added->feature_id = it->feature_id ? cm_strdup(it->feature_id) : NULL;
        added->name = it->name ? cm_strdup(it->name) : NULL;
        added->css_class = it->css_class ? cm_strdup(it->css_class) : NULL;
        if (!added->text || !added->font)
            return CM_ESYS;
    }
    return CM_OK;
}

static cm_status record(cm_labeler *l, const cm_item *it, int placed, const char *reason)
{
    cm_label_result *res = &l->results[l->nresults++];
    memset(res, 0, sizeof *res);
    res->feature_id = cm_strdup(it->feature_id ? it->feature_id : "");
    res->text = cm_strdup(it->text ? it->text : "");
    res->placed = placed;
    res->reason = reason;
    res->box = it->box;
    if (placed)
        cm_label_quad(it, res->quad);
    return res->feature_id && res->text ? CM_OK : CM_ESYS;
}

cm_status cm_labeler_place(cm_labeler *l, cm_text *text, cm_scene_layer *out, cm_error *err)
{
    cm_status st = CM_OK;
    cm_label_request **order = malloc((l->nreqs ? l->nreqs : 1) * sizeof *order);
    l->results = calloc(l->nreqs ? l->nreqs : 1, sizeof *l->results);
    if (!order || !l->results) {
        free(order);
        return cm_error_oom(err);
    }
    for (size_t i = 0; i < l->nreqs; i++)
        order[i] = &l->reqs[i];
    qsort(order, l->nreqs, sizeof *order, by_priority);
    for (size_t i = 0; st == CM_OK && i < l->nreqs; i++) {
        cm_label_request *r = order[i];
        cm_item *it = &r->proto;
        if ((st = cm_text_measure(text, it, err)) != CM_OK)
            break;
        if (r->kind != CM_LABEL_LINE && near_twin(r, out)) {
            st = record(l, it, 0, "the same text is placed nearby");
            continue;
        }
        fit_result f;
        if (r->kind == CM_LABEL_POINT) {
            f = place_point(l, r, it, out);
        } else if (r->kind == CM_LABEL_LINE) {
            double s0 = 0;
            f = place_line(l, r, it, out, NULL, 0, 0, &s0);
            if (f == FIT_OK && (st = repeat_line(l, r, it, out, s0)) != CM_OK)
                break;
        } else {
            f = place_area(l, r, it, out);
        }
        if (f != FIT_OK) {
            memset(&it->box, 0, sizeof it->box);
            st = record(l, it, 0,
                        r->kind == CM_LABEL_LINE && f == FIT_FRAME
                            ? "no straight stretch of the line long enough inside "
                              "the frame"
                            : reason_of(f));
            continue;
        }
        if ((st = record(l, it, 1, NULL)) != CM_OK)
            break;
        cm_item *placed = cm_scene_add_item(out, CM_ITEM_TEXT);
        if (!placed) {
            st = CM_ESYS;
            break;
        }
        *placed = *it; /* the scene takes the strings */
        memset(it, 0, sizeof *it);
    }
    free(order);
    if (st == CM_ESYS)
        cm_error_oom(err);
    return st;
}
