/* build: the geometry pipeline. Work is cut early: features whose box misses the frame's
 * lon/lat box are never projected, parts wholly inside the frame are never clipped. */
#include "build.h"

#include "../core/grow.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DENSIFY_DEG 0.5  /* long segments curve as the projection bends them */
#define CLIP_MARGIN_PX 8 /* so strokes at the frame edge are not cut short */

static double pt_px(const cm_build *b, double pt)
{
    return pt * b->dpi / 72.0;
}

int cm_build_to_page(cm_build *b, double lon, double lat, double *x, double *y)
{
    cm_xy q = {lon, lat};
    if (cm_proj_forward(b->proj, &q, 1))
        return -1;
    *x = (q.x - b->frame[0]) / (b->frame[2] - b->frame[0]) * b->width_px;
    *y = (b->frame[3] - q.y) / (b->frame[3] - b->frame[1]) * b->height_px;
    return 0;
}

/* Densifies one lon/lat part into buf (reused), then projects it in one PROJ call. */
static cm_status project_part(cm_build *b, const cm_xy *p, size_t n, cm_geom *buf)
{
    buf->npts = 0;
    buf->nparts = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            double dx = p[i].x - p[i - 1].x, dy = p[i].y - p[i - 1].y;
            int steps = (int)ceil(fmax(fabs(dx), fabs(dy)) / DENSIFY_DEG);
            for (int k = 1; k < steps; k++)
                if (cm_geom_add(buf, p[i - 1].x + dx * k / steps, p[i - 1].y + dy * k / steps))
                    return CM_ESYS;
        }
        if (cm_geom_add(buf, p[i].x, p[i].y) != CM_OK)
            return CM_ESYS;
    }
    b->skipped += cm_proj_forward(b->proj, buf->pts, buf->npts);
    double sx = b->width_px / (b->frame[2] - b->frame[0]);
    double sy = b->height_px / (b->frame[3] - b->frame[1]);
    for (size_t i = 0; i < buf->npts; i++) {
        buf->pts[i].x = (buf->pts[i].x - b->frame[0]) * sx;
        buf->pts[i].y = (b->frame[3] - buf->pts[i].y) * sy;
    }
    return CM_OK;
}

/* Appends the runs of finite points of part as separate parts (lines), or the finite
 * points as one ring (polygons), to out. A vertex closer than a quarter pixel to the last
 * one kept is left out (never a part's last): invisible, and 10m coastlines at continental
 * scale hold several vertices per pixel, which every backend would otherwise rasterise. */
static cm_status keep_finite(const cm_geom *part, int ring, cm_geom *out)
{
    int open = 0;
    double lx = 0, ly = 0;
    for (size_t i = 0; i < part->npts; i++) {
        const cm_xy *q = &part->pts[i];
        if (isnan(q->x)) {
            open = ring ? open : 0;
            continue;
        }
        if (!open) {
            if (cm_geom_begin_part(out) != CM_OK)
                return CM_ESYS;
            open = 1;
        } else if (i + 1 < part->npts && !isnan(part->pts[i + 1].x) &&
                   (q->x - lx) * (q->x - lx) + (q->y - ly) * (q->y - ly) < 0.0625) {
            continue;
        }
        if (cm_geom_add(out, q->x, q->y) != CM_OK)
            return CM_ESYS;
        lx = q->x;
        ly = q->y;
    }
    return CM_OK;
}

/* A line that steps across 180 degrees (179.9 -> -169.5) is one line, not a stroke round the
 * world: longitudes are made continuous, and the seam cut then splits it where the map
 * tears. */
static cm_status unwrap_lines(const cm_geom *in, cm_geom *out)
{
    out->type = in->type;
    for (size_t k = 0; k < in->nparts; k++) {
        const cm_xy *p = cm_geom_part(in, k);
        if (cm_geom_begin_part(out) != CM_OK)
            return CM_ESYS;
        double shift = 0;
        for (size_t i = 0; i < cm_geom_part_len(in, k); i++) {
            if (i > 0 && fabs(p[i].x - p[i - 1].x) > 180)
                shift += p[i].x < p[i - 1].x ? 360 : -360;
            if (cm_geom_add(out, p[i].x + shift, p[i].y) != CM_OK)
                return CM_ESYS;
        }
    }
    return CM_OK;
}

