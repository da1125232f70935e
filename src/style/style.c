/* style: walks the libyaml document tree; every node knows its line and column, so each
 * message can say file:line:col. Properties are described once in a table. */
#include "style.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "../load/feature.h"

typedef enum { P_COLOR, P_NUMBER, P_DASH, P_STRING, P_SHAPE, P_BOOL } prop_type;

typedef struct {
    const char *name;
    prop_type type;
    size_t offset;
    double min, max; /* for numbers */
    size_t size;     /* for strings */
} prop_def;

#define NUM(n, f, lo, hi)                                                                          \
    {                                                                                              \
        n, P_NUMBER, offsetof(cm_paint, f), lo, hi, 0                                              \
    }
#define COL(n, f)                                                                                  \
    {                                                                                              \
        n, P_COLOR, offsetof(cm_paint, f), 0, 0, 0                                                 \
    }
#define STR(n, f)                                                                                  \
    {                                                                                              \
        n, P_STRING, offsetof(cm_paint, f), 0, 0, sizeof(((cm_paint *)0)->f)                       \
    }

static const prop_def PROPS[] = {
    COL("fill-color", fill_color),
    NUM("fill-opacity", fill_opacity, 0, 1),
    COL("fill-outline-color", fill_outline_color),
    NUM("fill-outline-width", fill_outline_width, 0, 50),
    COL("line-color", line_color),
    NUM("line-width", line_width, 0, 50),
    NUM("line-opacity", line_opacity, 0, 1),
    {"line-dasharray", P_DASH, offsetof(cm_paint, line_dasharray), 0, 100, 0},
    COL("line-casing-color", line_casing_color),
    NUM("line-casing-width", line_casing_width, 0, 50),
    NUM("circle-radius", circle_radius, 0, 100),
    COL("circle-color", circle_color),
    COL("circle-stroke-color", circle_stroke_color),
    NUM("circle-stroke-width", circle_stroke_width, 0, 50),
    {"marker-shape", P_SHAPE, offsetof(cm_paint, marker_shape), 0, 0, 0},
    STR("text-field", text_field),
    STR("text-font", text_font),
    NUM("text-size", text_size, 1, 200),
    COL("text-color", text_color),
    COL("text-halo-color", text_halo_color),
    NUM("text-halo-width", text_halo_width, 0, 20),
    NUM("text-priority", text_priority, -1000, 1000),
    {"text-italic", P_BOOL, offsetof(cm_paint, text_italic), 0, 0, 0},
    NUM("text-letter-spacing", text_letter_spacing, -2, 10),
};
#define NPROPS (sizeof PROPS / sizeof PROPS[0])

static const char *MAP_KEYS[] = {"id",           "title",         "subtitle",     "crs",
                                 "extent",       "width",         "height",       "dpi",
                                 "background",   "font",          "lang",         "compare-routes",
                                 "title-anchor", "legend-anchor", "scale-anchor", "credits-anchor",
                                 "inset-anchor", "table-anchor",  "graticule",    NULL};
static const char *ANCHOR_KEYS[CM_FURN_COUNT] = {"title-anchor",   "legend-anchor", "scale-anchor",
                                                 "credits-anchor", "inset-anchor",  "table-anchor"};
static const char *ANCHORS[] = {"top-left",     "top-right", "bottom-left",
                                "bottom-right", "none",      NULL};
static const char *TOP_KEYS[] = {"extends", "map", "sources", "layers", NULL};
static const char *LAYER_KEYS[] = {"id",     "label",      "type",   "source",
                                   "filter", "paint",      "layout", "when-status",
                                   "legend", "visibility", NULL};
static const char *SOURCE_KEYS[] = {"path", "join", "points", NULL};

typedef struct {
    const char *path;
    yaml_document_t *doc;
    cm_error *err;
} ctx;

static void paint_defaults(cm_paint *p)
{
    memset(p, 0, sizeof *p);
    p->fill_color = (cm_color){0.9, 0.9, 0.9, 1};
    p->fill_opacity = 1;
    p->fill_outline_color = (cm_color){0, 0, 0, 0};
    p->line_color = (cm_color){0, 0, 0, 1};
    p->line_width = 1;
    p->line_opacity = 1;
    p->circle_radius = 3;
    p->circle_color = (cm_color){0, 0, 0, 1};
    p->circle_stroke_color = (cm_color){1, 1, 1, 1};
    p->circle_stroke_width = 0.8;
    p->text_size = 8;
    p->text_color = (cm_color){0.1, 0.1, 0.1, 1};
    p->text_halo_color = (cm_color){1, 1, 1, 0.9};
    p->text_halo_width = 1.2;
}

