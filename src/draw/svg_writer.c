/* svg_writer: our own SVG, because Cairo's SVG surface turns text into glyph outlines and
 * cannot name groups. Each scene layer becomes an Inkscape layer; features keep their ids
 * and names; labels are real <text>; shared looks are CSS classes; coordinates are rounded
 * to 0.1 px and written relative, which keeps the overview small. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"

typedef struct {
    FILE *fp;
    char **ids; /* open-addressing set of ids already used */
    size_t cap, count;
} svg_out;

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 1099511628211ull;
    return h;
}

/* Adds id to the set; returns 1 when it was new, 0 when used, -1 on allocation failure. */
static int id_claim(svg_out *o, const char *id)
{
    if ((o->count + 1) * 2 > o->cap) {
        size_t ncap = o->cap ? o->cap * 2 : 1024;
        char **n = calloc(ncap, sizeof *n);
        if (!n)
            return -1;
        for (size_t i = 0; i < o->cap; i++)
            if (o->ids[i]) {
                size_t j = hash(o->ids[i]) & (ncap - 1);
                while (n[j])
                    j = (j + 1) & (ncap - 1);
                n[j] = o->ids[i];
            }
        free(o->ids);
        o->ids = n;
        o->cap = ncap;
    }
    size_t j = hash(id) & (o->cap - 1);
    while (o->ids[j]) {
        if (!strcmp(o->ids[j], id))
            return 0;
        j = (j + 1) & (o->cap - 1);
    }
    o->ids[j] = cm_strdup(id);
    if (!o->ids[j])
        return -1;
    o->count++;
    return 1;
}

static void escape(FILE *fp, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<':
            fputs("&lt;", fp);
            break;
        case '>':
            fputs("&gt;", fp);
            break;
        case '&':
            fputs("&amp;", fp);
            break;
        case '"':
            fputs("&quot;", fp);
            break;
        default:
            if ((unsigned char)*s >= 0x20 || *s == '\t' || *s == '\n')
                fputc(*s, fp);
        }
    }
}