cm_status cm_build_project_geom(cm_build *b, const cm_geom *lonlat, cm_geom *out)
{
    cm_geom cut = {0}, buf = {0}, page = {0}, unwrapped = {0};
    cm_status st = CM_OK;
    double seam = cm_proj_central_lon(b->proj) + 180;
    out->type = page.type = lonlat->type;
    if (lonlat->type == CM_GEOM_LINE) {
        if ((st = unwrap_lines(lonlat, &unwrapped)) != CM_OK)
            goto done;
        lonlat = &unwrapped;
    }
    if ((st = cm_clip_seam(b->clip, lonlat, seam, &cut)) != CM_OK)
        goto done;
    for (size_t k = 0; k < cut.nparts && st == CM_OK; k++) {
        if ((st = project_part(b, cm_geom_part(&cut, k), cm_geom_part_len(&cut, k), &buf)))
            break;
        st = keep_finite(&buf, lonlat->type == CM_GEOM_POLYGON, &page);
    }
    if (st == CM_OK) {
        double m = CLIP_MARGIN_PX;
        double rect[4] = {-m, -m, b->width_px + m, b->height_px + m};
        st = cm_clip_rect(b->clip, &page, rect, out);
    }
done:
    cm_geom_free(&unwrapped);
    cm_geom_free(&cut);
    cm_geom_free(&buf);
    cm_geom_free(&page);
    return st;
}

int cm_build_matches(const cm_style_layer *L, const cm_feature *f)
{
    for (size_t i = 0; i < L->nfilters; i++) {
        const char *v = cm_feature_str(f, L->filters[i].key);
        int hit = 0;
        for (size_t k = 0; k < L->filters[i].nvalues && !hit; k++)
            hit = cm_pattern_match(L->filters[i].values[k], v);
        if (!hit)
            return 0;
    }
    return 1;
}

static const char *label_in(const cm_feature *f, const char *lang, char *buf, size_t n)
{
    const char *en = cm_feature_str(f, "name");
    const char *ru = cm_feature_str(f, "name_ru");
    const char *zh = cm_feature_str(f, "name_zh");
    if (!strcmp(lang, "ru"))
        return *ru ? ru : en;
    if (!strcmp(lang, "zh"))
        return *zh ? zh : en;
    const char *second = !strcmp(lang, "en+ru") ? ru : !strcmp(lang, "en+zh") ? zh : "";
    if (!*second || !strcmp(second, en))
        return en;
    snprintf(buf, n, "%s / %s", en, second);
    return buf;
}

char *cm_build_label_text(const char *tmpl, const cm_feature *f, const char *lang)
{
    size_t cap = 256, len = 0;
    char *out = malloc(cap);
    int any = 0;
    if (!out)
        return NULL;
    for (const char *p = tmpl; *p;) {
        const char *piece = p, *close = NULL;
        size_t plen = 1;
        char key[64], both[512];
        if (*p == '{' && (close = strchr(p, '}')) && (size_t)(close - p - 1) < sizeof key) {
            memcpy(key, p + 1, (size_t)(close - p - 1));
            key[close - p - 1] = '\0';
            piece = !strcmp(key, "label") ? label_in(f, lang, both, sizeof both)
                                          : cm_feature_str(f, key);
            plen = strlen(piece);
            any |= plen > 0;
            p = close + 1;
        } else {
            p++;
        }
        if (len + plen + 1 > cap) {
            cap = (len + plen + 1) * 2;
            char *g = realloc(out, cap);
            if (!g) {
                free(out);
                return NULL;
            }
            out = g;
        }
        memcpy(out + len, piece, plen);
        len += plen;
    }
    out[len] = '\0';
    if (!any)
        out[0] = '\0';
    return out;
}

static int box_hits(const double fb[4], const double box[4])
{
    /* a feature at lon 180 also matches a box reaching past it, and vice versa */
    return !(fb[2] < box[0] || fb[0] > box[2] || fb[3] < box[1] || fb[1] > box[3]);
}

/* The class names the look: the layer, plus the status only when the style gives that
 * status a look of its own (so the legend shows one row per look actually drawn). */
static void css_class(char *buf, size_t n, const cm_style_layer *L, const char *status)
{
    for (size_t i = 0; status && i < L->noverrides; i++)
        if (!strcmp(L->overrides[i].status, status)) {
            snprintf(buf, n, "%s-%s", L->id, status);
            return;
        }
    snprintf(buf, n, "%s", L->id);
}

