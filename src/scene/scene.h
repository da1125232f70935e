/* scene: the display list every output walks. Ordered layers of paths, markers and text
 * in page pixels (origin top-left, y down), each item keeping its feature's id and name. */
#ifndef CM_SCENE_H
#define CM_SCENE_H

#include <stddef.h>

#include "../core/error.h"
#include "../load/feature.h"
#include "../style/style.h"

typedef enum { CM_ITEM_PATH, CM_ITEM_MARKER, CM_ITEM_TEXT } cm_item_kind;

typedef struct {
    double x0, y0, x1, y1;
} cm_box;

typedef struct {
    cm_item_kind kind;
    char *feature_id; /* owned; may be NULL for furniture */
    char *name;       /* owned; may be NULL */
    char *css_class;  /* owned; shared look (SVG class), e.g. "railway-planned" */
    /* path: parts are rings when fill.a > 0 (even-odd rule), else polylines */
    cm_geom path;
    cm_color fill, stroke;
    double stroke_width_px;
    double dash_px[CM_MAX_DASH];
    int ndash;
    /* marker */
    double x, y, radius_px;
    cm_shape shape;
    /* text: (x, y) is the baseline start after rotation by angle_rad about it */
    char *text;
    char *font;
    double size_px;
    int italic, bold;
    double letter_spacing_px;
    cm_color halo;
    double halo_px;
    double angle_rad;
    double width_px, ascent_px, descent_px; /* measured by the text module */
    cm_box box;                             /* the page box it covers (markers and texts) */
} cm_item;

typedef struct {
    char *id;    /* owned: the style layer id, used as SVG layer id */
    char *label; /* owned: human name (Inkscape layer label) */
    cm_item *items;
    size_t count, cap;
} cm_scene_layer;

/* Owns everything it holds; free with cm_scene_free. */
typedef struct {
    double width_px, height_px, dpi;
    cm_color background;
    char *title; /* owned; document title */
    cm_scene_layer *layers;
    size_t nlayers;
} cm_scene;

/* Appends a layer (copies id and label); NULL when out of memory. Valid until the next
 * call to cm_scene_add_layer. */
cm_scene_layer *cm_scene_add_layer(cm_scene *s, const char *id, const char *label);
/* Appends a zeroed item; NULL when out of memory. Valid until the next add to the layer. */
cm_item *cm_scene_add_item(cm_scene_layer *layer, cm_item_kind kind);
/* Copies the strings (each may be NULL) into the item. */
cm_status cm_item_set_strings(cm_item *it, const char *feature_id, const char *name,
                              const char *css_class);
/* Moves the last layer to position at (the layers from at on shift up by one). */
void cm_scene_move_last(cm_scene *s, size_t at);
/* Moves every layer of src to the end of dst; src is left empty. */
cm_status cm_scene_take_layers(cm_scene *dst, cm_scene *src);
/* Frees what an item owns (strings and path) and zeroes those fields. */
void cm_item_free_contents(cm_item *it);
const cm_scene_layer *cm_scene_find_layer(const cm_scene *s, const char *id);
void cm_scene_free(cm_scene *s);

int cm_box_overlap(const cm_box *a, const cm_box *b);

#endif
