/* furniture: panels are plain scene items, so every backend draws them and the SVG keeps
 * each in a layer of its own. Sizes are in points, converted with the map's dpi. */
#include "furniture.h"

#include "../project/clip.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARGIN_PT 10.0
#define PAD_PT 6.0

typedef struct {
    cm_build *b;
    cm_text *text;
    cm_error *err;
    const char *font;
} furn_ctx;

static double px(const furn_ctx *c, double pt)
{
    return pt * c->b->dpi / 72.0;
}

/* A text item at (x, baseline y), measured; NULL on failure. */
static cm_item *add_text(furn_ctx *c, cm_scene_layer *L, const char *s, double size_pt, int bold,
                         cm_color col, double x, double y, const char *cls)
{
    cm_item *it = cm_scene_add_item(L, CM_ITEM_TEXT);
    if (!it)
        return NULL;
    it->text = cm_strdup(s);
    it->font = cm_strdup(c->font);
    if (!it->text || !it->font || cm_item_set_strings(it, NULL, NULL, cls) != CM_OK)
        return NULL;
    it->size_px = px(c, size_pt);
    it->bold = bold;
    it->fill = col;
    it->x = x;
    it->y = y;
    if (cm_text_measure(c->text, it, c->err) != CM_OK)
        return NULL;
    it->box = (cm_box){x, y - it->ascent_px, x + it->width_px, y + it->descent_px};
    return it;
}

static cm_item *add_rect(cm_scene_layer *L, double x0, double y0, double x1, double y1,
                         cm_color fill, cm_color stroke, double width, const char *cls)
{
    cm_item *it = cm_scene_add_item(L, CM_ITEM_PATH);
    if (!it || cm_item_set_strings(it, NULL, NULL, cls) != CM_OK)
        return NULL;
    it->path.type = CM_GEOM_POLYGON;
    if (cm_geom_add(&it->path, x0, y0) || cm_geom_add(&it->path, x1, y0) ||
        cm_geom_add(&it->path, x1, y1) || cm_geom_add(&it->path, x0, y1))
        return NULL;
    it->fill = fill;
    it->stroke = stroke;
    it->stroke_width_px = width;
    it->box = (cm_box){x0, y0, x1, y1};
    return it;
}

static cm_item *add_line(cm_scene_layer *L, double x0, double y0, double x1, double y1,
                         cm_color stroke, double width, const char *cls)
{
    cm_item *it = cm_scene_add_item(L, CM_ITEM_PATH);
    if (!it || cm_item_set_strings(it, NULL, NULL, cls) != CM_OK)
        return NULL;
    it->path.type = CM_GEOM_LINE;
    if (cm_geom_add(&it->path, x0, y0) || cm_geom_add(&it->path, x1, y1))
        return NULL;
    it->stroke = stroke;
    it->stroke_width_px = width;
    return it;
}

static const cm_color PANEL = {1, 1, 1, 0.88}, EDGE = {0.45, 0.45, 0.45, 1},
                      INK = {0.1, 0.1, 0.1, 1}, GREY = {0.3, 0.3, 0.3, 1};

/* Shifts every item of L from index `from` by dx, dy. */
static void shift(cm_scene_layer *L, size_t from, double dx, double dy)
{
    for (size_t i = from; i < L->count; i++) {
        cm_item *it = &L->items[i];
        for (size_t k = 0; k < it->path.npts; k++) {
            it->path.pts[k].x += dx;
            it->path.pts[k].y += dy;
        }
        it->x += dx;
        it->y += dy;
        it->box.x0 += dx;
        it->box.x1 += dx;
        it->box.y0 += dy;
        it->box.y1 += dy;
    }
}

/* Wraps a run of items (first..end) in a panel at an anchor, stacked inwards from what
 * already sits at that corner, and makes it an obstacle for labels. */
