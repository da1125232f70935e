/* make_bad_shp: writes the damaged or extreme shapefiles the error tests feed to
 * corridormap, with Shapelib itself, into the directory given. */
#include <math.h>
#include <shapefil.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void write_shp(const char *dir, const char *name, int type, int nparts, const int *starts,
                      int n, const double *x, const double *y, const char *label, const char *cpg)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    SHPHandle shp = SHPCreate(path, type);
    DBFHandle dbf = DBFCreate(path);
    if (!shp || !dbf)
        exit(2);
    DBFAddField(dbf, "name", FTString, 40, 0);
    DBFAddField(dbf, "iso_a3", FTString, 3, 0);
    SHPObject *o = SHPCreateObject(type, -1, nparts, starts, NULL, n, x, y, NULL, NULL);
    SHPWriteObject(shp, -1, o);
    SHPDestroyObject(o);
    DBFWriteStringAttribute(dbf, 0, 0, label);
    DBFWriteStringAttribute(dbf, 0, 1, "XXX");
    SHPClose(shp);
    DBFClose(dbf);
    if (cpg) {
        snprintf(path, sizeof path, "%s/%s.cpg", dir, name);
        FILE *fp = fopen(path, "w");
        if (fp) {
            fputs(cpg, fp);
            fclose(fp);
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    const char *dir = argv[1];
    int zero = 0;
    /* a square around the Tumen map, for the cases that should render */
    double sx[] = {129.9, 131.5, 131.5, 129.9, 129.9}, sy[] = {42.3, 42.3, 43.1, 43.1, 42.3};
    double nx[] = {130, NAN, 131, 130}, ny[] = {42.5, 42.6, 42.7, 42.5};
    double rx[] = {200}, ry[] = {95};
    write_shp(dir, "nan", SHPT_POLYGON, 1, &zero, 4, nx, ny, "nan", NULL);
    write_shp(dir, "range", SHPT_POINT, 0, NULL, 1, rx, ry, "range", NULL);
    write_shp(dir, "patch", SHPT_MULTIPATCH, 1, &zero, 5, sx, sy, "patch", NULL);
    /* Latin-1 text said to be Latin-1, and the same bytes with no .cpg (not UTF-8) */
    write_shp(dir, "latin1", SHPT_POLYGON, 1, &zero, 5, sx, sy, "S\xe3o Tom\xe9 Test",
              "ISO-8859-1");
    write_shp(dir, "badutf8", SHPT_POLYGON, 1, &zero, 5, sx, sy, "Bad \xff\xfe Bytes", NULL);
    /* a polygon of a million vertices: a circle round the Tumen mouth */
    int n = 1000000;
    double *cx = malloc(n * sizeof *cx), *cy = malloc(n * sizeof *cy);
    if (!cx || !cy)
        return 2;
    for (int i = 0; i < n; i++) {
        double a = 2 * M_PI * i / (n - 1);
        cx[i] = 130.7 + 0.5 * cos(a);
        cy[i] = 42.7 + 0.35 * sin(a);
    }
    write_shp(dir, "million", SHPT_POLYGON, 1, &zero, n, cx, cy, "Million", NULL);
    free(cx);
    free(cy);
    return 0;
}
