/* Unit tests of csv_layer: quoting, BOM, CRLF, routes, and the message for each bad row. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "load/csv_layer.h"

static char dir[] = "/tmp/cm_test_csv_XXXXXX";

static cm_status load(const char *name, const char *text, cm_csv_mode mode, cm_layer *L,
                      cm_error *err)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    write_file(path, text);
    memset(L, 0, sizeof *L);
    return cm_csv_load(path, mode, L, err);
}

static void good_rows(void)
{
    cm_layer L;
    cm_error err = CM_ERROR_INIT;
    /* BOM, CRLF, a quoted name holding a comma and a newline */
    cm_status st = load("good.csv",
                        "\xEF\xBB\xBFname,lon,lat,kind\r\n"
                        "\"Khorgos, dry port\",80.4,44.2,dry_port\r\n"
                        "\"Zarubino\nport\",131.08,42.64,port\r\n",
                        CM_CSV_FEATURES, &L, &err);
    CHECK(st == CM_OK);
    CHECK(L.count == 2);
    if (L.count == 2) {
        CHECK_STR(L.items[0].id, "Khorgos, dry port");
        CHECK_STR(cm_feature_get(&L.items[0], "kind"), "dry_port");
        CHECK_NEAR(L.items[0].geom.pts[0].x, 80.4, 1e-12);
        CHECK_STR(L.items[1].id, "Zarubino\nport");
        CHECK(L.items[1].geom.type == CM_GEOM_POINT);
    }
    cm_layer_free(&L);
    cm_error_clear(&err);
}

static void routes(void)
{
    cm_layer L;
    cm_error err = CM_ERROR_INIT;
    cm_status st = load("route.csv",
                        "route,name,lon,lat\n"
                        "r1,Aktau,51.2,43.65\n"
                        "r1,Baku,49.87,40.41\n"
                        ",Tbilisi,44.8,41.7\n"
                        "r1,Kars,43.1,40.6\n",
                        CM_CSV_FEATURES, &L, &err);
    CHECK(st == CM_OK);
    CHECK(L.count == 2);
    const cm_feature *r = cm_layer_find(&L, "r1");
    CHECK(r && r->geom.type == CM_GEOM_LINE && r->geom.npts == 3);
    if (r)
        CHECK_NEAR(r->geom.pts[2].x, 43.1, 1e-12);
    cm_layer_free(&L);
    cm_error_clear(&err);
}

static void bad_rows(void)
{
    cm_layer L;
    cm_error err = CM_ERROR_INIT;
    char path[256];
    snprintf(path, sizeof path, "%s/bad.csv", dir);
    cm_status st = load("bad.csv",
                        "name,lon,lat\n"
                        "A,10,95.2\n"
                        "B,abc,10\n"
                        "C,10\n"
                        "D,200,10\n",
                        CM_CSV_FEATURES, &L, &err);
    CHECK(st == CM_EINPUT);
    CHECK(err.count == 4);
    char want[512];
    snprintf(want, sizeof want, "%s:2: latitude '95.2' is not a number from -90 to 90", path);
    CHECK_CONTAINS(err.text, want);
    snprintf(want, sizeof want, "%s:3: longitude 'abc' is not a number from -180 to 180", path);
    CHECK_CONTAINS(err.text, want);
    snprintf(want, sizeof want, "%s:4: expected 3 fields as in the header, found 2", path);
    CHECK_CONTAINS(err.text, want);
    cm_layer_free(&L);
    cm_error_clear(&err);

    st = load("nohdr.csv", "name,lat\nA,1\n", CM_CSV_FEATURES, &L, &err);
    CHECK(st == CM_EINPUT);
    CHECK_CONTAINS(err.text, "header has no 'lon' column");
    cm_layer_free(&L);
    cm_error_clear(&err);

    st = load("empty.csv", "", CM_CSV_FEATURES, &L, &err);
    CHECK(st == CM_EINPUT);
    CHECK_CONTAINS(err.text, "empty file: no header row");
    cm_layer_free(&L);
    cm_error_clear(&err);

    /* a quoted field that never closes */
    st = load("open.csv", "name,lon,lat\n\"A,1,2\n", CM_CSV_FEATURES, &L, &err);
    CHECK(st == CM_EINPUT);
    cm_layer_free(&L);
    cm_error_clear(&err);
}

static void join(void)
{
    cm_layer L, T;
    cm_error err = CM_ERROR_INIT;
    load("wp.csv", "route,name,lon,lat\nr1,A,1,1\nr1,B,2,2\n", CM_CSV_FEATURES, &L, &err);
    load("t.csv", "id,name,kind\nr1,Route one,railway\n", CM_CSV_TABLE, &T, &err);
    CHECK(cm_layer_join(&L, &T, &err) == CM_OK);
    CHECK_STR(cm_feature_get(&L.items[0], "name"), "Route one");
    CHECK_STR(cm_feature_get(&L.items[0], "kind"), "railway");
    CHECK(err.count == 0);
    cm_layer_free(&L);
    cm_layer_free(&T);
    cm_error_clear(&err);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 2;
    good_rows();
    routes();
    bad_rows();
    join();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 2;
    return check_done("test_csv_layer");
}