static cm_status make_label(cm_build *b, const cm_style_layer *L, const cm_paint *p,
                            const cm_feature *f, cm_item *proto)
{
    memset(proto, 0, sizeof *proto);
    proto->kind = CM_ITEM_TEXT;
    proto->text = cm_build_label_text(p->text_field, f, b->lang);
    proto->font = cm_strdup(p->text_font[0] ? p->text_font : b->style->font);
    char cls[160];
    snprintf(cls, sizeof cls, "label-%s", L->id);
    if (!proto->text || !proto->font ||
        cm_item_set_strings(proto, f->id, cm_feature_str(f, "name"), cls) != CM_OK)
        return CM_ESYS;
    proto->size_px = pt_px(b, p->text_size);
    proto->fill = p->text_color;
    proto->halo = p->text_halo_color;
    proto->halo_px = pt_px(b, p->text_halo_width);
    proto->italic = p->text_italic;
    proto->letter_spacing_px = pt_px(b, p->text_letter_spacing);
    return CM_OK;
}

/* Where a label goes: by a point (clear of its marker), centred in an area, or along a line. */
typedef struct {
    cm_label_kind kind;
    double x, y, clearance_px, area_width_px;
    const cm_xy *line;
    size_t nline;
} label_spot;

/* Queues the feature's label, if its text is not empty; the labeler takes the strings. */
static cm_status queue_label(cm_build *b, const cm_style_layer *L, const cm_paint *p,
                             const cm_feature *f, const label_spot *at, cm_labeler *labels)
{
    cm_item proto;
    cm_status st = make_label(b, L, p, f, &proto);
    /* a label much wider than its area would name the wrong place */
    int skip =
        st == CM_OK &&
        (!proto.text[0] || (at->kind == CM_LABEL_AREA && at->area_width_px < proto.size_px * 2));
    if (st == CM_OK && !skip) {
        if (at->kind == CM_LABEL_POINT)
            st = cm_labeler_add_point(labels, &proto, at->x, at->y, at->clearance_px,
                                      p->text_priority);
        else if (at->kind == CM_LABEL_AREA)
            st = cm_labeler_add_area(labels, &proto, at->x, at->y, p->text_priority);
        else
            st = cm_labeler_add_line(labels, &proto, at->line, at->nline, p->text_priority);
    }
    cm_item_free_contents(&proto); /* zeroed when the labeler took it */
    return st;
}

/* Records each paper a drawn feature cites (";"-separated), for the source note. */
static void cite(cm_build *b, const cm_feature *f)
{
    const char *s = cm_feature_str(f, "source");
    while (*s) {
        size_t n = strcspn(s, ";");
        char one[64];
        snprintf(one, sizeof one, "%.*s", (int)(n < 63 ? n : 63), s);
        int seen = !*one;
        for (int i = 0; i < b->ncited && !seen; i++)
            seen = !strcmp(b->cited[i], one);
        if (!seen && b->ncited < 24)
            strcpy(b->cited[b->ncited++], one);
        s += n + (s[n] == ';');
    }
}

static cm_status add_point(cm_build *b, const cm_style_layer *L, const cm_feature *f,
                           cm_scene_layer *out, cm_labeler *labels)
{
    const char *status = cm_feature_get(f, "status");
    cm_paint p = cm_style_paint_for(L, status);
    for (size_t k = 0; k < f->geom.npts; k++) {
        double x, y;
        if (cm_build_to_page(b, f->geom.pts[k].x, f->geom.pts[k].y, &x, &y)) {
            b->skipped++;
            continue;
        }
        if (x < 0 || y < 0 || x > b->width_px || y > b->height_px)
            continue;
        cm_item *it = cm_scene_add_item(out, CM_ITEM_MARKER);
        char cls[160];
        css_class(cls, sizeof cls, L, status);
        if (!it || cm_item_set_strings(it, f->id, cm_feature_str(f, "name"), cls) != CM_OK)
            return CM_ESYS;
        cite(b, f);
        it->x = x;
        it->y = y;
        it->radius_px = pt_px(b, p.circle_radius);
        it->shape = p.marker_shape;
        it->fill = p.circle_color;
        it->stroke = p.circle_stroke_color;
        it->stroke_width_px = pt_px(b, p.circle_stroke_width);
        double r = it->radius_px + it->stroke_width_px / 2;
        it->box = (cm_box){x - r, y - r, x + r, y + r};
        if (cm_labeler_add_obstacle(labels, it->box) != CM_OK)
            return CM_ESYS;
        if (!p.text_field[0] || k > 0)
            continue;
        label_spot at = {CM_LABEL_POINT, x, y, r + pt_px(b, 1.5), 0, NULL, 0};
        if (queue_label(b, L, &p, f, &at, labels) != CM_OK)
            return CM_ESYS;
    }
    return CM_OK;
}

