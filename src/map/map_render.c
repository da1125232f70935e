/* map_render: the one place the stages meet. Each stage's errors are collected and the
 * run stops after the stage that had any. */
#include "map_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../analysis/compare.h"
#include "../load/csv_layer.h"
#include "../load/shp_layer.h"
#include "../project/clip.h"
#include "../project/projection.h"
#include "../scene/build.h"
#include "../scene/furniture.h"

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* Loads one source; the box filter skips shapefile records that miss the map. */
static cm_status load_source(const cm_style_source *src, const double box[4], cm_layer *out,
                             cm_error *err)
{
    if (ends_with(src->path, ".shp")) {
        cm_bbox_filter f = {box != NULL, 0, 0, 0, 0};
        if (box) {
            f.lon0 = box[0];
            f.lat0 = box[1];
            f.lon1 = box[2];
            f.lat1 = box[3];
        }
        return cm_shp_load(src->path, &f, out, err);
    }
    if (!ends_with(src->path, ".csv"))
        return cm_error_add(err, CM_EINPUT, src->path, 0, 0,
                            "unknown layer format: give a .shp or a .csv file");
    cm_status st =
        cm_csv_load(src->path, src->as_points ? CM_CSV_POINTS : CM_CSV_FEATURES, out, err);
    if (st != CM_OK || !src->join)
        return st;
    cm_layer table = {0};
    st = cm_csv_load(src->join, CM_CSV_TABLE, &table, err);
    if (st == CM_OK)
        st = cm_layer_join(out, &table, err);
    cm_layer_free(&table);
    return st;
}

/* --add FILE: a source and two layers (lines and points) with a plain, visible look. */
static cm_status add_user_layers(cm_map_style *s, const char *const *paths, size_t n, cm_error *err)
{
    for (size_t i = 0; i < n; i++) {
        cm_style_source *gs = realloc(s->sources, (s->nsources + 1) * sizeof *gs);
        if (!gs)
            return cm_error_oom(err);
        s->sources = gs;
        char id[32];
        snprintf(id, sizeof id, "added-%zu", i + 1);
        cm_style_source *src = &s->sources[s->nsources++];
        memset(src, 0, sizeof *src);
        src->id = cm_strdup(id);
        src->path = cm_strdup(paths[i]);
        for (int kind = 0; kind < 2; kind++) {
            cm_style_layer *gl = realloc(s->layers, (s->nlayers + 1) * sizeof *gl);
            if (!gl)
                return cm_error_oom(err);
            s->layers = gl;
            cm_style_layer *L = &s->layers[s->nlayers++];
            memset(L, 0, sizeof *L);
            char lid[48];
            snprintf(lid, sizeof lid, "%s-%s", id, kind ? "points" : "lines");
            L->id = cm_strdup(lid);
            const char *base = strrchr(paths[i], '/');
            L->label = cm_strdup(base ? base + 1 : paths[i]);
            L->source = cm_strdup(id);
            L->type = kind ? CM_LAYER_CIRCLE : CM_LAYER_LINE;
            L->legend = 1;
            L->visible = 1;
            cm_paint *p = &L->paint;
            p->line_color = (cm_color){0.55, 0.1, 0.6, 1};
            p->line_width = 1.6;
            p->line_opacity = 1;
            p->circle_radius = 2.6;
            p->circle_color = (cm_color){0.55, 0.1, 0.6, 1};
            p->circle_stroke_color = (cm_color){1, 1, 1, 1};
            p->circle_stroke_width = 0.7;
            strcpy(p->text_field, "{label}");
            p->text_size = 7.5;
            p->text_color = (cm_color){0.3, 0.05, 0.35, 1};
            p->text_halo_color = (cm_color){1, 1, 1, 0.9};
            p->text_halo_width = 1.2;
            p->text_priority = 50;
            if (!L->id || !L->label || !L->source)
                return cm_error_oom(err);
        }
        if (!src->id || !src->path)
            return cm_error_oom(err);
    }
    return CM_OK;
}

