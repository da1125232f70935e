/* Unit tests of projection: round trips, central meridians, frames, geodesics. */
#include <stdlib.h>

#include "check.h"
#include "project/projection.h"

int main(void)
{
    cm_error err = CM_ERROR_INIT;
    cm_proj *lcc = NULL, *utm = NULL, *bad = NULL;
    CHECK(cm_proj_create("+proj=lcc +lat_1=30 +lat_2=62 +lat_0=45 +lon_0=100 +datum=WGS84", &lcc,
                         &err) == CM_OK);
    CHECK(cm_proj_create("EPSG:32652", &utm, &err) == CM_OK);
    if (!lcc || !utm)
        return check_done("test_projection");
    CHECK_NEAR(cm_proj_central_lon(lcc), 100, 1e-9);
    CHECK_NEAR(cm_proj_central_lon(utm), 129, 1e-9);

    /* lon/lat order in, easting first out, even for EPSG:4326-style axis orders */
    cm_xy z = {131.08, 42.64};
    CHECK(cm_proj_forward(utm, &z, 1) == 0);
    CHECK(z.x > 500000 && z.x < 700000 && z.y > 4700000 && z.y < 4800000);
    CHECK(cm_proj_inverse(utm, &z) == 0);
    CHECK_NEAR(z.x, 131.08, 1e-7);
    CHECK_NEAR(z.y, 42.64, 1e-7);

    double box[4] = {20, 0, 180, 80}, frame[4];
    CHECK(cm_proj_frame(lcc, box, 1.5, frame, &err) == CM_OK);
    CHECK_NEAR((frame[2] - frame[0]) / (frame[3] - frame[1]), 1.5, 1e-9);
    /* the benchmark kit's frame for the same job: x +-9 608 220, y -6 597 049..6 213 910 */
    CHECK_NEAR(frame[0], -9608220, 2000);
    CHECK_NEAR(frame[3], 6213910, 2000);

    double ll[4];
    cm_proj_frame_lonlat(utm, (double[4]){504749, 4627692, 776539, 4831534}, ll);
    CHECK(ll[0] < 129.5 && ll[2] > 131.9 && ll[1] < 41.8 && ll[3] > 43.6);
    CHECK(ll[2] - ll[0] < 6);

    /* one degree of the equator: a * pi / 180 */
    CHECK_NEAR(cm_geodesic_km(0, 0, 1, 0), 6378.137 * M_PI / 180, 1e-6);
    double lon, lat;
    cm_geodesic_direct(0, 0, 90, 6378.137 * M_PI / 180, &lon, &lat);
    CHECK_NEAR(lon, 1, 1e-9);

    double h, k;
    CHECK(cm_proj_scale(lcc, 100, 30, &h, &k) == 0);
    CHECK_NEAR(k, 1, 1e-6); /* a standard parallel */

    CHECK(cm_proj_create("EPSG:999999", &bad, &err) == CM_EINPUT);
    CHECK(bad == NULL);
    CHECK_CONTAINS(err.text, "unknown or unusable CRS 'EPSG:999999' (PROJ cannot");
    cm_error_clear(&err);
    cm_proj_free(lcc);
    cm_proj_free(utm);
    return check_done("test_projection");
}