/* A label with no marker, centred on the point. */
static cm_status add_symbol(cm_build *b, const cm_style_layer *L, const cm_feature *f,
                            cm_labeler *labels)
{
    cm_paint p = cm_style_paint_for(L, cm_feature_get(f, "status"));
    label_spot at = {CM_LABEL_AREA, 0, 0, 0, INFINITY, NULL, 0};
    if (!p.text_field[0] || f->geom.npts == 0)
        return CM_OK;
    if (cm_build_to_page(b, f->geom.pts[0].x, f->geom.pts[0].y, &at.x, &at.y)) {
        b->skipped++;
        return CM_OK;
    }
    if (at.x < 0 || at.y < 0 || at.x > b->width_px || at.y > b->height_px)
        return CM_OK;
    cite(b, f);
    return queue_label(b, L, &p, f, &at, labels);
}

static cm_status add_path(cm_build *b, const cm_style_layer *L, const cm_feature *f,
                          cm_scene_layer *out, cm_labeler *labels)
{
    const char *status = cm_feature_get(f, "status");
    cm_paint p = cm_style_paint_for(L, status);
    cm_geom page = {0};
    cm_status st = cm_build_project_geom(b, &f->geom, &page);
    if (st != CM_OK || page.nparts == 0) {
        cm_geom_free(&page);
        return st;
    }
    cm_item *it = cm_scene_add_item(out, CM_ITEM_PATH);
    char cls[160];
    css_class(cls, sizeof cls, L, status);
    if (!it || cm_item_set_strings(it, f->id, cm_feature_str(f, "name"), cls) != CM_OK) {
        cm_geom_free(&page);
        return CM_ESYS;
    }
    it->path = page;
    cite(b, f);
    if (L->type == CM_LAYER_FILL) {
        it->fill = p.fill_color;
        it->fill.a *= p.fill_opacity;
        it->stroke = p.fill_outline_color;
        it->stroke_width_px = pt_px(b, p.fill_outline_width);
    } else {
        it->fill.a = 0;
        it->stroke = p.line_color;
        it->stroke.a *= p.line_opacity;
        it->stroke_width_px = pt_px(b, p.line_width);
        it->ndash = p.line_dash_count;
        for (int k = 0; k < it->ndash; k++)
            it->dash_px[k] = p.line_dasharray[k] * it->stroke_width_px;
        if (p.line_casing_width > 0) {
            /* the casing goes beneath: swap it in front of the line just added */
            cm_item *cas = cm_scene_add_item(out, CM_ITEM_PATH);
            if (!cas)
                return CM_ESYS;
            it = &out->items[out->count - 2];
            *cas = *it;
            memset(it, 0, sizeof *it);
            char ccls[170];
            snprintf(ccls, sizeof ccls, "%s-casing", L->id);
            if (cm_item_set_strings(it, cas->feature_id, cas->name, ccls) != CM_OK)
                return CM_ESYS;
            if (cas->path.npts) {
                for (size_t k = 0; k < cas->path.nparts; k++) {
                    if (cm_geom_begin_part(&it->path) != CM_OK)
                        return CM_ESYS;
                    const cm_xy *q = cm_geom_part(&cas->path, k);
                    for (size_t j = 0; j < cm_geom_part_len(&cas->path, k); j++)
                        if (cm_geom_add(&it->path, q[j].x, q[j].y) != CM_OK)
                            return CM_ESYS;
                }
            }
            it->path.type = cas->path.type;
            it->stroke = p.line_casing_color;
            it->stroke_width_px = cas->stroke_width_px + 2 * pt_px(b, p.line_casing_width);
            it = cas;
        }
    }
    if (L->type == CM_LAYER_FILL && p.text_field[0]) {
        label_spot at = {CM_LABEL_AREA, 0, 0, 0, 0, NULL, 0};
        if (cm_clip_label_point(b->clip, &it->path, &at.x, &at.y, &at.area_width_px))
            return CM_OK;
        return queue_label(b, L, &p, f, &at, labels);
    }
    if (L->type != CM_LAYER_LINE || !p.text_field[0])
        return CM_OK;
    /* the label goes along the longest visible part */
    size_t best = 0, best_n = 0;
    for (size_t k = 0; k < it->path.nparts; k++)
        if (cm_geom_part_len(&it->path, k) > best_n) {
            best = k;
            best_n = cm_geom_part_len(&it->path, k);
        }
    label_spot at = {CM_LABEL_LINE, 0, 0, 0, 0, cm_geom_part(&it->path, best), best_n};
    return queue_label(b, L, &p, f, &at, labels);
}