static cm_status apply_opts(cm_map_style *s, const cm_render_opts *o, cm_error *err)
{
    if (!o)
        return CM_OK;
    char *dup;
    if (o->crs) {
        if (!(dup = cm_strdup(o->crs)))
            return cm_error_oom(err);
        free(s->crs);
        s->crs = dup;
    }
    if (o->lang) {
        if (!(dup = cm_strdup(o->lang)))
            return cm_error_oom(err);
        free(s->lang);
        s->lang = dup;
    }
    if (o->has_extent)
        memcpy(s->extent, o->extent, sizeof s->extent);
    /* A new size without a new dpi is the same page at another resolution: symbols and
     * furniture keep their proportions (1600 px for the screen, 3508 px for A4 at 300). */
    if (o->dpi <= 0 && (o->width_px || o->height_px))
        s->dpi *=
            o->width_px ? (double)o->width_px / s->width_px : (double)o->height_px / s->height_px;
    if (o->width_px)
        s->width_px = o->width_px;
    if (o->height_px)
        s->height_px = o->height_px;
    if (o->dpi > 0)
        s->dpi = o->dpi;
    if (o->base) {
        for (size_t i = 0; i < s->nsources; i++)
            if (!strcmp(s->sources[i].id, "countries")) {
                if (!(dup = cm_strdup(o->base)))
                    return cm_error_oom(err);
                free(s->sources[i].path);
                s->sources[i].path = dup;
            }
    }
    return add_user_layers(s, o->add, o->nadd, err);
}

static cm_layer *source_named(const cm_map_style *s, cm_layer *sources, const char *id)
{
    for (size_t i = 0; i < s->nsources; i++)
        if (!strcmp(s->sources[i].id, id))
            return &sources[i];
    return NULL;
}

/* The name without its parenthesised asides, for a table cell. */
static const char *short_name(const char *name, char *buf, size_t n)
{
    size_t o = 0;
    int depth = 0;
    for (const char *p = name; *p && o + 1 < n; p++) {
        if (*p == '(')
            depth++;
        else if (*p == ')' && depth > 0)
            depth--;
        else if (!depth && !(*p == ' ' && (o == 0 || buf[o - 1] == ' ')))
            buf[o++] = *p;
    }
    while (o > 0 && buf[o - 1] == ' ')
        o--;
    buf[o] = '\0';
    return buf;
}

/* The comparison on a map: the countries crossed shaded under the routes, and the numbers
 * in a table. Uses the sources named routes, waypoints, countries and lakes. */
