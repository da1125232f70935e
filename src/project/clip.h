/* clip: the only home of GEOS. Cuts geometries at a projection's seam before projecting and
 * clips projected geometries to the map frame. */
#ifndef CM_CLIP_H
#define CM_CLIP_H

#include "../core/error.h"
#include "../load/feature.h"

/* Owns a GEOS context handle; free with cm_clip_free. */
typedef struct cm_clip cm_clip;

cm_clip *cm_clip_new(void);
void cm_clip_free(cm_clip *c);

/* Appends to out the parts of in (rings when in->type is CM_GEOM_POLYGON, else lines) that
 * lie within the rectangle x0,y0,x1,y1. Parts wholly inside are copied as they are. */
cm_status cm_clip_rect(cm_clip *c, const cm_geom *in, const double rect[4], cm_geom *out);

/* Cuts lon/lat geometry at the meridian seam_lon (the antipode of a projection's central
 * meridian) and at its copies 360 degrees apart (unwrapped lines may pass 180), nudging
 * each side inwards by a hair so no vertex lands on the tear. Parts that do not cross it are
 * copied unchanged. */
cm_status cm_clip_seam(cm_clip *c, const cm_geom *in, double seam_lon, cm_geom *out);

/* A point inside the largest ring of a polygon geometry (GEOS point-on-surface), for an
 * area label; -1 when there is none. Its bbox width is returned in width. */
int cm_clip_label_point(cm_clip *c, const cm_geom *g, double *x, double *y, double *width);

/* Point-in-polygon for one feature's rings under the even-odd rule (GEOS prepared
 * geometries, one per ring, behind a bbox test). Borrows c; free with cm_pip_free. */
typedef struct cm_pip cm_pip;
cm_pip *cm_pip_new(cm_clip *c, const cm_geom *polygon);
int cm_pip_contains(const cm_pip *p, double x, double y);
void cm_pip_free(cm_pip *p);

#endif
