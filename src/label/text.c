/* text: Pango picks fonts per script (font fallback), which cairo_show_text cannot do:
 * Chinese would come out as boxes. The language is set to zh-cn so Han characters take
 * the simplified Chinese forms rather than the Japanese ones. */
#include "text.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cm_text {
    PangoFontMap *map;
    PangoContext *ctx;
};

static void setup_context(PangoContext *ctx)
{
    cairo_font_options_t *fo = cairo_font_options_create();
    /* unhinted metrics: the same widths at every size and on every surface */
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(ctx, 72);
    pango_context_set_language(ctx, pango_language_from_string("zh-cn"));
}

cm_text *cm_text_new(void)
{
    cm_text *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->map = pango_cairo_font_map_new();
    t->ctx = t->map ? pango_font_map_create_context(t->map) : NULL;
    if (!t->ctx) {
        cm_text_free(t);
        return NULL;
    }
    setup_context(t->ctx);
    return t;
}

void cm_text_free(cm_text *t)
{
    if (!t)
        return;
    if (t->ctx)
        g_object_unref(t->ctx);
    if (t->map)
        g_object_unref(t->map);
    free(t);
}

int cm_text_check_families(cm_text *t, const char *families, char *missing, size_t n)
{
    PangoFontFamily **fams = NULL;
    int nf = 0, rc = 0;
    pango_font_map_list_families(t->map, &fams, &nf);
    for (const char *p = families; *p && rc == 0;) {
        size_t len = strcspn(p, ",");
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)(len < 127 ? len : 127), p);
        char *a = name, *z = name + strlen(name);
        while (*a == ' ')
            a++;
        while (z > a && z[-1] == ' ')
            *--z = '\0';
        int found = !*a || !g_ascii_strcasecmp(a, "sans-serif") ||
                    !g_ascii_strcasecmp(a, "serif") || !g_ascii_strcasecmp(a, "sans") ||
                    !g_ascii_strcasecmp(a, "monospace");
        for (int i = 0; i < nf && !found; i++)
            found = !g_ascii_strcasecmp(pango_font_family_get_name(fams[i]), a);
        if (!found) {
            snprintf(missing, n, "%s", a);
            rc = -1;
        }
        p += len + (p[len] == ',');
    }
    g_free(fams);
    return rc;
}

static PangoLayout *make_layout(cm_text *t, const cm_item *it)
{
    PangoLayout *lay = pango_layout_new(t->ctx);
    PangoFontDescription *fd = pango_font_description_from_string(it->font ? it->font : "Sans");
    pango_font_description_set_absolute_size(fd, it->size_px * PANGO_SCALE);
    if (it->italic)
        pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
    if (it->bold)
        pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(lay, fd);
    pango_font_description_free(fd);
    if (it->letter_spacing_px != 0) {
        PangoAttrList *al = pango_attr_list_new();
        pango_attr_list_insert(
            al, pango_attr_letter_spacing_new((int)lround(it->letter_spacing_px * PANGO_SCALE)));
        pango_layout_set_attributes(lay, al);
        pango_attr_list_unref(al);
    }
    pango_layout_set_text(lay, it->text ? it->text : "", -1);
    return lay;
}

cm_status cm_text_measure(cm_text *t, cm_item *it, cm_error *err)
{
    PangoLayout *lay = make_layout(t, it);
    if (!lay)
        return cm_error_oom(err);
    PangoRectangle logical;
    pango_layout_get_extents(lay, NULL, &logical);
    int baseline = pango_layout_get_baseline(lay);
    it->width_px = logical.width / (double)PANGO_SCALE;
    it->ascent_px = baseline / (double)PANGO_SCALE;
    it->descent_px = (logical.height - baseline) / (double)PANGO_SCALE;
    g_object_unref(lay);
    return CM_OK;
}

void cm_text_draw(cm_text *t, void *vcr, const cm_item *it)
{
    cairo_t *cr = vcr;
    pango_cairo_update_context(cr, t->ctx);
    setup_context(t->ctx);
    PangoLayout *lay = make_layout(t, it);
    cairo_save(cr);
    cairo_translate(cr, it->x, it->y);
    cairo_rotate(cr, it->angle_rad);
    cairo_move_to(cr, 0, -it->ascent_px);
    if (it->halo_px > 0 && it->halo.a > 0) {
        pango_cairo_layout_path(cr, lay);
        cairo_set_source_rgba(cr, it->halo.r, it->halo.g, it->halo.b, it->halo.a);
        cairo_set_line_width(cr, it->halo_px * 2);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
        cairo_move_to(cr, 0, -it->ascent_px);
    }
    cairo_set_source_rgba(cr, it->fill.r, it->fill.g, it->fill.b, it->fill.a);
    pango_cairo_show_layout(cr, lay);
    cairo_restore(cr);
    g_object_unref(lay);
}