static cm_status add_comparison(cm_build *b, const char *const *pats, size_t npats, cm_map *m,
                                cm_scene *furniture, cm_error *err)
{
    cm_map_style *s = &m->style;
    cm_layer *routes = source_named(s, b->sources, "routes");
    cm_layer *countries = source_named(s, b->sources, "countries");
    if (!routes || !countries)
        return cm_error_add(err, CM_EINPUT, s->path, 0, 0,
                            "compare-routes needs sources named 'routes' and 'countries'");
    cm_comparison cmp = {0};
    cm_status st = cm_compare_run(routes, source_named(s, b->sources, "waypoints"), countries,
                                  source_named(s, b->sources, "lakes"), pats, npats, &cmp, err);
    if (st != CM_OK || cmp.count == 0) {
        cm_comparison_free(&cmp);
        return st;
    }
    /* shade the countries crossed, right above the country fill */
    size_t at = 0;
    for (size_t i = 0; i < m->scene.nlayers; i++)
        if (!strcmp(m->scene.layers[i].id, "countries"))
            at = i + 1;
    cm_scene_layer *shade = cm_scene_add_layer(&m->scene, "countries-crossed", "Countries crossed");
    for (size_t i = 0; shade && st == CM_OK && i < countries->count; i++) {
        const cm_feature *f = &countries->items[i];
        const char *iso = cm_feature_str(f, "iso_a3");
        int crossed = 0;
        for (size_t r = 0; r < cmp.count && !crossed && *iso; r++)
            for (size_t k = 0; k < cmp.items[r].ncountries && !crossed; k++)
                crossed = !strcmp(cmp.items[r].countries[k].iso, iso);
        if (!crossed)
            continue;
        cm_item *it = cm_scene_add_item(shade, CM_ITEM_PATH);
        if (!it || cm_item_set_strings(it, f->id, cm_feature_str(f, "name"), "countries-crossed"))
            st = cm_error_oom(err);
        else if ((st = cm_build_project_geom(b, &f->geom, &it->path)) == CM_OK)
            it->fill = (cm_color){0.93, 0.85, 0.66, 1};
    }
    if (!shade)
        st = cm_error_oom(err);
    if (st == CM_OK)
        cm_scene_move_last(&m->scene, at);
    /* the table: computed numbers, and the transit days the papers quote */
    enum { NC = 7 };
    size_t nrows = cmp.count + 1;
    char(*cells)[160] = calloc(nrows * NC, sizeof *cells);
    const char **ptrs = calloc(nrows * NC, sizeof *ptrs);
    if (st == CM_OK && (!cells || !ptrs))
        st = cm_error_oom(err);
    static const char *head[NC] = {"Route",   "km",       "land / sea km", "Countries crossed",
                                   "Borders", "Sea legs", "Days (quoted)"};
    for (size_t r = 0; st == CM_OK && r < nrows; r++) {
        const cm_route_stats *x = r ? &cmp.items[r - 1] : NULL;
        for (int k = 0; k < NC; k++) {
            char *cell = cells[r * NC + k];
            ptrs[r * NC + k] = cell;
            if (!x) {
                snprintf(cell, 160, "%s", head[k]);
                continue;
            }
            char buf[160] = "";
            switch (k) {
            case 0:
                snprintf(cell, 160, "%s", short_name(x->name, buf, sizeof buf));
                break;
            case 1:
                snprintf(cell, 160, "%.0f", x->length_km);
                break;
            case 2:
                snprintf(cell, 160, "%.0f / %.0f", x->land_km, x->sea_km);
                break;
            case 3:
                cm_route_countries(x, cell, 160);
                break;
            case 4:
                snprintf(cell, 160, "%d", x->border_crossings);
                break;
            case 5:
                snprintf(cell, 160, "%zu", x->nsea);
                break;
            case 6:
                snprintf(cell, 160, "%s", *x->transit_days ? x->transit_days : "–");
                break;
            }
        }
    }
    if (st == CM_OK)
        st = cm_furniture_table(b, m->text, furniture, &m->labels, "Northern and southern routes",
                                ptrs, NC, (int)nrows,
                                "Lengths: geodesics on WGS84 through the routes' waypoints (PROJ); "
                                "countries: Natural Earth polygons; days: as the papers quote them",
                                err);
    free(cells);
    free(ptrs);
    cm_comparison_free(&cmp);
    return st;
}