static int levenshtein(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return 99;
    int d[64][64];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            int del = d[i - 1][j] + 1, ins = d[i][j - 1] + 1;
            d[i][j] = c < del ? (c < ins ? c : ins) : (del < ins ? del : ins);
        }
    return d[la][lb];
}

static const char *nearest(const char *s, const char *const *words, size_t n)
{
    const char *best = NULL;
    int best_d = 4;
    for (size_t i = 0; i < n; i++) {
        int d = levenshtein(s, words[i]);
        if (d < best_d || (d == best_d && best == NULL)) {
            best_d = d;
            best = words[i];
        }
    }
    return best_d <= (int)(strlen(s) / 3 + 1) ? best : NULL;
}

const char *cm_style_suggest(const char *s)
{
    const char *names[NPROPS];
    for (size_t i = 0; i < NPROPS; i++)
        names[i] = PROPS[i].name;
    return nearest(s, names, NPROPS);
}

static size_t count_words(const char *const *w)
{
    size_t n = 0;
    while (w[n])
        n++;
    return n;
}

#define MAX_STYLE_ERRORS 50 /* past this a file is not a style file: stop listing */

static void bad(ctx *c, const yaml_node_t *n, const char *fmt, const char *a, const char *b)
{
    if (c->err->count == MAX_STYLE_ERRORS)
        cm_error_add(c->err, CM_EINPUT, c->path, 0, 0, "too many errors, stopped listing");
    if (c->err->count >= MAX_STYLE_ERRORS)
        return;
    char msg[600];
    snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
    cm_error_add(c->err, CM_EINPUT, c->path, (long)n->start_mark.line + 1,
                 (long)n->start_mark.column + 1, "%s", msg);
}

static void unknown_key(ctx *c, const yaml_node_t *k, const char *where, const char *const *known)
{
    const char *key = (const char *)k->data.scalar.value;
    const char *sug = nearest(key, known, count_words(known));
    if (!sug && strcmp(where, "layer") == 0)
        sug = cm_style_suggest(key);
    char msg[400];
    if (sug)
        snprintf(msg, sizeof msg, "unknown %s key '%s'; did you mean '%s'?", where, key, sug);
    else
        snprintf(msg, sizeof msg, "unknown %s key '%s'", where, key);
    bad(c, k, "%s", msg, NULL);
}

static int is_known(const char *key, const char *const *known)
{
    for (size_t i = 0; known[i]; i++)
        if (strcmp(known[i], key) == 0)
            return 1;
    return 0;
}

static const char *scalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static int want_scalar(ctx *c, const yaml_node_t *n, const char *what, const char **out)
{
    *out = scalar(n);
    if (!*out) {
        bad(c, n, "%s must be a single value", what, NULL);
        return -1;
    }
    return 0;
}