/* An XML id from layer and feature id: letters, digits, '-', '_' and '.' kept. */
static int make_id(svg_out *o, char *buf, size_t n, const char *layer, const char *fid)
{
    char base[256];
    snprintf(base, sizeof base, "%s-%s", layer, fid ? fid : "item");
    for (char *p = base; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_' || *p == '.'))
            *p = '_';
    snprintf(buf, n, "%s", base);
    for (int k = 2;; k++) {
        int r = id_claim(o, buf);
        if (r != 0)
            return r < 0 ? -1 : 0;
        snprintf(buf, n, "%s-%d", base, k);
    }
}

static void color(FILE *fp, const char *prop, cm_color c)
{
    if (c.a <= 0) {
        fprintf(fp, "%s:none;", prop);
        return;
    }
    fprintf(fp, "%s:#%02x%02x%02x;", prop, (int)lround(c.r * 255), (int)lround(c.g * 255),
            (int)lround(c.b * 255));
    if (c.a < 1)
        fprintf(fp, "%s-opacity:%.3g;", prop, c.a);
}

static void item_css(FILE *fp, const cm_item *it)
{
    switch (it->kind) {
    case CM_ITEM_PATH:
    case CM_ITEM_MARKER:
        color(fp, "fill", it->fill);
        if (it->stroke.a > 0 && it->stroke_width_px > 0) {
            color(fp, "stroke", it->stroke);
            fprintf(fp, "stroke-width:%.2f;stroke-linejoin:round;stroke-linecap:round;",
                    it->stroke_width_px);
            if (it->ndash) {
                fputs("stroke-dasharray:", fp);
                for (int k = 0; k < it->ndash; k++)
                    fprintf(fp, "%s%.2f", k ? "," : "", it->dash_px[k]);
                fputc(';', fp);
            }
        }
        if (it->kind == CM_ITEM_PATH && it->fill.a > 0)
            fputs("fill-rule:evenodd;", fp);
        break;
    case CM_ITEM_TEXT:
        fputs("font-family:", fp);
        escape(fp, it->font);
        fprintf(fp, ",sans-serif;font-size:%.2fpx;", it->size_px);
        if (it->italic)
            fputs("font-style:italic;", fp);
        if (it->bold)
            fputs("font-weight:bold;", fp);
        if (it->letter_spacing_px != 0)
            fprintf(fp, "letter-spacing:%.2fpx;", it->letter_spacing_px);
        color(fp, "fill", it->fill);
        if (it->halo_px > 0 && it->halo.a > 0) {
            color(fp, "stroke", it->halo);
            fprintf(fp, "stroke-width:%.2f;stroke-linejoin:round;paint-order:stroke;",
                    it->halo_px * 2);
        }
        break;
    }
}

static const char *class_of(const cm_item *it)
{
    return it->css_class ? it->css_class : "item";
}

/* Every distinct class once, with the look of its first item. */
static void write_styles(FILE *fp, const cm_scene *scene)
{
    fputs("<style>\n", fp);
    for (size_t i = 0; i < scene->nlayers; i++) {
        const cm_scene_layer *L = &scene->layers[i];
        for (size_t k = 0; k < L->count; k++) {
            const char *cls = class_of(&L->items[k]);
            int seen = 0;
            for (size_t j = 0; j < k && !seen; j++)
                seen = !strcmp(class_of(&L->items[j]), cls);
            for (size_t a = 0; a < i && !seen; a++)
                for (size_t j = 0; j < scene->layers[a].count && !seen; j++)
                    seen = !strcmp(class_of(&scene->layers[a].items[j]), cls);
            if (seen)
                continue;
            fprintf(fp, ".%s{", cls);
            item_css(fp, &L->items[k]);
            fputs("}\n", fp);
        }
    }
    fputs("</style>\n", fp);
}

/* A length in tenths of a pixel, as short as SVG allows: "12", "-3.5", ".5". */
static void tenths(FILE *fp, long v)
{
    if (v < 0) {
        fputc('-', fp);
        v = -v;
    }
    if (v % 10 == 0)
        fprintf(fp, "%ld", v / 10);
    else if (v < 10)
        fprintf(fp, ".%ld", v);
    else
        fprintf(fp, "%ld.%ld", v / 10, v % 10);
}

/* Relative moves between coordinates rounded to 0.1 px (no drift: each delta is between
 * rounded points). A vertex within 0.4 px of the last one written is left out, but never a
 * part's last: at print resolution that is a twentieth of a millimetre. */
static void path_data(FILE *fp, const cm_geom *g)
{
    for (size_t k = 0; k < g->nparts; k++) {
        const cm_xy *p = cm_geom_part(g, k);
        size_t n = cm_geom_part_len(g, k);
        if (n == 0)
            continue;
        long px = lround(p[0].x * 10), py = lround(p[0].y * 10);
        fputc('M', fp);
        tenths(fp, px);
        fputc(' ', fp);
        tenths(fp, py);
        int wrote = 0;
        for (size_t i = 1; i < n; i++) {
            long x = lround(p[i].x * 10), y = lround(p[i].y * 10);
            long dx = x - px, dy = y - py;
            if ((dx == 0 && dy == 0) || (i + 1 < n && dx * dx + dy * dy < 16))
                continue;
            fputs(wrote ? " " : "l", fp);
            tenths(fp, dx);
            if (dy >= 0)
                fputc(' ', fp);
            tenths(fp, dy);
            wrote = 1;
            px = x;
            py = y;
        }
        if (g->type == CM_GEOM_POLYGON)
            fputc('z', fp);
    }
}

static int write_item(svg_out *o, const cm_scene_layer *L, const cm_item *it)
{
    FILE *fp = o->fp;
    char id[300];
    if (make_id(o, id, sizeof id, L->id, it->feature_id))
        return -1;
    switch (it->kind) {
    case CM_ITEM_PATH:
        fprintf(fp, "<path id=\"%s\" class=\"%s\" d=\"", id, class_of(it));
        path_data(fp, &it->path);
        fputc('"', fp);
        break;
    case CM_ITEM_MARKER:
        if (it->shape == CM_SHAPE_CIRCLE) {
            fprintf(fp, "<circle id=\"%s\" class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.2f\"", id,
                    class_of(it), it->x, it->y, it->radius_px);
        } else {
            double r = it->radius_px, x = it->x, y = it->y;
            fprintf(fp, "<path id=\"%s\" class=\"%s\" d=\"", id, class_of(it));
            if (it->shape == CM_SHAPE_SQUARE)
                fprintf(fp, "M%.1f %.1fh%.2fv%.2fh%.2fz", x - r * 0.886, y - r * 0.886, r * 1.772,
                        r * 1.772, -r * 1.772);
            else if (it->shape == CM_SHAPE_TRIANGLE)
                fprintf(fp, "M%.1f %.1fL%.1f %.1fL%.1f %.1fz", x, y - r * 1.2, x + r * 1.04,
                        y + r * 0.6, x - r * 1.04, y + r * 0.6);
            else
                fprintf(fp, "M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fz", x, y - r * 1.25,
                        x + r * 1.25, y, x, y + r * 1.25, x - r * 1.25, y);
            fputc('"', fp);
        }
        break;
    case CM_ITEM_TEXT:
        fprintf(fp, "<text id=\"%s\" class=\"%s\" x=\"%.1f\" y=\"%.1f\"", id, class_of(it), it->x,
                it->y);
        if (it->angle_rad != 0)
            fprintf(fp, " transform=\"rotate(%.2f %.1f %.1f)\"", it->angle_rad * 180 / M_PI, it->x,
                    it->y);
        fputc('>', fp);
        escape(fp, it->text);
        fputs("</text>\n", fp);
        return 0;
    }
    if (it->name && *it->name) {
        fputs("><title>", fp);
        escape(fp, it->name);
        fputs("</title></", fp);
        fputs(it->kind == CM_ITEM_MARKER && it->shape == CM_SHAPE_CIRCLE ? "circle>\n" : "path>\n",
              fp);
    } else {
        fputs("/>\n", fp);
    }
    return 0;
}

cm_status cm_svg_write(const cm_scene *scene, cm_text *text, FILE *fp, cm_error *err)
{
    (void)text;
    svg_out o = {fp, NULL, 0, 0};
    double mm = 25.4 / scene->dpi;
    int failed = 0;
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", fp);
    fprintf(fp,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            "xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" "
            "width=\"%.2fmm\" height=\"%.2fmm\" viewBox=\"0 0 %.0f %.0f\">\n",
            scene->width_px * mm, scene->height_px * mm, scene->width_px, scene->height_px);
    if (scene->title) {
        fputs("<title>", fp);
        escape(fp, scene->title);
        fputs("</title>\n", fp);
    }
    write_styles(fp, scene);
    fprintf(fp, "<rect id=\"background\" width=\"%.0f\" height=\"%.0f\" style=\"", scene->width_px,
            scene->height_px);
    color(fp, "fill", scene->background);
    fputs("\"/>\n", fp);
    for (size_t i = 0; i < scene->nlayers && !failed; i++) {
        const cm_scene_layer *L = &scene->layers[i];
        char id[300];
        if (make_id(&o, id, sizeof id, "layer", L->id)) {
            failed = 1;
            break;
        }
        fprintf(fp, "<g id=\"%s\" inkscape:groupmode=\"layer\" inkscape:label=\"", id);
        escape(fp, L->label);
        fputs("\">\n", fp);
        for (size_t k = 0; k < L->count && !failed; k++)
            failed = write_item(&o, L, &L->items[k]) != 0;
        fputs("</g>\n", fp);
    }
    fputs("</svg>\n", fp);
    for (size_t i = 0; i < o.cap; i++)
        free(o.ids[i]);
    free(o.ids);
    if (failed)
        return cm_error_oom(err);
    return CM_OK;
}
