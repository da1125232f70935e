/* build: turns styled, loaded layers into scene items: cut at the seam, filter by box,
 * densify, project, map to the page, clip to the frame; queues labels. */
#ifndef CM_BUILD_H
#define CM_BUILD_H

#include "../label/label_place.h"
#include "../project/clip.h"
#include "../project/projection.h"
#include "../style/style.h"
#include "scene.h"

/* Borrowed tools and the map's geometry; all must outlive the call. */
typedef struct {
    const cm_map_style *style;
    cm_layer *sources; /* parallel to style->sources, loaded */
    cm_proj *proj;
    cm_clip *clip;
    double frame[4];      /* projected x0, y0, x1, y1 */
    double lonlat_box[4]; /* the data box covering the frame */
    double width_px, height_px, dpi;
    const char *lang;          /* en, ru, zh, en+ru, en+zh */
    size_t skipped;            /* features or vertices a projection could not take */
    double scale_km, scale_px; /* the scale bar drawn: its length on the ground and the page */
    double corner_px[4];       /* furniture stacked so far at each corner (cm_anchor order) */
    char cited[24][64];        /* the distinct `source` values of the features drawn */
    int ncited;
} cm_build;

/* Appends one scene layer per style layer to scene, in style order, and queues their labels
 * on labels. */
cm_status cm_build_layers(cm_build *b, cm_scene *scene, cm_labeler *labels, cm_error *err);

/* The graticule spacing in degrees for this map (the style's, or chosen from the extent);
 * 0 when the style says none. */
double cm_build_graticule_step(const cm_build *b);
/* One line of the graticule in lon/lat: a meridian (parallel == 0) or a parallel at value
 * degrees, sampled across the frame's lon/lat box. */
typedef struct {
    int parallel;
    double value;
    cm_geom line; /* owned */
} cm_gratline;

/* The graticule's lines (meridians, then parallels); *out is owned, free with
 * cm_build_graticule_free. None when the step is 0. */
cm_status cm_build_graticule_lines(const cm_build *b, cm_gratline **out, size_t *n);
void cm_build_graticule_free(cm_gratline *lines, size_t n);

/* Appends a "graticule" layer of meridians and parallels over the frame. */
cm_status cm_build_graticule(cm_build *b, cm_scene *scene, cm_error *err);

/* lon/lat -> page pixels for one point; returns -1 when the projection cannot take it. */
int cm_build_to_page(cm_build *b, double lon, double lat, double *x, double *y);

/* Projects and clips a lon/lat geometry into page geometry out (zeroed by the caller). */
cm_status cm_build_project_geom(cm_build *b, const cm_geom *lonlat, cm_geom *out);

/* Expands a text-field template: {label} is the name in the map's language, {name},
 * {name_ru}... are attributes. Returns an owned string ("" when every field is empty). */
char *cm_build_label_text(const char *tmpl, const cm_feature *f, const char *lang);

/* True when the feature passes every filter of the layer. */
int cm_build_matches(const cm_style_layer *L, const cm_feature *f);

#endif
