/* map_render: one map from style file to scene: load the sources, set up the projection
 * and frame, build the layers, add the furniture, place the labels. */
#ifndef CM_MAP_RENDER_H
#define CM_MAP_RENDER_H

#include "../label/label_place.h"
#include "../label/text.h"
#include "../scene/scene.h"
#include "../style/style.h"

/* Command-line overrides of the style; zero means "as the style says". Borrowed. */
typedef struct {
    const char *crs;
    int has_extent;
    double extent[4];
    int width_px, height_px;
    double dpi;
    const char *lang;
    const char *const *add; /* extra layers: .csv or .shp */
    size_t nadd;
    const char *base;           /* replaces the path of the source named "countries" */
    const char *const *compare; /* route id patterns: replace the style's compare-routes */
    size_t ncompare;
    int no_labels;    /* no labels: a base to letter by hand */
    int no_furniture; /* no title, legend, scale bar or source note */
} cm_render_opts;

/* Everything one rendered map owns; free with cm_map_free. */
typedef struct {
    cm_map_style style;
    cm_scene scene;
    cm_labeler labels; /* the label record (placed and dropped) */
    cm_text *text;     /* the font setup the scene was measured with; backends draw with it */
    double frame[4];   /* projected x0, y0, x1, y1 */
    char *prj_wkt;     /* the CRS as ESRI WKT, for a .prj beside a PNG; may be NULL */
    size_t skipped;    /* vertices or points the projection could not take */
    double scale_km, scale_px; /* the scale bar (0 when none) */
} cm_map;

/* Renders the map of style_path into *out (zeroed by the caller; free with cm_map_free,
 * also on failure). */
cm_status cm_map_render(const char *style_path, const cm_render_opts *opts, cm_map *out,
                        cm_error *err);
void cm_map_free(cm_map *m);

#endif
