/* projection: the only home of PROJ. lon/lat (OGC:CRS84 order) to any CRS PROJ accepts,
 * map extents, and geodesic lengths on the WGS84 ellipsoid. */
#ifndef CM_PROJECTION_H
#define CM_PROJECTION_H

#include <stddef.h>

#include "../core/error.h"
#include "../load/feature.h"

/* Owns a PROJ context and the one transformation it reuses for every point. */
typedef struct cm_proj cm_proj;

/* Creates the transformation from lon/lat to crs (any string PROJ accepts: "EPSG:32652",
 * "+proj=lcc ...", WKT). On failure *out is NULL and err names the CRS. Free with
 * cm_proj_free. */
cm_status cm_proj_create(const char *crs, cm_proj **out, cm_error *err);
void cm_proj_free(cm_proj *p);

/* Projects pts in place. Points PROJ cannot take become NAN; returns how many did. */
size_t cm_proj_forward(cm_proj *p, cm_xy *pts, size_t n);
/* Projected to lon/lat, in place; returns 0 on success, -1 when PROJ cannot. */
int cm_proj_inverse(cm_proj *p, cm_xy *pt);

/* The central meridian of the projection in degrees (0 when it has none): its antipode is
 * where the projection tears, so data must be cut there before projecting. */
double cm_proj_central_lon(const cm_proj *p);

/* The projected rectangle enclosing the densified lon/lat box, grown to the aspect ratio
 * width/height (centred). frame = x0, y0, x1, y1 in CRS units. */
cm_status cm_proj_frame(cm_proj *p, const double lonlat_box[4], double aspect, double frame[4],
                        cm_error *err);

/* The lon/lat box that covers a projected frame (for filtering data before projecting):
 * the frame's edges inverse-projected, widened to the pole or to all longitudes when the
 * frame holds a pole or the seam. */
void cm_proj_frame_lonlat(cm_proj *p, const double frame[4], double lonlat_box[4]);

/* The CRS as ESRI WKT for a .prj file; owned, free(). NULL when PROJ has none. */
char *cm_proj_wkt_esri(cm_proj *p);

/* Point scale factor (meridional h, parallel k) at lon/lat; 0 on success. */
int cm_proj_scale(cm_proj *p, double lon, double lat, double *h, double *k);

/* Geodesic distance in km on WGS84 between two lon/lat points (PROJ's geodesic.h). */
double cm_geodesic_km(double lon0, double lat0, double lon1, double lat1);
/* Geodesic length of a polyline in km. */
double cm_geodesic_line_km(const cm_xy *pts, size_t n);
/* The point at distance_km from lon/lat along azimuth (degrees from north). */
void cm_geodesic_direct(double lon, double lat, double azimuth_deg, double distance_km,
                        double *lon_out, double *lat_out);

/* The point a fraction (0..1) of the way along the geodesic from point 0 to point 1. */
void cm_geodesic_along(double lon0, double lat0, double lon1, double lat1, double fraction,
                       double *lon, double *lat);

#endif
