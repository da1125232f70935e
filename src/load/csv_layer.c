/* csv_layer: libcsv does the quoting (embedded commas, newlines, CRLF); this file turns
 * rows into features and checks them. */
#include "csv_layer.h"
#include "utf8.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 256
#define MAX_ERRORS 20 /* past this a file is clearly not a layer: stop listing */

typedef struct {
    const char *path;
    cm_csv_mode mode;
    cm_layer *out;
    cm_error *err;
    long line;         /* physical line being fed */
    long row_newlines; /* newlines inside the current row's quoted fields */
    char *fields[MAX_FIELDS];
    size_t nfields;
    int too_many;
    /* header */
    int have_header;
    char *header[MAX_FIELDS];
    size_t ncols;
    int col_name, col_lon, col_lat, col_route, col_id;
    int oom;
    int header_bad; /* rows cannot be read without the columns they need */
} csv_state;

static void free_fields(char **f, size_t *n)
{
    for (size_t i = 0; i < *n; i++)
        free(f[i]);
    *n = 0;
}

static void on_field(void *data, size_t len, void *ctx)
{
    csv_state *st = ctx;
    const char *s = data ? data : "";
    if (st->nfields >= MAX_FIELDS) {
        st->too_many = 1;
        return;
    }
    char *raw = malloc(len + 1);
    if (!raw) {
        st->oom = 1;
        return;
    }
    memcpy(raw, s, len);
    raw[len] = '\0';
    for (size_t i = 0; i < len; i++) /* in raw: cleaning can make the copy longer */
        if (raw[i] == '\n')
            st->row_newlines++;
    char *copy = cm_utf8_clean(raw, 0); /* a spreadsheet's Latin-1 export must not break labels */
    free(raw);
    if (!copy) {
        st->oom = 1;
        return;
    }
    st->fields[st->nfields++] = copy;
}

static int find_col(const csv_state *st, const char *name)
{
    for (size_t i = 0; i < st->ncols; i++)
        if (strcmp(st->header[i], name) == 0)
            return (int)i;
    return -1;
}

