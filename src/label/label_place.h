/* label_place: places point and line labels without collisions, in priority order, and
 * keeps a record of every label (placed where, or dropped and why). */
#ifndef CM_LABEL_PLACE_H
#define CM_LABEL_PLACE_H

#include "../scene/scene.h"
#include "text.h"

typedef enum { CM_LABEL_POINT, CM_LABEL_LINE, CM_LABEL_AREA } cm_label_kind;

typedef struct {
    cm_item proto; /* owned text item: strings, font, colours; position filled on placing */
    cm_label_kind kind;
    double x, y, offset_px; /* point: anchor and clearance (marker radius + gap) */
    cm_geom line;           /* line: page-space polyline, owned */
    double priority;
    size_t order;
} cm_label_request;

typedef struct {
    char *feature_id, *text; /* owned */
    int placed;
    const char *reason; /* static text when dropped */
    cm_box box;         /* bounding box of the placed label */
    cm_xy quad[4];      /* its corners, rotated with the text */
} cm_label_result;

/* Owns its requests, obstacles and results; free with cm_labeler_free. */
typedef struct {
    double width_px, height_px;
    cm_label_request *reqs;
    size_t nreqs, reqs_cap;
    cm_box *obstacles;
    size_t nobs, obs_cap;
    cm_label_result *results;
    size_t nresults;
} cm_labeler;

/* The four corners of a placed text item's box (with its halo), rotated with the text. */
void cm_label_quad(const cm_item *it, cm_xy q[4]);

void cm_labeler_init(cm_labeler *l, double width_px, double height_px);
void cm_labeler_free(cm_labeler *l);

/* A box no label may cover (markers, furniture). */
cm_status cm_labeler_add_obstacle(cm_labeler *l, cm_box box);
/* Takes ownership of proto's strings (proto is left zeroed). */
cm_status cm_labeler_add_point(cm_labeler *l, cm_item *proto, double x, double y, double offset_px,
                               double priority);
/* Copies the polyline pts[0..n). */
cm_status cm_labeler_add_line(cm_labeler *l, cm_item *proto, const cm_xy *pts, size_t n,
                              double priority);
/* A label centred on x, y (seas, regions). */
cm_status cm_labeler_add_area(cm_labeler *l, cm_item *proto, double x, double y, double priority);

/* Measures and places every request, highest priority first; placed labels become text
 * items of out, in placing order; every request gets a result. */
cm_status cm_labeler_place(cm_labeler *l, cm_text *text, cm_scene_layer *out, cm_error *err);

#endif
