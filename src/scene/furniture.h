/* furniture: what makes a map a report figure: title block, legend built from the symbols
 * actually drawn, a scale bar true at the map's centre, and the source note. */
#ifndef CM_FURNITURE_H
#define CM_FURNITURE_H

#include "../label/label_place.h"
#include "../label/text.h"
#include "build.h"
#include "scene.h"

/* Adds the furniture layers to furn (drawn after the labels), reading what map holds for
 * the legend; their boxes become obstacles for labels. */
cm_status cm_furniture_add(cm_build *b, cm_text *text, const cm_scene *map, cm_scene *furn,
                           cm_labeler *labels, cm_error *err);

/* A table panel at the top right: a bold header row then rows of cells (row-major,
 * ncols each), and a small note under it. Its box becomes an obstacle for labels. */
cm_status cm_furniture_table(cm_build *b, cm_text *text, cm_scene *furn, cm_labeler *labels,
                             const char *title, const char *const *cells, int ncols, int nrows,
                             const char *note, cm_error *err);

/* The scale bar's length in km for a target width, chosen from 1, 2, 5 x 10^n, and the
 * km per pixel at the centre of the frame (geodesic, east-west). 0 on success. */
int cm_furniture_scale(cm_build *b, double target_px, double *km, double *km_per_px);

#endif