cm_status cm_map_render(const char *style_path, const cm_render_opts *opts, cm_map *m,
                        cm_error *err)
{
    cm_status st;
    cm_proj *proj = NULL;
    cm_clip *clip = NULL;
    cm_layer *sources = NULL;
    cm_build b = {0};
    cm_scene furniture = {0};

    if ((st = cm_style_load(style_path, &m->style, err)) != CM_OK)
        return st;
    if ((st = apply_opts(&m->style, opts, err)) != CM_OK)
        return st;
    cm_map_style *s = &m->style;
    cm_error perr = CM_ERROR_INIT;
    if ((st = cm_proj_create(s->crs, &proj, &perr)) != CM_OK) {
        cm_error_add(err, st, s->path, 0, 0, "map: crs: %s", perr.text ? perr.text : "");
        cm_error_clear(&perr);
        return st;
    }
    double aspect = (double)s->width_px / s->height_px;
    if ((st = cm_proj_frame(proj, s->extent, aspect, m->frame, err)) != CM_OK)
        goto done;
    m->prj_wkt = cm_proj_wkt_esri(proj);
    clip = cm_clip_new();
    m->text = cm_text_new();
    sources = calloc(s->nsources ? s->nsources : 1, sizeof *sources);
    if (!clip || !m->text || !sources) {
        st = cm_error_oom(err);
        goto done;
    }
    /* a font that is not installed would silently become another: say so instead */
    char missing[128];
    if (cm_text_check_families(m->text, s->font, missing, sizeof missing))
        st = cm_error_add(err, CM_EINPUT, s->path, 0, 0,
                          "map: font: family '%s' is not installed (fc-list : family lists them)",
                          missing);
    for (size_t i = 0; i < s->nlayers; i++)
        if (s->layers[i].paint.text_font[0] &&
            cm_text_check_families(m->text, s->layers[i].paint.text_font, missing, sizeof missing))
            st = cm_error_add(err, CM_EINPUT, s->path, s->layers[i].line, 0,
                              "layer '%s': text-font: family '%s' is not installed",
                              s->layers[i].id, missing);
    b.style = s;
    b.sources = sources;
    b.proj = proj;
    b.clip = clip;
    memcpy(b.frame, m->frame, sizeof b.frame);
    cm_proj_frame_lonlat(proj, m->frame, b.lonlat_box);
    b.width_px = s->width_px;
    b.height_px = s->height_px;
    b.dpi = s->dpi;
    b.lang = s->lang;
    /* every source is tried, so that one run reports every bad file */
    for (size_t i = 0; i < s->nsources; i++) {
        /* the inset locator draws all of Eurasia from the countries */
        int whole =
            s->anchors[CM_FURN_INSET] != CM_ANCHOR_NONE && !strcmp(s->sources[i].id, "countries");
        cm_status one = load_source(&s->sources[i], whole ? NULL : b.lonlat_box, &sources[i], err);
        if (one != CM_OK && st == CM_OK)
            st = one;
    }
    if (st != CM_OK)
        goto done;
    m->scene.width_px = s->width_px;
    m->scene.height_px = s->height_px;
    m->scene.dpi = s->dpi;
    m->scene.background = s->background;
    m->scene.title = cm_strdup(s->title ? s->title : s->id);
    cm_labeler_init(&m->labels, s->width_px, s->height_px);
    if ((st = cm_build_layers(&b, &m->scene, &m->labels, err)) != CM_OK)
        goto done;
    if (!(opts && opts->no_furniture)) {
        /* the graticule goes right above the base map (after the borders) */
        size_t at = 0;
        for (size_t i = 0; i < m->scene.nlayers; i++)
            if (!strcmp(m->scene.layers[i].id, "borders"))
                at = i + 1;
        size_t before = m->scene.nlayers;
        if ((st = cm_build_graticule(&b, &m->scene, err)) != CM_OK)
            goto done;
        if (m->scene.nlayers > before)
            cm_scene_move_last(&m->scene, at);
    }
    const char *const *pats =
        opts && opts->ncompare ? opts->compare : (const char *const *)s->compare;
    size_t npats = opts && opts->ncompare ? opts->ncompare : s->ncompare;
    if (npats && (st = add_comparison(&b, pats, npats, m, &furniture, err)) != CM_OK)
        goto done;
    if (!(opts && opts->no_furniture) &&
        (st = cm_furniture_add(&b, m->text, &m->scene, &furniture, &m->labels, err)) != CM_OK)
        goto done;
    if (opts && opts->no_labels)
        cm_labeler_free(&m->labels); /* nothing queued is placed */
    cm_scene_layer *labels = cm_scene_add_layer(&m->scene, "labels", "Labels");
    if (!labels) {
        st = cm_error_oom(err);
        goto done;
    }
    if ((st = cm_labeler_place(&m->labels, m->text, labels, err)) != CM_OK)
        goto done;
    /* furniture is drawn above the labels */
    if (cm_scene_take_layers(&m->scene, &furniture) != CM_OK)
        st = cm_error_oom(err);
    m->skipped = b.skipped;
    m->scale_km = b.scale_km;
    m->scale_px = b.scale_px;
done:
    for (size_t i = 0; sources && i < s->nsources; i++)
        cm_layer_free(&sources[i]);
    free(sources);
    cm_scene_free(&furniture);
    cm_clip_free(clip);
    cm_proj_free(proj);
    return st;
}

void cm_map_free(cm_map *m)
{
    cm_style_free(&m->style);
    cm_scene_free(&m->scene);
    cm_labeler_free(&m->labels);
    cm_text_free(m->text);
    free(m->prj_wkt);
    memset(m, 0, sizeof *m);
}
