/* shp_layer: the only file that includes shapefil.h. Shapelib's DBF buffer is reused on
 * each read, so every string is copied here at the boundary. */
#include "shp_layer.h"
#include "utf8.h"

#include <errno.h>
#include <math.h>
#include <shapefil.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Path with its extension replaced by ext (".dbf"); owned, free(). */
static char *sibling(const char *path, const char *ext)
{
    size_t n = strlen(path);
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (dot && (!slash || dot > slash))
        n = (size_t)(dot - path);
    char *s = malloc(n + strlen(ext) + 1);
    if (!s)
        return NULL;
    memcpy(s, path, n);
    strcpy(s + n, ext);
    return s;
}

static int file_exists(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

static int is_latin1(const char *path)
{
    char *cpg = sibling(path, ".cpg");
    int latin1 = 0;
    FILE *fp = cpg ? fopen(cpg, "r") : NULL;
    if (fp) {
        char word[64] = "";
        if (fscanf(fp, "%63s", word) == 1)
            latin1 = strstr(word, "8859") || strstr(word, "1252") || strstr(word, "LATIN");
        fclose(fp);
    }
    free(cpg);
    return latin1;
}

/* Copies record rec's attributes onto f. A record the .dbf cannot give (a short file) is
 * an error naming it, not a feature with blank attributes. */
static cm_status read_attrs(DBFHandle dbf, const char *dbfpath, int rec, int latin1, cm_feature *f,
                            cm_error *err)
{
    int nf = DBFGetFieldCount(dbf);
    for (int k = 0; k < nf; k++) {
        char fname[XBASE_FLDNAME_LEN_READ + 1] = "";
        DBFGetFieldInfo(dbf, k, fname, NULL, NULL);
        const char *raw = DBFReadStringAttribute(dbf, rec, k);
        if (!raw)
            return cm_error_add(err, CM_EINPUT, dbfpath, 0, 0,
                                "record %d: cannot be read (the .dbf is short or damaged)",
                                rec + 1);
        char *val = cm_utf8_clean(raw, latin1);
        if (!val)
            return cm_error_oom(err);
        /* trailing blanks pad DBF fields */
        for (size_t n = strlen(val); n > 0 && val[n - 1] == ' '; n--)
            val[n - 1] = '\0';
        cm_status st = strcmp(fname, "id") == 0 ? CM_OK : cm_feature_set(f, fname, val);
        if (st == CM_OK && strcmp(fname, "id") == 0 && *val) {
            free(f->id);
            f->id = val;
            val = NULL;
        }
        free(val);
        if (st != CM_OK)
            return cm_error_oom(err);
    }
    return CM_OK;
}

static cm_geom_type geom_type_of(int shptype)
{
    switch (shptype) {
    case SHPT_POINT:
    case SHPT_POINTZ:
    case SHPT_POINTM:
    case SHPT_MULTIPOINT:
    case SHPT_MULTIPOINTZ:
    case SHPT_MULTIPOINTM:
        return CM_GEOM_POINT;
    case SHPT_ARC:
    case SHPT_ARCZ:
    case SHPT_ARCM:
        return CM_GEOM_LINE;
    case SHPT_POLYGON:
    case SHPT_POLYGONZ:
    case SHPT_POLYGONM:
        return CM_GEOM_POLYGON;
    default:
        return CM_GEOM_NONE;
    }
}

static cm_status read_shape(const char *path, SHPObject *obj, int rec, cm_feature *f, cm_error *err)
{
    for (int part = 0; part < (obj->nParts > 0 ? obj->nParts : 1); part++) {
        int start = obj->nParts > 0 ? obj->panPartStart[part] : 0;
        int end = (obj->nParts > 0 && part + 1 < obj->nParts) ? obj->panPartStart[part + 1]
                                                              : obj->nVertices;
        if (start < 0 || end > obj->nVertices || start > end)
            return cm_error_add(err, CM_EINPUT, path, 0, 0, "record %d: bad part table", rec + 1);
        if (f->geom.type != CM_GEOM_POINT && cm_geom_begin_part(&f->geom) != CM_OK)
            return cm_error_oom(err);
        for (int v = start; v < end; v++) {
            double x = obj->padfX[v], y = obj->padfY[v];
            if (!isfinite(x) || !isfinite(y))
                return cm_error_add(err, CM_EINPUT, path, 0, 0,
                                    "record %d: vertex %d is not a finite number", rec + 1, v + 1);
            if (x < -180.0000001 || x > 180.0000001 || y < -90.0000001 || y > 90.0000001)
                return cm_error_add(err, CM_EINPUT, path, 0, 0,
                                    "record %d: vertex %d (%g, %g) is outside lon -180..180, "
                                    "lat -90..90",
                                    rec + 1, v + 1, x, y);
            if (f->geom.type == CM_GEOM_POINT && cm_geom_begin_part(&f->geom) != CM_OK)
                return cm_error_oom(err);
            if (cm_geom_add(&f->geom, x, y) != CM_OK)
                return cm_error_oom(err);
        }
    }
    return CM_OK;
}

/* Shapelib prints its own complaints to stderr; ours say it better, with the file. */
static void quiet(const char *message)
{
    (void)message;
}

cm_status cm_shp_load(const char *path, const cm_bbox_filter *filter, cm_layer *out, cm_error *err)
{
    cm_status st = CM_OK;
    SHPHandle shp = NULL;
    DBFHandle dbf = NULL;
    char *shx = sibling(path, ".shx"), *dbfp = sibling(path, ".dbf");
    out->path = cm_strdup(path);
    if (!shx || !dbfp || !out->path) {
        st = cm_error_oom(err);
        goto done;
    }
    if (!file_exists(path)) {
        st = cm_error_add(err, CM_EINPUT, path, 0, 0, "cannot open: no such file");
        goto done;
    }
    if (!file_exists(shx) || !file_exists(dbfp)) {
        st = cm_error_add(err, CM_EINPUT, path, 0, 0, "missing %s beside the .shp",
                          file_exists(shx) ? dbfp : shx);
        goto done;
    }
    SAHooks hooks;
    SASetupDefaultHooks(&hooks);
    hooks.Error = quiet;
    shp = SHPOpenLL(path, "rb", &hooks);
    if (!shp) {
        st = cm_error_add(err, CM_EINPUT, path, 0, 0,
                          "not a readable shapefile (bad or truncated .shp/.shx header)");
        goto done;
    }
    dbf = DBFOpenLL(dbfp, "rb", &hooks);
    if (!dbf) {
        st = cm_error_add(err, CM_EINPUT, dbfp, 0, 0, "not a readable .dbf (bad or short header)");
        goto done;
    }
    int nrec = 0, type = 0;
    double minb[4], maxb[4];
    SHPGetInfo(shp, &nrec, &type, minb, maxb);
    if (DBFGetRecordCount(dbf) != nrec) {
        st = cm_error_add(err, CM_EINPUT, path, 0, 0,
                          "%d shapes but %d attribute records in the .dbf", nrec,
                          DBFGetRecordCount(dbf));
        goto done;
    }
    if (geom_type_of(type) == CM_GEOM_NONE) {
        st = cm_error_add(err, CM_EINPUT, path, 0, 0,
                          "shape type %d is not a point, line or polygon type", type);
        goto done;
    }
    int latin1 = is_latin1(path);
    for (int rec = 0; rec < nrec; rec++) {
        SHPObject *obj = SHPReadObject(shp, rec);
        if (!obj) {
            st = cm_error_add(err, CM_EINPUT, path, 0, 0,
                              "record %d: cannot be read (truncated .shp or .shx that disagrees)",
                              rec + 1);
            goto done;
        }
        if (obj->nSHPType == SHPT_NULL || obj->nVertices == 0) {
            SHPDestroyObject(obj);
            continue; /* Natural Earth has null shapes (Vatican at 10m): nothing to draw */
        }
        if (geom_type_of(obj->nSHPType) != geom_type_of(type)) {
            st = cm_error_add(err, CM_EINPUT, path, 0, 0,
                              "record %d: shape type %d in a layer of type %d", rec + 1,
                              obj->nSHPType, type);
            SHPDestroyObject(obj);
            goto done;
        }
        if (obj->nVertices > CM_SHP_MAX_VERTICES) {
            st = cm_error_add(err, CM_EINPUT, path, 0, 0,
                              "record %d: %d vertices, more than the limit of %d", rec + 1,
                              obj->nVertices, CM_SHP_MAX_VERTICES);
            SHPDestroyObject(obj);
            goto done;
        }
        /* a record whose box is not lon/lat is read in full, so that its bad vertex is
         * named, even when it would fall outside the map */
        int plausible = obj->dfXMin >= -180.0000001 && obj->dfXMax <= 180.0000001 &&
                        obj->dfYMin >= -90.0000001 && obj->dfYMax <= 90.0000001;
        if (filter && filter->active && plausible &&
            (obj->dfXMax < filter->lon0 || obj->dfXMin > filter->lon1 ||
             obj->dfYMax < filter->lat0 || obj->dfYMin > filter->lat1)) {
            SHPDestroyObject(obj);
            continue;
        }
        char idbuf[32];
        snprintf(idbuf, sizeof idbuf, "%d", rec + 1);
        cm_feature *f = cm_layer_append(out, idbuf);
        if (!f) {
            SHPDestroyObject(obj);
            st = cm_error_oom(err);
            goto done;
        }
        f->origin_line = rec + 1;
        f->geom.type = geom_type_of(type);
        st = read_shape(path, obj, rec, f, err);
        SHPDestroyObject(obj);
        if (st != CM_OK)
            goto done;
        if ((st = read_attrs(dbf, dbfp, rec, latin1, f, err)) != CM_OK)
            goto done;
        cm_geom_bbox(&f->geom, f->bbox);
    }
done:
    if (dbf)
        DBFClose(dbf);
    if (shp)
        SHPClose(shp);
    free(shx);
    free(dbfp);
    return st;
}
