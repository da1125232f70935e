/* furniture: panels are plain scene items, so every backend draws them and the SVG keeps
 * each in a layer of its own. Sizes are in points, converted with the map's dpi. */
#include "furniture.h"

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

/* Wraps a run of items (first..end) in a panel placed at the corner (sx, sy: -1 left/top,
 * +1 right/bottom) and offset oy_px further in from it; returns the panel box. */
static int panel(furn_ctx *c, cm_scene_layer *L, size_t first, double oy_px, int sx, int sy,
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
    double x0 = sx < 0 ? m : c->b->width_px - m - w;
    double y0 = sy < 0 ? m + oy_px : c->b->height_px - m - h - oy_px;
    shift(L, first, x0 + pad - b.x0, y0 + pad - b.y0);
    /* the panel goes beneath its contents: add it, then rotate it to the front */
    if (!add_rect(L, x0, y0, x0 + w, y0 + h, PANEL, EDGE, px(c, 0.5), "panel"))
        return -1;
    cm_item rect = L->items[L->count - 1];
    memmove(&L->items[first + 1], &L->items[first], (L->count - 1 - first) * sizeof rect);
    L->items[first] = rect;
    *out = (cm_box){x0, y0, x0 + w, y0 + h};
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
    if (!t)
        return -1;
    y = t->descent_px;
    if (s->subtitle) {
        cm_item *sub = add_text(c, L, s->subtitle, 8.5, 0, GREY, 0, 0, "subtitle");
        if (!sub)
            return -1;
        sub->y = y + px(c, 3) + sub->ascent_px;
        sub->box = (cm_box){0, sub->y - sub->ascent_px, sub->width_px, sub->y + sub->descent_px};
    }
    cm_box box;
    return panel(c, L, 0, 0, -1, -1, &box) || cm_labeler_add_obstacle(labels, box) ? -1 : 0;
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
        if (SL ? !SL->legend : M->count == 0)
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
            cm_item *t = add_text(c, F, label, 7.5, 0, INK, col_x + sw + px(c, 5), 0,
                                  "legend-text");
            if (!t)
                return -1;
            col_w = fmax(col_w, sw + px(c, 5) + t->width_px);
            t->y = cy + (t->ascent_px - t->descent_px) / 2;
            t->box = (cm_box){t->x, t->y - t->ascent_px, t->x + t->width_px, t->y + t->descent_px};
            y += row;
        }
    }
    cm_box box;
    return panel(c, F, 0, 0, -1, 1, &box) || cm_labeler_add_obstacle(labels, box) ? -1 : 0;
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
    double best = mag;
    for (int m = 1; m <= 10; m++) {
        static const double nice[] = {1, 2, 5, 10};
        for (int k = 0; k < 4; k++)
            if (nice[k] * mag <= want)
                best = fmax(best, nice[k] * mag);
        (void)m;
    }
    *km = best;
    return 0;
}

static int scale_bar(furn_ctx *c, cm_scene *furn, cm_labeler *labels, double oy, cm_box *out)
{
    double km, kmpp;
    if (cm_furniture_scale(c->b, px(c, 110), &km, &kmpp))
        return 0; /* no scale where the centre cannot be inverted: better none than wrong */
    cm_scene_layer *L = cm_scene_add_layer(furn, "scale-bar", "Scale bar");
    if (!L)
        return -1;
    double len = km / kmpp, h = px(c, 3.5);
    cm_color white = {1, 1, 1, 1};
    for (int k = 0; k < 4; k++) /* four alternating blocks */
        if (!add_rect(L, len * k / 4, 0, len * (k + 1) / 4, h, k % 2 ? white : INK, INK,
                      px(c, 0.5), k % 2 ? "scale-light" : "scale-dark"))
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
    return panel(c, L, 0, oy, 1, 1, out) || cm_labeler_add_obstacle(labels, *out) ? -1 : 0;
}

static int credits(furn_ctx *c, cm_scene *furn, cm_labeler *labels, double oy)
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
    cm_box box;
    return panel(c, L, 0, oy, 1, 1, &box) || cm_labeler_add_obstacle(labels, box) ? -1 : 0;
}

cm_status cm_furniture_add(cm_build *b, cm_text *text, const cm_scene *map, cm_scene *furn,
                           cm_labeler *labels, cm_error *err)
{
    furn_ctx c = {b, text, err, b->style->font};
    int before = err->count;
    cm_box sb = {0, 0, 0, 0};
    if (title_block(&c, furn, labels) || legend(&c, map, furn, labels) ||
        credits(&c, furn, labels, 0))
        goto fail;
    const cm_scene_layer *cr = &furn->layers[furn->nlayers - 1];
    double oy = cr->items[0].box.y1 - cr->items[0].box.y0 + px(&c, 4);
    if (scale_bar(&c, furn, labels, oy, &sb))
        goto fail;
    return CM_OK;
fail:
    return err->count > before ? err->status : cm_error_oom(err);
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
            cm_item *cell = add_text(&c, L, cells[r * ncols + k], 6.8, r == 0, r == 0 ? GREY : INK,
                                     0, y + row_h * (r + 0.75), r == 0 ? "table-head" : "table-cell");
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
        cm_item *n = add_text(&c, L, note, 5.5, 0, GREY, 0, y + row_h * (nrows + 0.6), "table-note");
        if (!n)
            goto fail;
    }
    cm_box box;
    if (panel(&c, L, 0, 0, 1, -1, &box) || cm_labeler_add_obstacle(labels, box))
        goto fail;
    return CM_OK;
fail:
    return err->count > before ? err->status : cm_error_oom(err);
}