static int panel(furn_ctx *c, cm_scene_layer *L, size_t first, cm_anchor anchor, cm_labeler *labels,
                 cm_box *out)
{
    cm_box b = {INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (size_t i = first; i < L->count; i++) {
        b.x0 = fmin(b.x0, L->items[i].box.x0);
        b.y0 = fmin(b.y0, L->items[i].box.y0);
        b.x1 = fmax(b.x1, L->items[i].box.x1);
        b.y1 = fmax(b.y1, L->items[i].box.y1);
    }
    double pad = px(c, PAD_PT), m = px(c, MARGIN_PT);
    double w = b.x1 - b.x0 + 2 * pad, h = b.y1 - b.y0 + 2 * pad;
    int right = anchor == CM_ANCHOR_TOP_RIGHT || anchor == CM_ANCHOR_BOTTOM_RIGHT;
    int top = anchor == CM_ANCHOR_TOP_LEFT || anchor == CM_ANCHOR_TOP_RIGHT;
    double oy = c->b->corner_px[anchor];
    double x0 = right ? c->b->width_px - m - w : m;
    double y0 = top ? m + oy : c->b->height_px - m - h - oy;
    c->b->corner_px[anchor] += h + px(c, 4);
    shift(L, first, x0 + pad - b.x0, y0 + pad - b.y0);
    /* the panel goes beneath its contents: add it, then rotate it to the front */
    if (!add_rect(L, x0, y0, x0 + w, y0 + h, PANEL, EDGE, px(c, 0.5), "panel"))
        return -1;
    cm_item rect = L->items[L->count - 1];
    memmove(&L->items[first + 1], &L->items[first], (L->count - 1 - first) * sizeof rect);
    L->items[first] = rect;
    cm_box box = {x0, y0, x0 + w, y0 + h};
    if (out)
        *out = box;
    return cm_labeler_add_obstacle(labels, box) == CM_OK ? 0 : -1;
}

/* Shrinks a text item (to 55% at most) until it is no wider than max_px. */
static int fit_width(furn_ctx *c, cm_item *t, double max_px)
{
    double k = t->width_px > max_px ? fmax(0.55, max_px / t->width_px) : 1;
    if (k == 1)
        return 0;
    t->size_px *= k;
    if (cm_text_measure(c->text, t, c->err) != CM_OK)
        return -1;
    t->box = (cm_box){t->x, t->y - t->ascent_px, t->x + t->width_px, t->y + t->descent_px};
    return 0;
}

static int title_block(furn_ctx *c, cm_scene *furn, cm_labeler *labels)
{
    const cm_map_style *s = c->b->style;
    cm_scene_layer *L = cm_scene_add_layer(furn, "title", "Title");
    if (!L)
        return -1;
    double y = 0;
    cm_item *t = add_text(c, L, s->title ? s->title : s->id, 15, 1, INK, 0, 0, "title");
    if (!t || fit_width(c, t, c->b->width_px * 0.62))
        return -1;
    y = t->descent_px;
    if (s->subtitle) {
        cm_item *sub = add_text(c, L, s->subtitle, 8.5, 0, GREY, 0, 0, "subtitle");
        if (!sub || fit_width(c, sub, c->b->width_px * 0.62))
            return -1;
        sub->y = y + px(c, 3) + sub->ascent_px;
        sub->box = (cm_box){0, sub->y - sub->ascent_px, sub->width_px, sub->y + sub->descent_px};
    }
    return panel(c, L, 0, c->b->style->anchors[CM_FURN_TITLE], labels, NULL);
}

/* The legend text for a scene class "layer-status". */
static void legend_text(char *buf, size_t n, const cm_style_layer *L, const char *cls)
{
    const char *status = strncmp(cls, L->id, strlen(L->id)) == 0 && cls[strlen(L->id)] == '-'
                             ? cls + strlen(L->id) + 1
                             : "";
    if (!*status || !strcmp(status, "operational") || !strcmp(status, "casing")) {
        snprintf(buf, n, "%s", L->label);
        return;
    }
    char st[64];
    snprintf(st, sizeof st, "%s", status);
    for (char *p = st; *p; p++)
        if (*p == '_')
            *p = ' ';
    snprintf(buf, n, "%s (%s)", L->label, st);
}

static int legend(furn_ctx *c, const cm_scene *map, cm_scene *furn, cm_labeler *labels)
{
    const cm_map_style *s = c->b->style;
    cm_scene_layer *F = cm_scene_add_layer(furn, "legend", "Legend");
    if (!F)
        return -1;
    double row = px(c, 11), sw = px(c, 22), y = 0, col_x = 0, col_w = 0, top = 0;
    /* rows flow into a new column past this height, so the legend never hides the map */
    double max_h = c->b->height_px * 0.56;
    cm_item *head = add_text(c, F, "Legend", 9, 1, INK, 0, 0, "legend-title");
    if (!head)
        return -1;
    y = top = head->descent_px + px(c, 2);
    for (size_t i = 0; i < map->nlayers; i++) {
        const cm_scene_layer *M = &map->layers[i];
        const cm_style_layer *SL = NULL;
        for (size_t k = 0; k < s->nlayers; k++)
            if (!strcmp(s->layers[k].id, M->id))
                SL = &s->layers[k];
        if (SL ? !SL->legend : (M->count == 0 || !strcmp(M->id, "graticule")))
            continue; /* a layer the map adds itself (countries crossed) is shown */
        for (size_t k = 0; k < M->count; k++) {
            const cm_item *it = &M->items[k];
            if (!it->css_class || strstr(it->css_class, "-casing"))
                continue;
            int seen = 0;
            for (size_t j = 0; j < k && !seen; j++)
                seen = M->items[j].css_class && !strcmp(M->items[j].css_class, it->css_class);
            if (seen)
                continue;
            if (y + row - top > max_h) {
                col_x += col_w + px(c, 12);
                col_w = 0;
                y = top;
            }
            double cy = y + row / 2;
            cm_item *sample = NULL;
            if (it->kind == CM_ITEM_MARKER) {
                sample = cm_scene_add_item(F, CM_ITEM_MARKER);
                if (!sample)
                    return -1;
                *sample = *it;
                sample->feature_id = sample->name = sample->text = sample->font = NULL;
                sample->css_class = cm_strdup(it->css_class);
                memset(&sample->path, 0, sizeof sample->path);
                sample->x = col_x + sw / 2;
                sample->y = cy;
                double r = sample->radius_px;
                sample->box = (cm_box){sample->x - r, cy - r, sample->x + r, cy + r};
            } else if (it->fill.a > 0) {
                sample = add_rect(F, col_x, cy - row * 0.3, col_x + sw, cy + row * 0.3, it->fill,
                                  it->stroke, it->stroke_width_px, it->css_class);
            } else {
                sample = add_line(F, col_x, cy, col_x + sw, cy, it->stroke, it->stroke_width_px,
                                  it->css_class);
                if (sample) {
                    sample->ndash = it->ndash;
                    memcpy(sample->dash_px, it->dash_px, sizeof it->dash_px);
                    sample->box = (cm_box){col_x, cy - 1, col_x + sw, cy + 1};
                }
            }
            if (!sample)
                return -1;
            char label[200];
            if (SL)
                legend_text(label, sizeof label, SL, it->css_class);
            else
                snprintf(label, sizeof label, "%s", M->label);
            cm_item *t =
                add_text(c, F, label, 7.5, 0, INK, col_x + sw + px(c, 5), 0, "legend-text");
            if (!t)
                return -1;
            col_w = fmax(col_w, sw + px(c, 5) + t->width_px);
            t->y = cy + (t->ascent_px - t->descent_px) / 2;
            t->box = (cm_box){t->x, t->y - t->ascent_px, t->x + t->width_px, t->y + t->descent_px};
            y += row;
        }
    }
    return panel(c, F, 0, c->b->style->anchors[CM_FURN_LEGEND], labels, NULL);
}

int cm_furniture_scale(cm_build *b, double target_px, double *km, double *km_per_px)
{
    /* measured along the centre row, where the bar's note says it holds */
    cm_xy c0 = {b->frame[0] + (b->frame[2] - b->frame[0]) * 0.5, (b->frame[1] + b->frame[3]) / 2};
    double step = (b->frame[2] - b->frame[0]) / b->width_px * 50;
    cm_xy c1 = {c0.x + step, c0.y};
    if (cm_proj_inverse(b->proj, &c0) || cm_proj_inverse(b->proj, &c1))
        return -1;
    *km_per_px = cm_geodesic_km(c0.x, c0.y, c1.x, c1.y) / 50;
    double want = target_px * *km_per_px;
    double mag = pow(10, floor(log10(want)));
    static const double nice[] = {1, 2, 5, 10};
    double best = mag;
    for (int k = 0; k < 4; k++)
        if (nice[k] * mag <= want)
            best = fmax(best, nice[k] * mag);
    *km = best;
    return 0;
}

/* The angle of true north from page-up at page point (x, y), in radians (positive: north
 * leans right); -1 when the projection cannot tell there. */
static int north_angle(cm_build *b, double x, double y, double *angle)
{
    cm_xy q = {b->frame[0] + x / b->width_px * (b->frame[2] - b->frame[0]),
               b->frame[3] - y / b->height_px * (b->frame[3] - b->frame[1])};
    double x1, y1, x2, y2;
    if (cm_proj_inverse(b->proj, &q) || q.y > 89.9 || cm_build_to_page(b, q.x, q.y, &x1, &y1) ||
        cm_build_to_page(b, q.x, q.y + 0.05, &x2, &y2))
        return -1;
    *angle = atan2(x2 - x1, -(y2 - y1));
    return 0;
}

/* A north arrow at (x, y) in the layer's own units, drawn only where north is not up
 * everywhere on the map (a conic or polar projection): it points to true north at the
 * map's centre, and the note says so. */
static int north_arrow(furn_ctx *c, cm_scene_layer *L, double x, double bar_h)
{
    cm_build *b = c->b;
    double spread = 0, centre;
    if (north_angle(b, b->width_px / 2, b->height_px / 2, &centre))
        return 0;
    for (int i = 0; i <= 2; i++)
        for (int j = 0; j <= 2; j++) {
            double a;
            if (!north_angle(b, b->width_px * i / 2, b->height_px * j / 2, &a))
                spread = fmax(spread, fabs(a - centre));
        }
    if (spread < 1.0 * M_PI / 180)
        return 0; /* north is up everywhere: an arrow would say nothing */
    double len = px(c, 16), w = px(c, 5), cx = x + len / 2, cy = bar_h / 2 - px(c, 4);
    double ux = sin(centre), uy = -cos(centre), nx = -uy, ny = ux;
    cm_item *it = cm_scene_add_item(L, CM_ITEM_PATH);
    if (!it || cm_item_set_strings(it, NULL, NULL, "north-arrow") != CM_OK)
        return -1;
    it->path.type = CM_GEOM_POLYGON;
    double tipx = cx + ux * len / 2, tipy = cy + uy * len / 2;
    double bx = cx - ux * len / 2, by = cy - uy * len / 2;
    if (cm_geom_add(&it->path, tipx, tipy) || cm_geom_add(&it->path, bx + nx * w, by + ny * w) ||
        cm_geom_add(&it->path, cx - ux * len * 0.2, cy - uy * len * 0.2) ||
        cm_geom_add(&it->path, bx - nx * w, by - ny * w))
        return -1;
    it->fill = INK;
    it->box = (cm_box){cx - len / 2, cy - len / 2, cx + len / 2, cy + len / 2};
    cm_item *t = add_text(c, L, "N", 7, 1, INK, 0, 0, "north-label");
    if (!t)
        return -1;
    t->x = tipx + ux * px(c, 5) - t->width_px / 2;
    t->y = tipy + uy * px(c, 5) + (t->ascent_px - t->descent_px) / 2;
    t->box = (cm_box){t->x, t->y - t->ascent_px, t->x + t->width_px, t->y + t->descent_px};
    return 0;
}

static int scale_bar(furn_ctx *c, cm_scene *furn, cm_labeler *labels)
{
    double km, kmpp;
    if (cm_furniture_scale(c->b, px(c, 110), &km, &kmpp))
        return 0; /* no scale where the centre cannot be inverted: better none than wrong */
    cm_scene_layer *L = cm_scene_add_layer(furn, "scale-bar", "Scale bar");
    if (!L)
        return -1;
    double len = km / kmpp, h = px(c, 3.5);
    c->b->scale_km = km;
    c->b->scale_px = len;
    cm_color white = {1, 1, 1, 1};
    for (int k = 0; k < 4; k++) /* four alternating blocks */
        if (!add_rect(L, len * k / 4, 0, len * (k + 1) / 4, h, k % 2 ? white : INK, INK, px(c, 0.5),
                      k % 2 ? "scale-light" : "scale-dark"))
            return -1;
    char num[64];
    for (int k = 0; k <= 4; k += 2) {
        double v = km * k / 4;
        snprintf(num, sizeof num, k == 4 ? "%g km" : "%g", v);
        cm_item *t = add_text(c, L, num, 6.5, 0, INK, 0, 0, "scale-text");
        if (!t)
            return -1;
        t->x = len * k / 4 - (k == 0 ? 0 : k == 4 ? t->width_px * 0.2 : t->width_px / 2);
        t->y = -px(c, 2);
        t->box = (cm_box){t->x, t->y - t->ascent_px, t->x + t->width_px, t->y + t->descent_px};
    }
    cm_xy centre = {(c->b->frame[0] + c->b->frame[2]) / 2, (c->b->frame[1] + c->b->frame[3]) / 2};
    cm_proj_inverse(c->b->proj, &centre);
    char note[128];
    snprintf(note, sizeof note, "Scale true east-west at %.0f°%s %.0f°%s (map centre)",
             fabs(centre.y), centre.y >= 0 ? "N" : "S", fabs(centre.x), centre.x >= 0 ? "E" : "W");
    cm_item *t = add_text(c, L, note, 5.5, 0, GREY, 0, h + px(c, 7), "scale-note");
    if (!t)
        return -1;
    if (north_arrow(c, L, len + px(c, 26), h))
        return -1;
    return panel(c, L, 0, c->b->style->anchors[CM_FURN_SCALE], labels, NULL);
}

static int credits(furn_ctx *c, cm_scene *furn, cm_labeler *labels)
{
    cm_scene_layer *L = cm_scene_add_layer(furn, "credits", "Sources");
    if (!L)
        return -1;
    char line[1024] = "Features: ";
    for (int i = 0; i < c->b->ncited; i++) {
        size_t n = strlen(line);
        snprintf(line + n, sizeof line - n, "%s%s", i ? ", " : "", c->b->cited[i]);
    }
    const char *lines[3] = {
        "Base map: Natural Earth 1:10m (public domain); lakes and rivers: GSHHG (LGPL)",
        c->b->ncited ? line : "Features: user data",
        "Papers: ../shared/seeds; made with corridormap (PROJ, Cairo, Pango)",
    };
    double y = 0;
    for (int i = 0; i < 3; i++) {
        cm_item *t = add_text(c, L, lines[i], 5.5, 0, GREY, 0, 0, "credit-text");
        if (!t)
            return -1;
        t->y = y + t->ascent_px;
        t->box = (cm_box){0, y, t->width_px, t->y + t->descent_px};
        y = t->box.y1 + px(c, 1);
    }
    return panel(c, L, 0, c->b->style->anchors[CM_FURN_CREDITS], labels, NULL);
}

/* The inset locator: Eurasia small, with the map's frame outlined in red. */
static int inset(furn_ctx *c, cm_scene *furn, cm_labeler *labels)
{
    cm_build *b = c->b;
    const cm_layer *countries = NULL;
    for (size_t i = 0; i < b->style->nsources; i++)
        if (!strcmp(b->style->sources[i].id, "countries"))
            countries = &b->sources[i];
    if (!countries)
        return 0;
    cm_proj *ip = NULL;
    cm_error perr = CM_ERROR_INIT;
    double box[4] = {-12, 2, 178, 78}, f[4];
    double W = px(c, 130), H = W / 1.55;
    int rc = -1;
    if (cm_proj_create("+proj=lcc +lat_1=30 +lat_2=62 +lat_0=45 +lon_0=85 +datum=WGS84", &ip,
                       &perr) != CM_OK ||
        cm_proj_frame(ip, box, W / H, f, &perr) != CM_OK)
        goto done;
    cm_scene_layer *L = cm_scene_add_layer(furn, "inset", "Locator map");
    if (!L || !add_rect(L, 0, 0, W, H, b->style->background, EDGE, px(c, 0.4), "inset-sea"))
        goto done;
    double sx = W / (f[2] - f[0]), sy = H / (f[3] - f[1]);
    cm_clip *clip = cm_clip_new();
    cm_item *land = cm_scene_add_item(L, CM_ITEM_PATH);
    if (!clip || !land || cm_item_set_strings(land, NULL, NULL, "inset-land") != CM_OK) {
        cm_clip_free(clip);
        goto done;
    }
    land->fill = (cm_color){0.86, 0.83, 0.76, 1};
    land->path.type = CM_GEOM_POLYGON;
    cm_geom all = {.type = CM_GEOM_POLYGON};
    for (size_t i = 0; i < countries->count; i++) {
        const cm_geom *g = &countries->items[i].geom;
        for (size_t k = 0; k < g->nparts; k++) {
            size_t n = cm_geom_part_len(g, k);
            cm_xy *q = malloc(n * sizeof *q);
            if (!q)
                continue;
            memcpy(q, cm_geom_part(g, k), n * sizeof *q);
            cm_proj_forward(ip, q, n);
            if (cm_geom_begin_part(&all) == CM_OK) {
                double lx = -1e9, ly = -1e9;
                for (size_t j = 0; j < n; j++) {
                    double x = (q[j].x - f[0]) * sx, y = (f[3] - q[j].y) * sy;
                    if (isnan(x) || hypot(x - lx, y - ly) < 0.7)
                        continue; /* a pixel of the inset is enough detail */
                    cm_geom_add(&all, x, y);
                    lx = x;
                    ly = y;
                }
            }
            free(q);
        }
    }
    double r[4] = {0, 0, W, H};
    cm_clip_rect(clip, &all, r, &land->path);
    cm_geom_free(&all);
    cm_clip_free(clip);
    land->box = (cm_box){0, 0, W, H};
    /* the main map's frame, inverse-projected and drawn in the inset's projection */
    cm_item *fr = cm_scene_add_item(L, CM_ITEM_PATH);
    if (!fr || cm_item_set_strings(fr, NULL, NULL, "inset-frame") != CM_OK)
        goto done;
    fr->path.type = CM_GEOM_POLYGON;
    fr->stroke = (cm_color){0.85, 0.1, 0.1, 1};
    fr->stroke_width_px = px(c, 1.1);
    fr->box = (cm_box){0, 0, W, H};
    for (int e = 0; e < 4; e++)
        for (int i = 0; i < 32; i++) {
            double t = i / 32.0;
            double ex = e == 0 ? t : e == 1 ? 1 : e == 2 ? 1 - t : 0;
            double ey = e == 0 ? 0 : e == 1 ? t : e == 2 ? 1 : 1 - t;
            cm_xy q = {b->frame[0] + ex * (b->frame[2] - b->frame[0]),
                       b->frame[1] + ey * (b->frame[3] - b->frame[1])};
            if (cm_proj_inverse(b->proj, &q) || cm_proj_forward(ip, &q, 1))
                continue;
            double x = fmin(W, fmax(0, (q.x - f[0]) * sx)), y = fmin(H, fmax(0, (f[3] - q.y) * sy));
            if (cm_geom_add(&fr->path, x, y) != CM_OK)
                goto done;
        }
    rc = panel(c, L, 0, b->style->anchors[CM_FURN_INSET], labels, NULL);
done:
    cm_proj_free(ip);
    cm_error_clear(&perr);
    return rc;
}

/* Queues one degree label just inside the frame at page point (x, y) on an edge. */
static int edge_label(furn_ctx *c, cm_labeler *labels, double v, int parallel, double x, double y,
                      int edge)
{
    char txt[32];
    double a = fabs(v);
    snprintf(txt, sizeof txt, "%g°%s", a,
             parallel ? (v > 0   ? "N"
                         : v < 0 ? "S"
                                 : "")
                      : (v > 0 && v < 180    ? "E"
                         : v < 0 && v > -180 ? "W"
                                             : ""));
    cm_item proto = {0};
    proto.kind = CM_ITEM_TEXT;
    proto.text = cm_strdup(txt);
    proto.font = cm_strdup(c->font);
    if (!proto.text || !proto.font ||
        cm_item_set_strings(&proto, "graticule", txt, "graticule-label") != CM_OK) {
        free(proto.text);
        free(proto.font);
        free(proto.feature_id);
        free(proto.name);
        free(proto.css_class);
        return -1;
    }
    proto.size_px = px(c, 5.5);
    proto.fill = (cm_color){0.29, 0.42, 0.55, 1};
    proto.halo = c->b->style->background;
    proto.halo_px = px(c, 1);
    /* edge 0 top, 1 bottom, 2 left, 3 right: step inwards by half a label */
    double in_y = px(c, 6), in_x = px(c, 15);
    y += edge == 0 ? in_y : edge == 1 ? -in_y : 0;
    x += edge == 2 ? in_x : edge == 3 ? -in_x : 0;
    return cm_labeler_add_area(labels, &proto, x, y, 80) == CM_OK ? 0 : -1;
}

/* Degree labels where the graticule meets the frame: meridians at the top and bottom
 * edges, parallels at the left and right, queued as labels so they avoid the panels. */
static int graticule_labels(furn_ctx *c, cm_scene *furn, cm_labeler *labels)
{
    (void)furn;
    cm_build *b = c->b;
    double W = b->width_px, H = b->height_px;
    cm_gratline *lines;
    size_t n;
    if (cm_build_graticule_lines(b, &lines, &n) != CM_OK)
        return -1;
    int rc = 0;
    for (size_t k = 0; k < n && rc == 0; k++) {
        int parallel = lines[k].parallel;
        double x0 = NAN, y0 = NAN;
        int done[4] = {0, 0, 0, 0};
        for (size_t i = 0; i < lines[k].line.npts && rc == 0; i++) {
            double x, y;
            const cm_xy *q = &lines[k].line.pts[i];
            if (cm_build_to_page(b, q->x, q->y, &x, &y)) {
                x0 = NAN;
                continue;
            }
            /* meridians meet the top and bottom edges, parallels the left and right */
            for (int e = parallel ? 2 : 0; !isnan(x0) && e < (parallel ? 4 : 2); e++) {
                double edge = e == 0 ? 0 : e == 1 ? H : e == 2 ? 0 : W;
                double a = e < 2 ? y0 : x0, bnow = e < 2 ? y : x;
                if (done[e] || a == bnow || (a - edge) * (bnow - edge) > 0)
                    continue;
                double t = (edge - a) / (bnow - a);
                double cx = x0 + t * (x - x0), cy = y0 + t * (y - y0);
                if (cx < 0 || cx > W || cy < 0 || cy > H)
                    continue; /* crosses the edge's line outside the frame */
                done[e] = 1;
                rc = edge_label(c, labels, lines[k].value, parallel, cx, cy, e);
            }
            x0 = x;
            y0 = y;
        }
    }
    cm_build_graticule_free(lines, n);
    return rc;
}

cm_status cm_furniture_add(cm_build *b, cm_text *text, const cm_scene *map, cm_scene *furn,
                           cm_labeler *labels, cm_error *err)
{
    furn_ctx c = {b, text, err, b->style->font};
    int before = err->count;
    const cm_anchor *a = b->style->anchors;
    /* credits first: the scale bar stacks above them in their corner */
    if ((a[CM_FURN_TITLE] != CM_ANCHOR_NONE && title_block(&c, furn, labels)) ||
        (a[CM_FURN_LEGEND] != CM_ANCHOR_NONE && legend(&c, map, furn, labels)) ||
        (a[CM_FURN_CREDITS] != CM_ANCHOR_NONE && credits(&c, furn, labels)) ||
        (a[CM_FURN_SCALE] != CM_ANCHOR_NONE && scale_bar(&c, furn, labels)) ||
        (a[CM_FURN_INSET] != CM_ANCHOR_NONE && inset(&c, furn, labels)) ||
        graticule_labels(&c, furn, labels))
        return err->count > before ? err->status : cm_error_oom(err);
    return CM_OK;
}

cm_status cm_furniture_table(cm_build *b, cm_text *text, cm_scene *furn, cm_labeler *labels,
                             const char *title, const char *const *cells, int ncols, int nrows,
                             const char *note, cm_error *err)
{
    furn_ctx c = {b, text, err, b->style->font};
    int before = err->count;
    cm_scene_layer *L = cm_scene_add_layer(furn, "table", "Comparison table");
    if (!L)
        return cm_error_oom(err);
    double col_w[16] = {0}, gap = px(&c, 8), row_h = px(&c, 10.5), y = 0;
    cm_item *t = add_text(&c, L, title, 9, 1, INK, 0, 0, "table-title");
    if (!t)
        goto fail;
    y = t->descent_px + px(&c, 4);
    size_t first_cell = L->count;
    /* measure at x = 0, then move each column right once all widths are known */
    for (int r = 0; r < nrows; r++) {
        for (int k = 0; k < ncols && k < 16; k++) {
            cm_item *cell =
                add_text(&c, L, cells[r * ncols + k], 6.8, r == 0, r == 0 ? GREY : INK, 0,
                         y + row_h * (r + 0.75), r == 0 ? "table-head" : "table-cell");
            if (!cell)
                goto fail;
            col_w[k] = fmax(col_w[k], cell->width_px);
        }
    }
    for (int r = 0; r < nrows; r++) {
        double x = 0;
        for (int k = 0; k < ncols && k < 16; k++) {
            cm_item *cell = &L->items[first_cell + (size_t)r * ncols + k];
            /* numbers right-aligned, words left */
            int numeric = cells[r * ncols + k][0] >= '0' && cells[r * ncols + k][0] <= '9';
            double dx = x + (numeric && r > 0 ? col_w[k] - cell->width_px : 0);
            cell->x += dx;
            cell->box.x0 += dx;
            cell->box.x1 += dx;
            x += col_w[k] + gap;
        }
        if (r == 0 && !add_line(L, 0, y + row_h * 1.05, x - gap, y + row_h * 1.05, GREY,
                                px(&c, 0.4), "table-rule"))
            goto fail;
    }
    if (note) {
        cm_item *n =
            add_text(&c, L, note, 5.5, 0, GREY, 0, y + row_h * (nrows + 0.6), "table-note");
        if (!n)
            goto fail;
    }
    if (panel(&c, L, 0, b->style->anchors[CM_FURN_TABLE], labels, NULL))
        goto fail;
    return CM_OK;
fail:
    return err->count > before ? err->status : cm_error_oom(err);
}