static int parse_number(const char *s, double *out)
{
    char *end;
    while (*s == ' ')
        s++;
    if (!*s)
        return -1;
    errno = 0;
    double v = strtod(s, &end);
    while (*end == ' ')
        end++;
    if (*end || errno == ERANGE || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

static void take_header(csv_state *st, long line)
{
    for (size_t i = 0; i < st->nfields; i++) {
        st->header[i] = st->fields[i];
        st->fields[i] = NULL;
    }
    st->ncols = st->nfields;
    st->nfields = 0;
    st->have_header = 1;
    st->col_name = find_col(st, "name");
    st->col_lon = find_col(st, "lon");
    st->col_lat = find_col(st, "lat");
    st->col_route = find_col(st, "route");
    st->col_id = find_col(st, "id");
    const char *need[3] = {"name", "lon", "lat"};
    int have[3] = {st->col_name, st->col_lon, st->col_lat};
    if (st->mode == CM_CSV_TABLE) {
        if (st->col_id < 0) {
            cm_error_add(st->err, CM_EINPUT, st->path, line, 0,
                         "header has no 'id' column (a table needs one)");
            st->header_bad = 1;
        }
        return;
    }
    for (int k = 0; k < 3; k++)
        if (have[k] < 0 && (st->header_bad = 1))
            cm_error_add(st->err, CM_EINPUT, st->path, line, 0,
                         "header has no '%s' column (a layer needs name, lon and lat)", need[k]);
}

/* The feature a row adds to: a new point, or the line of its route. */
static cm_feature *row_feature(csv_state *st, const char *route, const char *id)
{
    cm_layer *L = st->out;
    if (route && *route) {
        if (L->count > 0) {
            cm_feature *last = &L->items[L->count - 1];
            if (last->geom.type == CM_GEOM_LINE && strcmp(last->id, route) == 0)
                return last;
        }
        for (size_t i = 0; i < L->count; i++)
            if (L->items[i].geom.type == CM_GEOM_LINE && strcmp(L->items[i].id, route) == 0)
                return &L->items[i];
        cm_feature *f = cm_layer_append(L, route);
        if (f) {
            f->geom.type = CM_GEOM_LINE;
            if (cm_feature_set(f, "name", route) != CM_OK)
                return NULL;
        }
        return f;
    }
    cm_feature *f = cm_layer_append(L, id);
    if (f)
        f->geom.type = st->mode == CM_CSV_TABLE ? CM_GEOM_NONE : CM_GEOM_POINT;
    return f;
}

static void take_row(csv_state *st, long line)
{
    const char *P = st->path;
    if (st->err->count >= MAX_ERRORS || st->header_bad)
        return;
    if (st->too_many) {
        cm_error_add(st->err, CM_EINPUT, P, line, 0, "more than %d fields", MAX_FIELDS);
        return;
    }
    if (st->nfields != st->ncols) {
        cm_error_add(st->err, CM_EINPUT, P, line, 0,
                     "expected %zu fields as in the header, found %zu", st->ncols, st->nfields);
        return;
    }
    double lon = 0, lat = 0;
    if (st->mode != CM_CSV_TABLE) {
        const char *name = st->fields[st->col_name];
        const char *slon = st->fields[st->col_lon], *slat = st->fields[st->col_lat];
        if (!*name) {
            cm_error_add(st->err, CM_EINPUT, P, line, 0, "empty name");
            return;
        }
        if (parse_number(slon, &lon) || lon < -180 || lon > 180) {
            cm_error_add(st->err, CM_EINPUT, P, line, 0,
                         "longitude '%s' is not a number from -180 to 180", slon);
            return;
        }
        if (parse_number(slat, &lat) || lat < -90 || lat > 90) {
            cm_error_add(st->err, CM_EINPUT, P, line, 0,
                         "latitude '%s' is not a number from -90 to 90", slat);
            return;
        }
    }
    const char *route =
        (st->mode == CM_CSV_FEATURES && st->col_route >= 0) ? st->fields[st->col_route] : NULL;
    const char *id = st->col_id >= 0 && *st->fields[st->col_id] ? st->fields[st->col_id]
                     : st->col_name >= 0                        ? st->fields[st->col_name]
                                                                : "";
    char wp_id[300];
    if (st->mode == CM_CSV_POINTS && st->col_route >= 0 && *st->fields[st->col_route]) {
        /* a waypoint: one station can stand on many routes */
        snprintf(wp_id, sizeof wp_id, "%s-%ld", st->fields[st->col_route], line);
        id = wp_id;
    }
    if (!*id) {
        cm_error_add(st->err, CM_EINPUT, P, line, 0, "empty id");
        return;
    }
    if (!(route && *route) && cm_layer_find(st->out, id)) {
        cm_error_add(st->err, CM_EINPUT, P, line, 0, "duplicate id '%s'", id);
        return;
    }
    cm_feature *f = row_feature(st, route, id);
    if (!f) {
        st->oom = 1;
        return;
    }
    int is_line = f->geom.type == CM_GEOM_LINE;
    if (f->origin_line == 0)
        f->origin_line = line;
    if (st->mode != CM_CSV_TABLE && cm_geom_add(&f->geom, lon, lat) != CM_OK) {
        st->oom = 1;
        return;
    }
    /* A line keeps its first row's attributes; its waypoints' names stay in the CSV. */
    if (is_line && f->geom.npts > 1)
        return;
    for (size_t i = 0; i < st->ncols; i++) {
        if ((int)i == st->col_lon || (int)i == st->col_lat || (int)i == st->col_id)
            continue;
        if (is_line && (int)i == st->col_name)
            continue;
        if (cm_feature_set(f, st->header[i], st->fields[i]) != CM_OK) {
            st->oom = 1;
            return;
        }
    }
}

static void on_row(int term, void *ctx)
{
    csv_state *st = ctx;
    (void)term;
    long line = st->line - st->row_newlines;
    if (!st->oom) {
        if (!st->have_header)
            take_header(st, line);
        else
            take_row(st, line);
    }
    free_fields(st->fields, &st->nfields);
    st->too_many = 0;
    st->row_newlines = 0;
}

cm_status cm_csv_load(const char *path, cm_csv_mode mode, cm_layer *out, cm_error *err)
{
    struct csv_parser parser;
    csv_state st = {.path = path, .mode = mode, .out = out, .err = err};
    cm_error local = CM_ERROR_INIT;
    st.err = &local;
    char *buf = NULL;
    size_t bufcap = 0;
    ssize_t n;
    cm_status status = CM_OK;

    out->path = cm_strdup(path);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return cm_error_add(err, CM_EINPUT, path, 0, 0, "cannot open: %s", strerror(errno));
    if (csv_init(&parser, CSV_APPEND_NULL) != 0) {
        fclose(fp);
        return cm_error_oom(err);
    }
    /* Fed a physical line at a time so that each row's line number is known. */
    while ((n = getline(&buf, &bufcap, fp)) > 0) {
        st.line++;
        char *p = buf;
        if (st.line == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            p += 3; /* a BOM from spreadsheet exports */
            n -= 3;
        }
        if (memchr(p, '\0', (size_t)n)) {
            cm_error_add(&local, CM_EINPUT, path, st.line, 0, "NUL byte: not a text file");
            break;
        }
        if (csv_parse(&parser, p, (size_t)n, on_field, on_row, &st) != (size_t)n) {
            cm_error_add(&local, CM_EINPUT, path, st.line, 0, "%s",
                         csv_strerror(csv_error(&parser)));
            break;
        }
        if (st.oom || local.count >= MAX_ERRORS)
            break;
    }
    if (ferror(fp))
        cm_error_add(&local, CM_ESYS, path, 0, 0, "read error");
    if (local.count == 0 && !st.oom && csv_fini(&parser, on_field, on_row, &st) != 0)
        cm_error_add(&local, CM_EINPUT, path, st.line, 0, "%s", csv_strerror(csv_error(&parser)));
    free_fields(st.fields, &st.nfields);
    csv_free(&parser);
    free(buf);
    fclose(fp);
    if (st.oom)
        cm_error_oom(&local);
    else if (local.count == 0 && !st.have_header)
        cm_error_add(&local, CM_EINPUT, path, 0, 0, "empty file: no header row");
    for (size_t i = 0; i < st.ncols; i++)
        free(st.header[i]);
    if (local.count == 0) {
        for (size_t i = 0; i < out->count; i++) {
            cm_feature *f = &out->items[i];
            cm_geom_bbox(&f->geom, f->bbox);
            if (f->geom.type == CM_GEOM_LINE && f->geom.npts < 2)
                cm_error_add(&local, CM_EINPUT, path, f->origin_line, 0,
                             "route '%s' has only one point", f->id);
        }
    }
    if (local.count) {
        if (local.count >= MAX_ERRORS)
            cm_error_add(&local, CM_EINPUT, path, 0, 0, "too many errors, stopped");
        status = local.status;
        cm_error_merge(err, &local);
    }
    cm_error_clear(&local);
    return status;
}

cm_status cm_layer_join(cm_layer *layer, const cm_layer *table, cm_error *err)
{
    for (size_t i = 0; i < layer->count; i++) {
        cm_feature *f = &layer->items[i];
        const cm_feature *row = cm_layer_find(table, f->id);
        if (!row)
            continue;
        for (size_t k = 0; k < row->nattrs; k++)
            if (cm_feature_set(f, row->attrs[k].key, row->attrs[k].value) != CM_OK)
                return cm_error_oom(err);
    }
    return CM_OK;
}