cm_status cm_build_layers(cm_build *b, cm_scene *scene, cm_labeler *labels, cm_error *err)
{
    const cm_map_style *s = b->style;
    for (size_t i = 0; i < s->nlayers; i++) {
        const cm_style_layer *L = &s->layers[i];
        cm_layer *src = NULL;
        if (!L->visible)
            continue;
        for (size_t k = 0; k < s->nsources; k++)
            if (!strcmp(s->sources[k].id, L->source))
                src = &b->sources[k];
        cm_scene_layer *out = cm_scene_add_layer(scene, L->id, L->label);
        if (!out)
            return cm_error_oom(err);
        for (size_t k = 0; src && k < src->count; k++) {
            const cm_feature *f = &src->items[k];
            if (!cm_build_matches(L, f) || !box_hits(f->bbox, b->lonlat_box))
                continue;
            cm_status st = CM_OK;
            if (f->geom.type == CM_GEOM_POINT && L->type == CM_LAYER_CIRCLE)
                st = add_point(b, L, f, out, labels);
            else if (f->geom.type == CM_GEOM_POINT && L->type == CM_LAYER_SYMBOL)
                st = add_symbol(b, L, f, labels);
            else if (f->geom.type == CM_GEOM_POLYGON && L->type == CM_LAYER_FILL)
                st = add_path(b, L, f, out, labels);
            else if (f->geom.type != CM_GEOM_POINT && L->type == CM_LAYER_LINE)
                st = add_path(b, L, f, out, labels);
            if (st != CM_OK)
                return cm_error_oom(err);
        }
    }
    return CM_OK;
}

double cm_build_graticule_step(const cm_build *b)
{
    if (b->style->graticule_deg < 0)
        return 0;
    if (b->style->graticule_deg > 0)
        return b->style->graticule_deg;
    double span =
        fmax(b->style->extent[2] - b->style->extent[0], b->style->extent[3] - b->style->extent[1]);
    static const double steps[] = {30, 20, 10, 5, 2, 1, 0.5, 0.25};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (span / steps[i] >= 4)
            return steps[i];
    return 0.1;
}

cm_status cm_build_graticule_lines(const cm_build *b, cm_gratline **out, size_t *n)
{
    double step = cm_build_graticule_step(b);
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    if (step <= 0)
        return CM_OK;
    for (int parallel = 0; parallel < 2; parallel++) {
        double lo = parallel ? b->lonlat_box[1] : b->lonlat_box[0];
        double hi = parallel ? b->lonlat_box[3] : b->lonlat_box[2];
        double olo = parallel ? b->lonlat_box[0] : fmax(-89.9, b->lonlat_box[1]);
        double ohi = parallel ? b->lonlat_box[2] : fmin(89.9, b->lonlat_box[3]);
        for (double v = ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
            if (cm_grow((void **)out, &cap, *n + 1, sizeof **out, 32))
                return CM_ESYS;
            cm_gratline *g = &(*out)[(*n)++];
            memset(g, 0, sizeof *g);
            g->parallel = parallel;
            g->value = v;
            g->line.type = CM_GEOM_LINE;
            for (int i = 0; i <= 400; i++) {
                double o = olo + (ohi - olo) * i / 400;
                if (cm_geom_add(&g->line, parallel ? o : v, parallel ? v : o) != CM_OK)
                    return CM_ESYS;
            }
        }
    }
    return CM_OK;
}

void cm_build_graticule_free(cm_gratline *lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        cm_geom_free(&lines[i].line);
    free(lines);
}

cm_status cm_build_graticule(cm_build *b, cm_scene *scene, cm_error *err)
{
    cm_gratline *lines;
    size_t n;
    cm_status st = cm_build_graticule_lines(b, &lines, &n);
    cm_scene_layer *L =
        st == CM_OK && n ? cm_scene_add_layer(scene, "graticule", "Graticule") : NULL;
    if (st == CM_OK && n && !L)
        st = CM_ESYS;
    for (size_t k = 0; st == CM_OK && k < n; k++) {
        cm_item *it = cm_scene_add_item(L, CM_ITEM_PATH);
        char id[48];
        snprintf(id, sizeof id, "%s%g", lines[k].parallel ? "lat" : "lon", lines[k].value);
        st = it ? cm_item_set_strings(it, id, NULL, "graticule") : CM_ESYS;
        if (st == CM_OK)
            st = cm_build_project_geom(b, &lines[k].line, &it->path);
        if (st == CM_OK) {
            it->stroke = (cm_color){0.42, 0.55, 0.68, 0.55};
            it->stroke_width_px = pt_px(b, 0.35);
        }
    }
    cm_build_graticule_free(lines, n);
    return st == CM_OK ? CM_OK : cm_error_oom(err);
}
