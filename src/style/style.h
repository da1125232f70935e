/* style: map definitions read from YAML style files (libyaml), with MapLibre property
 * names. Errors carry file:line:col; all errors of a file are reported together. */
#ifndef CM_STYLE_H
#define CM_STYLE_H

#include <stddef.h>
#include <stdint.h>

#include "../core/error.h"

typedef struct {
    double r, g, b, a; /* 0..1 */
} cm_color;

typedef enum { CM_SHAPE_CIRCLE, CM_SHAPE_SQUARE, CM_SHAPE_TRIANGLE, CM_SHAPE_DIAMOND } cm_shape;

#define CM_MAX_DASH 8

/* Drawing properties of a layer; sizes in points (1/72 in). `set` has bit k for property k
 * of the property table when the style gave it (used to merge overrides). */
typedef struct {
    uint64_t set;
    cm_color fill_color;
    double fill_opacity;
    cm_color fill_outline_color;
    double fill_outline_width;
    cm_color line_color;
    double line_width;
    double line_opacity;
    double line_dasharray[CM_MAX_DASH]; /* in line widths, as in MapLibre */
    int line_dash_count;
    cm_color line_casing_color; /* drawn beneath, wider, when its width > 0 */
    double line_casing_width;
    double circle_radius;
    cm_color circle_color;
    cm_color circle_stroke_color;
    double circle_stroke_width;
    cm_shape marker_shape;
    char text_field[128]; /* "{label}", "{name} / {name_ru}", "" for no label */
    char text_font[128];  /* Pango family list */
    double text_size;
    cm_color text_color;
    cm_color text_halo_color;
    double text_halo_width;
    double text_priority; /* higher is placed first */
    int text_italic;
    double text_letter_spacing;
} cm_paint;

/* symbol: a label only, centred on each point (seas, regions) */
typedef enum { CM_LAYER_FILL, CM_LAYER_LINE, CM_LAYER_CIRCLE, CM_LAYER_SYMBOL } cm_layer_type;

typedef struct {
    char *key;
    char **values; /* a feature matches when its key equals one of them */
    size_t nvalues;
} cm_filter;

typedef struct {
    char *status; /* the feature status this applies to */
    cm_paint paint;
} cm_override;

typedef struct {
    char *id;    /* names the SVG layer; owned */
    char *label; /* human name of the layer (legend, Inkscape); owned */
    cm_layer_type type;
    char *source; /* the id of a source */
    cm_filter *filters;
    size_t nfilters;
    cm_paint paint;
    cm_override *overrides;
    size_t noverrides;
    int legend;  /* show in the legend */
    int visible; /* `visibility: none` hides a base layer in a map file */
    long line;   /* where it is defined, for messages */
} cm_style_layer;

/* Where a piece of map furniture sits. */
typedef enum {
    CM_ANCHOR_TOP_LEFT,
    CM_ANCHOR_TOP_RIGHT,
    CM_ANCHOR_BOTTOM_LEFT,
    CM_ANCHOR_BOTTOM_RIGHT,
    CM_ANCHOR_NONE,
} cm_anchor;

enum {
    CM_FURN_TITLE,
    CM_FURN_LEGEND,
    CM_FURN_SCALE,
    CM_FURN_CREDITS,
    CM_FURN_INSET,
    CM_FURN_TABLE,
    CM_FURN_COUNT
};

typedef struct {
    char *id;
    char *path;    /* resolved relative to the style file; owned */
    char *join;    /* optional attribute table joined by id; owned or NULL */
    int as_points; /* a CSV read a point per row, even its route waypoints */
} cm_style_source;

/* A map: owned by the caller, freed with cm_style_free. */
typedef struct {
    char *path; /* the style file */
    char *id, *title, *subtitle, *crs, *lang;
    double extent[4]; /* lon0, lat0, lon1, lat1 */
    int width_px, height_px;
    double dpi;
    cm_color background;
    char *font; /* default Pango family list for labels and furniture */
    cm_style_source *sources;
    size_t nsources;
    cm_style_layer *layers;
    size_t nlayers;
    cm_anchor anchors[CM_FURN_COUNT]; /* title-anchor, legend-anchor, ... */
    double graticule_deg;             /* spacing; 0: chosen from the extent; < 0: none */
    char **compare; /* route id patterns to compare on this map (table, shading); owned */
    size_t ncompare;
} cm_map_style;

#define CM_MAX_SIZE_PX 20000 /* width or height; larger is refused before allocating */

/* Reads a style file. An `extends: FILE` key first reads that base (relative to this file);
 * this file's map keys and sources override it, and its layers replace the base's layers
 * of the same id or are appended. On failure returns CM_EINPUT with every error in err. */
cm_status cm_style_load(const char *path, cm_map_style *out, cm_error *err);
void cm_style_free(cm_map_style *s);

/* Paint after applying the override for status (if any). */
cm_paint cm_style_paint_for(const cm_style_layer *layer, const char *status);

/* True when s matches a filter value: equal, or starting with it when the value ends in
 * '*' ("north_*"). */
int cm_pattern_match(const char *pattern, const char *s);

/* Parses "#rgb", "#rrggbb" or "#rrggbbaa"; 0 on success. */
int cm_color_parse(const char *s, cm_color *out);

/* The nearest known property name to s (for "did you mean"), or NULL if none is close. */
const char *cm_style_suggest(const char *s);

#endif