static int parse_double(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

static int want_number(ctx *c, const yaml_node_t *n, const char *what, double lo, double hi,
                       double *out)
{
    const char *s = scalar(n);
    char range[128];
    snprintf(range, sizeof range, "from %g to %g", lo, hi);
    if (!s || parse_double(s, out)) {
        bad(c, n, "%s must be a number %s", what, range);
        return -1;
    }
    if (*out < lo || *out > hi) {
        bad(c, n, "%s must be a number %s", what, range);
        return -1;
    }
    return 0;
}

static char *dup_or_oom(ctx *c, const char *s)
{
    char *d = cm_strdup(s);
    if (!d)
        cm_error_oom(c->err);
    return d;
}

static void set_string(ctx *c, char **field, const yaml_node_t *n, const char *what)
{
    const char *s;
    if (want_scalar(c, n, what, &s))
        return;
    free(*field);
    *field = dup_or_oom(c, s);
}

int cm_pattern_match(const char *pattern, const char *s)
{
    size_t n = strlen(pattern);
    if (n > 0 && pattern[n - 1] == '*')
        return strncmp(pattern, s, n - 1) == 0;
    return strcmp(pattern, s) == 0;
}

int cm_color_parse(const char *s, cm_color *out)
{
    size_t n = strlen(s);
    unsigned v[4] = {0, 0, 0, 255};
    if (s[0] != '#' || (n != 4 && n != 7 && n != 9))
        return -1;
    for (size_t i = 1; i < n; i++)
        if (!isxdigit((unsigned char)s[i]))
            return -1;
    if (n == 4) {
        for (int k = 0; k < 3; k++) {
            unsigned d;
            sscanf(s + 1 + k, "%1x", &d);
            v[k] = d * 17;
        }
    } else {
        for (size_t k = 0; k < (n - 1) / 2; k++)
            sscanf(s + 1 + 2 * k, "%2x", &v[k]);
    }
    out->r = v[0] / 255.0;
    out->g = v[1] / 255.0;
    out->b = v[2] / 255.0;
    out->a = v[3] / 255.0;
    return 0;
}

static int want_color(ctx *c, const yaml_node_t *n, const char *what, cm_color *out)
{
    const char *s = scalar(n);
    if (!s || cm_color_parse(s, out)) {
        bad(c, n, "%s must be a colour like \"#3a7bd5\" (or #rgb, #rrggbbaa), not '%s'", what,
            s ? s : "a list or mapping");
        return -1;
    }
    return 0;
}

static void parse_prop(ctx *c, const yaml_node_t *key, const yaml_node_t *val, cm_paint *p)
{
    const char *name = scalar(key);
    const prop_def *def = NULL;
    size_t idx = 0;
    for (; idx < NPROPS; idx++)
        if (strcmp(PROPS[idx].name, name) == 0) {
            def = &PROPS[idx];
            break;
        }
    if (!def) {
        const char *sug = cm_style_suggest(name);
        if (sug)
            bad(c, key, "unknown property '%s'; did you mean '%s'?", name, sug);
        else
            bad(c, key, "unknown property '%s'", name, NULL);
        return;
    }
    char *field = (char *)p + def->offset;
    int rc = -1;
    switch (def->type) {
    case P_COLOR:
        rc = want_color(c, val, name, (cm_color *)field);
        break;
    case P_NUMBER:
        rc = want_number(c, val, name, def->min, def->max, (double *)field);
        break;
    case P_STRING: {
        const char *s;
        rc = want_scalar(c, val, name, &s);
        if (!rc && strlen(s) >= def->size) {
            char lim[32];
            snprintf(lim, sizeof lim, "%zu", def->size - 1);
            bad(c, val, "%s is longer than %s characters", name, lim);
            rc = -1;
        }
        if (!rc)
            snprintf(field, def->size, "%s", s);
        break;
    }
    case P_SHAPE: {
        static const char *shapes[] = {"circle", "square", "triangle", "diamond", NULL};
        const char *s = scalar(val);
        for (int k = 0; s && shapes[k]; k++)
            if (strcmp(s, shapes[k]) == 0) {
                *(cm_shape *)field = (cm_shape)k;
                rc = 0;
            }
        if (rc)
            bad(c, val, "%s must be one of circle, square, triangle, diamond, not '%s'", name,
                s ? s : "a list");
        break;
    }
    case P_BOOL: {
        const char *s = scalar(val);
        if (s && (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)) {
            *(int *)field = strcmp(s, "true") == 0;
            rc = 0;
        } else {
            bad(c, val, "%s must be true or false", name, NULL);
        }
        break;
    }
    case P_DASH: {
        if (val->type != YAML_SEQUENCE_NODE) {
            bad(c, val, "%s must be a list of numbers, like [4, 2]", name, NULL);
            break;
        }
        int k = 0;
        rc = 0;
        for (yaml_node_item_t *it = val->data.sequence.items.start;
             it < val->data.sequence.items.top; it++) {
            yaml_node_t *item = yaml_document_get_node(c->doc, *it);
            if (k >= CM_MAX_DASH) {
                bad(c, item, "%s has more than 8 entries", name, NULL);
                rc = -1;
                break;
            }
            if (want_number(c, item, name, 0, def->max, &p->line_dasharray[k]))
                rc = -1;
            k++;
        }
        if (!rc)
            p->line_dash_count = k;
        break;
    }
    }
    if (!rc)
        p->set |= (uint64_t)1 << idx;
}

#define FOR_PAIRS(c, node, pair)                                                                   \
    for (yaml_node_pair_t *pair = (node)->data.mapping.pairs.start;                                \
         pair < (node)->data.mapping.pairs.top; pair++)
#define KEY(c, pair) yaml_document_get_node((c)->doc, (pair)->key)
#define VAL(c, pair) yaml_document_get_node((c)->doc, (pair)->value)

static int want_mapping(ctx *c, const yaml_node_t *n, const char *what)
{
    if (!n || n->type != YAML_MAPPING_NODE) {
        if (n)
            bad(c, n, "%s must be a mapping of key: value", what, NULL);
        return -1;
    }
    return 0;
}

static void parse_paint(ctx *c, const yaml_node_t *n, cm_paint *p, const char *what)
{
    if (want_mapping(c, n, what))
        return;
    FOR_PAIRS(c, n, pair)
    {
        const yaml_node_t *k = KEY(c, pair);
        if (!scalar(k)) {
            bad(c, k, "property names must be plain words", NULL, NULL);
            continue;
        }
        parse_prop(c, k, VAL(c, pair), p);
    }
}

static void merge_paint(cm_paint *dst, const cm_paint *src)
{
    for (size_t i = 0; i < NPROPS; i++) {
        if (!(src->set & ((uint64_t)1 << i)))
            continue;
        size_t end = i + 1 < NPROPS ? PROPS[i + 1].offset : sizeof(cm_paint);
        memcpy((char *)dst + PROPS[i].offset, (const char *)src + PROPS[i].offset,
               end - PROPS[i].offset);
        dst->set |= (uint64_t)1 << i;
    }
}

cm_paint cm_style_paint_for(const cm_style_layer *layer, const char *status)
{
    cm_paint p = layer->paint;
    for (size_t i = 0; status && i < layer->noverrides; i++)
        if (strcmp(layer->overrides[i].status, status) == 0)
            merge_paint(&p, &layer->overrides[i].paint);
    return p;
}

/* Joins dir-of(style) and rel; owned. */
static char *resolve(const char *style_path, const char *rel)
{
    if (rel[0] == '/')
        return cm_strdup(rel);
    const char *slash = strrchr(style_path, '/');
    size_t dl = slash ? (size_t)(slash - style_path + 1) : 0;
    char *out = malloc(dl + strlen(rel) + 1);
    if (!out)
        return NULL;
    memcpy(out, style_path, dl);
    strcpy(out + dl, rel);
    return out;
}

static void parse_map(ctx *c, const yaml_node_t *n, cm_map_style *s)
{
    if (want_mapping(c, n, "map"))
        return;
    FOR_PAIRS(c, n, pair)
    {
        const yaml_node_t *k = KEY(c, pair), *v = VAL(c, pair);
        const char *key = scalar(k);
        double d;
        if (!key || !is_known(key, MAP_KEYS)) {
            if (key)
                unknown_key(c, k, "map", MAP_KEYS);
            continue;
        }
        if (!strcmp(key, "id"))
            set_string(c, &s->id, v, "id");
        else if (!strcmp(key, "title"))
            set_string(c, &s->title, v, "title");
        else if (!strcmp(key, "subtitle"))
            set_string(c, &s->subtitle, v, "subtitle");
        else if (!strcmp(key, "crs"))
            set_string(c, &s->crs, v, "crs");
        else if (!strcmp(key, "font"))
            set_string(c, &s->font, v, "font");
        else if (!strcmp(key, "graticule")) {
            const char *g = scalar(v);
            if (g && !strcmp(g, "none"))
                s->graticule_deg = -1;
            else if (!want_number(c, v, "graticule (degrees, or none)", 0.1, 90, &d))
                s->graticule_deg = d;
        } else if (strstr(key, "-anchor")) {
            const char *a = scalar(v);
            int k = 0;
            while (ANCHORS[k] && (!a || strcmp(ANCHORS[k], a)))
                k++;
            if (!ANCHORS[k]) {
                bad(c, v, "%s must be top-left, top-right, bottom-left, bottom-right or none", key,
                    NULL);
                continue;
            }
            for (int f = 0; f < CM_FURN_COUNT; f++)
                if (!strcmp(ANCHOR_KEYS[f], key))
                    s->anchors[f] = (cm_anchor)k;
        } else if (!strcmp(key, "compare-routes")) {
            if (v->type != YAML_SEQUENCE_NODE) {
                bad(c, v,
                    "compare-routes must be a list of route ids (a trailing * matches a "
                    "prefix)",
                    NULL, NULL);
                continue;
            }
            for (yaml_node_item_t *it = v->data.sequence.items.start;
                 it < v->data.sequence.items.top; it++) {
                const char *id = scalar(yaml_document_get_node(c->doc, *it));
                char **g = id ? realloc(s->compare, (s->ncompare + 1) * sizeof *g) : NULL;
                if (!g) {
                    bad(c, v, "compare-routes must list route ids", NULL, NULL);
                    break;
                }
                s->compare = g;
                s->compare[s->ncompare++] = dup_or_oom(c, id);
            }
        } else if (!strcmp(key, "lang")) {
            const char *l = scalar(v);
            static const char *langs[] = {"en", "ru", "zh", "en+ru", "en+zh", NULL};
            if (!l || !is_known(l, langs))
                bad(c, v, "lang must be one of en, ru, zh, en+ru, en+zh", NULL, NULL);
            else
                set_string(c, &s->lang, v, "lang");
        } else if (!strcmp(key, "width") || !strcmp(key, "height")) {
            if (!want_number(c, v, key, 1, CM_MAX_SIZE_PX, &d)) {
                if (d != floor(d))
                    bad(c, v, "%s must be a whole number of pixels", key, NULL);
                else if (key[0] == 'w')
                    s->width_px = (int)d;
                else
                    s->height_px = (int)d;
            }
        } else if (!strcmp(key, "dpi")) {
            if (!want_number(c, v, "dpi", 10, 2400, &d))
                s->dpi = d;
        } else if (!strcmp(key, "background")) {
            want_color(c, v, "background", &s->background);
        } else if (!strcmp(key, "extent")) {
            double e[4];
            int ok = v->type == YAML_SEQUENCE_NODE &&
                     v->data.sequence.items.top - v->data.sequence.items.start == 4;
            if (!ok) {
                bad(c, v, "extent must be a list [lon0, lat0, lon1, lat1]", NULL, NULL);
                continue;
            }
            for (int i = 0; i < 4 && ok; i++) {
                yaml_node_t *it = yaml_document_get_node(c->doc, v->data.sequence.items.start[i]);
                ok = !want_number(c, it, i % 2 ? "extent latitude" : "extent longitude",
                                  i % 2 ? -90 : -180, i % 2 ? 90 : 360, &e[i]);
            }
            if (!ok)
                continue;
            if (e[2] <= e[0] || e[3] <= e[1])
                bad(c, v, "extent is empty or inverted: lon1 must exceed lon0 and lat1 lat0", NULL,
                    NULL);
            else
                memcpy(s->extent, e, sizeof e);
        }
    }
}

static cm_style_source *find_source(cm_map_style *s, const char *id)
{
    for (size_t i = 0; i < s->nsources; i++)
        if (!strcmp(s->sources[i].id, id))
            return &s->sources[i];
    return NULL;
}

static void parse_sources(ctx *c, const yaml_node_t *n, cm_map_style *s)
{
    if (want_mapping(c, n, "sources"))
        return;
    FOR_PAIRS(c, n, pair)
    {
        const yaml_node_t *k = KEY(c, pair), *v = VAL(c, pair);
        const char *id = scalar(k), *path = scalar(v), *join = NULL;
        int as_points = 0;
        if (!id) {
            bad(c, k, "a source name must be a plain word", NULL, NULL);
            continue;
        }
        if (v->type == YAML_MAPPING_NODE) {
            FOR_PAIRS(c, v, sp)
            {
                const char *sk = scalar(KEY(c, sp));
                if (!sk || !is_known(sk, SOURCE_KEYS)) {
                    if (sk)
                        unknown_key(c, KEY(c, sp), "source", SOURCE_KEYS);
                    continue;
                }
                if (!strcmp(sk, "path"))
                    want_scalar(c, VAL(c, sp), "path", &path);
                else if (!strcmp(sk, "join"))
                    want_scalar(c, VAL(c, sp), "join", &join);
                else {
                    const char *b = scalar(VAL(c, sp));
                    if (b && (!strcmp(b, "true") || !strcmp(b, "false")))
                        as_points = !strcmp(b, "true");
                    else
                        bad(c, VAL(c, sp), "points must be true or false", NULL, NULL);
                }
            }
        }
        if (!path) {
            bad(c, v, "source '%s' needs a path", id, NULL);
            continue;
        }
        cm_style_source *src = find_source(s, id);
        if (!src) {
            cm_style_source *grown = realloc(s->sources, (s->nsources + 1) * sizeof *grown);
            if (!grown) {
                cm_error_oom(c->err);
                return;
            }
            s->sources = grown;
            src = &s->sources[s->nsources++];
            memset(src, 0, sizeof *src);
            src->id = dup_or_oom(c, id);
        }
        free(src->path);
        free(src->join);
        src->path = resolve(c->path, path);
        src->join = join ? resolve(c->path, join) : NULL;
        src->as_points = as_points;
    }
}

static void free_filters(cm_style_layer *L)
{
    for (size_t i = 0; i < L->nfilters; i++) {
        free(L->filters[i].key);
        for (size_t k = 0; k < L->filters[i].nvalues; k++)
            free(L->filters[i].values[k]);
        free(L->filters[i].values);
    }
    free(L->filters);
    L->filters = NULL;
    L->nfilters = 0;
}

static void parse_filter(ctx *c, const yaml_node_t *n, cm_style_layer *L)
{
    if (want_mapping(c, n, "filter"))
        return;
    free_filters(L);
    size_t np = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
    L->filters = calloc(np ? np : 1, sizeof *L->filters);
    if (!L->filters) {
        cm_error_oom(c->err);
        return;
    }
    FOR_PAIRS(c, n, pair)
    {
        const yaml_node_t *k = KEY(c, pair), *v = VAL(c, pair);
        if (!scalar(k)) {
            bad(c, k, "a filter key must be an attribute name", NULL, NULL);
            continue;
        }
        cm_filter *f = &L->filters[L->nfilters++];
        f->key = dup_or_oom(c, scalar(k));
        if (v->type == YAML_SCALAR_NODE) {
            f->values = malloc(sizeof(char *));
            if (f->values)
                f->values[f->nvalues++] = dup_or_oom(c, scalar(v));
            continue;
        }
        if (v->type != YAML_SEQUENCE_NODE) {
            bad(c, v, "filter '%s' takes a value or a list of values", scalar(k), NULL);
            continue;
        }
        size_t nv = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
        f->values = calloc(nv ? nv : 1, sizeof(char *));
        for (size_t i = 0; f->values && i < nv; i++) {
            const char *s = scalar(yaml_document_get_node(c->doc, v->data.sequence.items.start[i]));
            if (s)
                f->values[f->nvalues++] = dup_or_oom(c, s);
        }
    }
}

static void parse_overrides(ctx *c, const yaml_node_t *n, cm_style_layer *L)
{
    static const char *statuses[] = {"operational", "under_construction", "planned",
                                     "proposed",    "suspended",          NULL};
    if (want_mapping(c, n, "when-status"))
        return;
    FOR_PAIRS(c, n, pair)
    {
        const yaml_node_t *k = KEY(c, pair);
        const char *st = scalar(k);
        if (!st || !is_known(st, statuses)) {
            const char *sug = st ? nearest(st, statuses, count_words(statuses)) : NULL;
            if (sug)
                bad(c, k, "unknown status '%s'; did you mean '%s'?", st, sug);
            else
                bad(c, k,
                    "unknown status '%s' (operational, under_construction, planned, proposed, "
                    "suspended)",
                    st ? st : "", NULL);
            continue;
        }
        cm_override *grown = realloc(L->overrides, (L->noverrides + 1) * sizeof *grown);
        if (!grown) {
            cm_error_oom(c->err);
            return;
        }
        L->overrides = grown;
        cm_override *o = &L->overrides[L->noverrides++];
        memset(o, 0, sizeof *o);
        o->status = dup_or_oom(c, st);
        parse_paint(c, VAL(c, pair), &o->paint, "when-status entry");
    }
}

static void free_layer(cm_style_layer *L)
{
    free(L->id);
    free(L->label);
    free(L->source);
    free_filters(L);
    for (size_t i = 0; i < L->noverrides; i++)
        free(L->overrides[i].status);
    free(L->overrides);
    memset(L, 0, sizeof *L);
}

static void parse_layer(ctx *c, const yaml_node_t *n, cm_map_style *s)
{
    if (want_mapping(c, n, "a layer"))
        return;
    const char *id = NULL;
    FOR_PAIRS(c, n, pair)
    {
        const char *k = scalar(KEY(c, pair));
        if (k && !strcmp(k, "id"))
            id = scalar(VAL(c, pair));
    }
    if (!id) {
        bad(c, n, "a layer needs an id", NULL, NULL);
        return;
    }
    cm_style_layer *L = NULL;
    for (size_t i = 0; i < s->nlayers; i++)
        if (!strcmp(s->layers[i].id, id))
            L = &s->layers[i]; /* a map file overriding its base's layer */
    int fresh = L == NULL;
    if (fresh) {
        cm_style_layer *grown = realloc(s->layers, (s->nlayers + 1) * sizeof *grown);
        if (!grown) {
            cm_error_oom(c->err);
            return;
        }
        s->layers = grown;
        L = &s->layers[s->nlayers++];
        memset(L, 0, sizeof *L);
        L->id = dup_or_oom(c, id);
        L->type = CM_LAYER_LINE;
        L->legend = 1;
        L->visible = 1;
        paint_defaults(&L->paint);
        L->line = (long)n->start_mark.line + 1;
    }
    int have_type = !fresh, have_source = !fresh;
    FOR_PAIRS(c, n, pair)
    {
        const yaml_node_t *k = KEY(c, pair), *v = VAL(c, pair);
        const char *key = scalar(k);
        if (!key || !is_known(key, LAYER_KEYS)) {
            if (key)
                unknown_key(c, k, "layer", LAYER_KEYS);
            continue;
        }
        if (!strcmp(key, "label"))
            set_string(c, &L->label, v, "label");
        else if (!strcmp(key, "source")) {
            set_string(c, &L->source, v, "source");
            have_source = 1;
            if (L->source && !find_source(s, L->source))
                bad(c, v, "unknown source '%s' (define it under sources:)", L->source, NULL);
        } else if (!strcmp(key, "type")) {
            const char *t = scalar(v);
            have_type = 1;
            if (t && !strcmp(t, "fill"))
                L->type = CM_LAYER_FILL;
            else if (t && !strcmp(t, "line"))
                L->type = CM_LAYER_LINE;
            else if (t && !strcmp(t, "circle"))
                L->type = CM_LAYER_CIRCLE;
            else if (t && !strcmp(t, "symbol"))
                L->type = CM_LAYER_SYMBOL;
            else
                bad(c, v, "layer type must be fill, line, circle or symbol, not '%s'", t ? t : "",
                    NULL);
        } else if (!strcmp(key, "filter"))
            parse_filter(c, v, L);
        else if (!strcmp(key, "paint") || !strcmp(key, "layout")) {
            cm_paint p = {0};
            parse_paint(c, v, &p, key);
            merge_paint(&L->paint, &p);
        } else if (!strcmp(key, "when-status"))
            parse_overrides(c, v, L);
        else if (!strcmp(key, "visibility")) {
            const char *b = scalar(v);
            if (b && (!strcmp(b, "visible") || !strcmp(b, "none")))
                L->visible = !strcmp(b, "visible");
            else
                bad(c, v, "visibility must be visible or none", NULL, NULL);
        } else if (!strcmp(key, "legend")) {
            const char *b = scalar(v);
            if (b && (!strcmp(b, "true") || !strcmp(b, "false")))
                L->legend = !strcmp(b, "true");
            else
                bad(c, v, "legend must be true or false", NULL, NULL);
        }
    }
    if (!have_type)
        bad(c, n, "layer '%s' needs a type (fill, line, circle or symbol)", id, NULL);
    if (!have_source)
        bad(c, n, "layer '%s' needs a source", id, NULL);
    if (!L->label)
        L->label = dup_or_oom(c, id);
}

static cm_status parse_file(const char *path, cm_map_style *s, cm_error *err, int depth);

static void parse_root(ctx *c, const yaml_node_t *root, cm_map_style *s, int depth)
{
    if (!root || root->type != YAML_MAPPING_NODE) {
        cm_error_add(c->err, CM_EINPUT, c->path, root ? (long)root->start_mark.line + 1 : 0,
                     root ? (long)root->start_mark.column + 1 : 0,
                     "a style file is a mapping with map:, sources: and layers:");
        return;
    }
    /* extends first, then map and sources (layers refer to them), then layers */
    const char *order[] = {"extends", "map", "sources", "layers"};
    FOR_PAIRS(c, root, pair)
    {
        const yaml_node_t *k = KEY(c, pair);
        const char *key = scalar(k);
        if (!key)
            bad(c, k, "a top-level key must be a plain word (extends, map, sources, layers)", NULL,
                NULL);
        else if (!is_known(key, TOP_KEYS))
            unknown_key(c, k, "top-level", TOP_KEYS);
    }
    int nextends = 0; /* one base: each extends more would multiply the files read */
    for (int o = 0; o < 4; o++) {
        FOR_PAIRS(c, root, pair)
        {
            const char *key = scalar(KEY(c, pair));
            const yaml_node_t *v = VAL(c, pair);
            if (!key || strcmp(key, order[o]))
                continue;
            if (o == 0) {
                const char *base = scalar(v);
                char *bp = base ? resolve(c->path, base) : NULL;
                if (!base)
                    bad(c, v, "extends takes a file name", NULL, NULL);
                else if (++nextends > 1)
                    bad(c, v, "extends is given more than once (a style extends one base)", NULL,
                        NULL);
                else if (depth > 4)
                    bad(c, v, "extends nests too deep (a loop?)", NULL, NULL);
                else if (bp && parse_file(bp, s, c->err, depth + 1) != CM_OK)
                    bad(c, v, "in the base style '%s' extended here", base, NULL);
                free(bp);
            } else if (o == 1) {
                parse_map(c, v, s);
            } else if (o == 2) {
                parse_sources(c, v, s);
            } else if (v->type != YAML_SEQUENCE_NODE) {
                bad(c, v, "layers must be a list of layers (- id: ...)", NULL, NULL);
            } else {
                for (yaml_node_item_t *it = v->data.sequence.items.start;
                     it < v->data.sequence.items.top; it++)
                    parse_layer(c, yaml_document_get_node(c->doc, *it), s);
            }
        }
    }
}

static cm_status parse_file(const char *path, cm_map_style *s, cm_error *err, int depth)
{
    yaml_parser_t parser;
    yaml_document_t doc;
    int before = err->count;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return cm_error_add(err, CM_EINPUT, path, 0, 0, "cannot open: %s", strerror(errno));
    if (!yaml_parser_initialize(&parser)) {
        fclose(fp);
        return cm_error_oom(err);
    }
    yaml_parser_set_input_file(&parser, fp);
    if (!yaml_parser_load(&parser, &doc)) {
        cm_error_add(err, CM_EINPUT, path, (long)parser.problem_mark.line + 1,
                     (long)parser.problem_mark.column + 1, "YAML syntax: %s%s%s",
                     parser.problem ? parser.problem : "error", parser.context ? " " : "",
                     parser.context ? parser.context : "");
        yaml_parser_delete(&parser);
        fclose(fp);
        return CM_EINPUT;
    }
    ctx c = {path, &doc, err};
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (!root)
        cm_error_add(err, CM_EINPUT, path, 0, 0, "empty style file");
    else
        parse_root(&c, root, s, depth);
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    fclose(fp);
    return err->count > before ? CM_EINPUT : CM_OK;
}

cm_status cm_style_load(const char *path, cm_map_style *s, cm_error *err)
{
    memset(s, 0, sizeof *s);
    s->path = cm_strdup(path);
    s->width_px = 1600;
    s->height_px = 1100;
    s->dpi = 150;
    s->background = (cm_color){0.81, 0.886, 0.953, 1};
    s->anchors[CM_FURN_TITLE] = CM_ANCHOR_TOP_LEFT;
    s->anchors[CM_FURN_LEGEND] = CM_ANCHOR_BOTTOM_LEFT;
    s->anchors[CM_FURN_SCALE] = CM_ANCHOR_BOTTOM_RIGHT;
    s->anchors[CM_FURN_CREDITS] = CM_ANCHOR_BOTTOM_RIGHT;
    s->anchors[CM_FURN_INSET] = CM_ANCHOR_NONE;
    s->anchors[CM_FURN_TABLE] = CM_ANCHOR_TOP_RIGHT;
    int before = err->count;
    parse_file(path, s, err, 0);
    if (err->count == before) {
        if (!s->crs)
            cm_error_add(err, CM_EINPUT, path, 0, 0, "map: needs a crs");
        if (!(s->extent[2] > s->extent[0]))
            cm_error_add(err, CM_EINPUT, path, 0, 0, "map: needs an extent");
        if (!s->id) {
            /* the file name without directory and extension */
            const char *b = strrchr(path, '/');
            b = b ? b + 1 : path;
            s->id = cm_strdup(b);
            char *dot = s->id ? strrchr(s->id, '.') : NULL;
            if (dot)
                *dot = '\0';
        }
    }
    if (!s->lang)
        s->lang = cm_strdup("en");
    if (!s->font)
        s->font = cm_strdup("Noto Sans, WenQuanYi Micro Hei, DejaVu Sans");
    return err->count > before ? CM_EINPUT : CM_OK;
}

void cm_style_free(cm_map_style *s)
{
    free(s->path);
    free(s->id);
    free(s->title);
    free(s->subtitle);
    free(s->crs);
    free(s->lang);
    free(s->font);
    for (size_t i = 0; i < s->nsources; i++) {
        free(s->sources[i].id);
        free(s->sources[i].path);
        free(s->sources[i].join);
    }
    free(s->sources);
    for (size_t i = 0; i < s->nlayers; i++)
        free_layer(&s->layers[i]);
    free(s->layers);
    for (size_t i = 0; i < s->ncompare; i++)
        free(s->compare[i]);
    free(s->compare);
    memset(s, 0, sizeof *s);
}
