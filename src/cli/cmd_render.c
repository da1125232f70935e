/* cmd_render: `corridormap render STYLE ...` and the default run over styles/. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../draw/backend.h"
#include "../map/map_render.h"
#include "../write/json.h"
#include "../write/output_file.h"
#include "args.h"
#include "commands.h"

#define MAX_ADD 32

typedef struct {
    const cm_backend *backend;
    cm_map *map;
} write_job;

static cm_status fill_map(FILE *fp, void *data, cm_error *err)
{
    write_job *j = data;
    return j->backend->write(&j->map->scene, j->map->text, fp, err);
}

static char *with_ext(const char *path, const char *ext)
{
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    size_t n = dot && (!slash || dot > slash) ? (size_t)(dot - path) : strlen(path);
    char *s = malloc(n + strlen(ext) + 1);
    if (s) {
        memcpy(s, path, n);
        strcpy(s + n, ext);
    }
    return s;
}

/* The .pgw (pixel size, rotation, upper-left pixel centre) and .prj beside a PNG. */
static cm_status write_world_file(const char *png, const cm_map *m, cm_error *err)
{
    double px = (m->frame[2] - m->frame[0]) / m->scene.width_px;
    double py = (m->frame[3] - m->frame[1]) / m->scene.height_px;
    char text[512];
    snprintf(text, sizeof text, "%.10f\n0.0\n0.0\n%.10f\n%.10f\n%.10f\n", px, -py,
             m->frame[0] + px / 2, m->frame[3] - py / 2);
    char *pgw = with_ext(png, ".pgw"), *prj = with_ext(png, ".prj");
    cm_status st = pgw && prj ? cm_output_write_text(pgw, text, err) : cm_error_oom(err);
    if (st == CM_OK && m->prj_wkt)
        st = cm_output_write_text(prj, m->prj_wkt, err);
    free(pgw);
    free(prj);
    return st;
}

static cm_status fill_report(FILE *fp, void *data, cm_error *err)
{
    const cm_map *m = data;
    (void)err;
    fputs("{\n  \"map\": ", fp);
    cm_json_string(fp, m->style.id);
    fprintf(fp, ",\n  \"width_px\": %.0f,\n  \"height_px\": %.0f,", m->scene.width_px,
            m->scene.height_px);
    fprintf(fp, "\n  \"scale_bar\": {\"km\": %.6g, \"px\": %.3f},\n  \"labels\": [", m->scale_km,
            m->scale_px);
    for (size_t i = 0; i < m->labels.nresults; i++) {
        const cm_label_result *r = &m->labels.results[i];
        fputs(i ? ",\n    {\"feature_id\": " : "\n    {\"feature_id\": ", fp);
        cm_json_string(fp, r->feature_id);
        fputs(", \"text\": ", fp);
        cm_json_string(fp, r->text);
        if (r->placed) {
            fprintf(fp, ", \"placed\": true, \"box\": [%.1f, %.1f, %.1f, %.1f], \"quad\": [",
                    r->box.x0, r->box.y0, r->box.x1, r->box.y1);
            for (int k = 0; k < 4; k++)
                fprintf(fp, "%s[%.2f, %.2f]", k ? ", " : "", r->quad[k].x, r->quad[k].y);
            fputs("]}", fp);
        } else {
            fputs(", \"placed\": false, \"reason\": ", fp);
            cm_json_string(fp, r->reason);
            fputc('}', fp);
        }
    }
    fputs("\n  ]\n}\n", fp);
    return CM_OK;
}

static void report_dropped(const cm_map *m)
{
    for (size_t i = 0; i < m->labels.nresults; i++) {
        const cm_label_result *r = &m->labels.results[i];
        if (!r->placed)
            fprintf(stderr, "corridormap: %s: label '%s' (%s) dropped: %s\n", m->style.id, r->text,
                    r->feature_id, r->reason);
    }
}

/* Always said: a point a projection cannot take is left out, never drawn at a wrong place. */
static void warn_skipped(const cm_map *m)
{
    if (m->skipped)
        fprintf(stderr,
                "corridormap: warning: %s: %zu points that the projection cannot take were "
                "left out\n",
                m->style.id, m->skipped);
}

cm_status cm_cmd_render(int argc, char **argv, cm_error *err)
{
    cm_render_opts o = {0};
    const char *style = NULL, *out = NULL, *format = NULL, *report = NULL;
    const char *add[MAX_ADD];
    int world = 0, verbose = 0;
    long v;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *val = NULL;
        if (a[0] != '-' || !strcmp(a, "-")) {
            if (style)
                return cm_error_add(err, CM_EINPUT, NULL, 0, 0, "more than one style: '%s'", a);
            style = a;
            continue;
        }
        if (!strcmp(a, "--world-file")) {
            world = 1;
            continue;
        }
        if (!strcmp(a, "--no-labels") || !strcmp(a, "--no-furniture")) {
            *(a[5] == 'l' ? &o.no_labels : &o.no_furniture) = 1;
            continue;
        }
        if (!strcmp(a, "--verbose") || !strcmp(a, "-v")) {
            verbose = 1;
            continue;
        }
        if (!(val = cm_arg_value(argc, argv, &i, err)))
            return CM_EINPUT;
        if (!strcmp(a, "-o"))
            out = val;
        else if (!strcmp(a, "--format"))
            format = val;
        else if (!strcmp(a, "--proj"))
            o.crs = val;
        else if (!strcmp(a, "--lang"))
            o.lang = val;
        else if (!strcmp(a, "--base"))
            o.base = val;
        else if (!strcmp(a, "--label-report"))
            report = val;
        else if (!strcmp(a, "--add")) {
            if (o.nadd == MAX_ADD)
                return cm_error_add(err, CM_EINPUT, NULL, 0, 0, "at most %d --add layers", MAX_ADD);
            add[o.nadd++] = val;
        } else if (!strcmp(a, "--width") || !strcmp(a, "--height")) {
            if (cm_arg_int(a, val, 1, CM_MAX_SIZE_PX, &v, err))
                return CM_EINPUT;
            *(a[2] == 'w' ? &o.width_px : &o.height_px) = (int)v;
        } else if (!strcmp(a, "--dpi")) {
            if (cm_arg_int(a, val, 10, 2400, &v, err))
                return CM_EINPUT;
            o.dpi = (double)v;
        } else if (!strcmp(a, "--extent")) {
            double *e = o.extent;
            char tail;
            if (sscanf(val, "%lf,%lf,%lf,%lf%c", &e[0], &e[1], &e[2], &e[3], &tail) != 4 ||
                e[0] < -180 || e[2] > 360 || e[1] < -90 || e[3] > 90 || e[2] <= e[0] ||
                e[3] <= e[1])
                return cm_error_add(err, CM_EINPUT, NULL, 0, 0,
                                    "--extent must be LON0,LAT0,LON1,LAT1 with LON0 < LON1 and "
                                    "LAT0 < LAT1 within -180..360, -90..90, not '%s'",
                                    val);
            o.has_extent = 1;
        } else {
            return cm_error_add(err, CM_EINPUT, NULL, 0, 0, "unknown option '%s'", a);
        }
    }
    if (!style)
        return cm_error_add(err, CM_EINPUT, NULL, 0, 0, "render needs a style file");
    static const char *langs[] = {"en", "ru", "zh", "en+ru", "en+zh"};
    int lang_ok = !o.lang;
    for (int k = 0; k < 5 && !lang_ok; k++)
        lang_ok = !strcmp(o.lang, langs[k]);
    if (!lang_ok)
        return cm_error_add(err, CM_EINPUT, NULL, 0, 0,
                            "--lang must be en, ru, zh, en+ru or en+zh, not '%s'", o.lang);
    const cm_backend *be = NULL;
    if (format && !(be = cm_backend_find(format)))
        return cm_error_add(err, CM_EINPUT, NULL, 0, 0, "unknown format '%s' (png, svg, pdf)",
                            format);
    if (!be && out && strcmp(out, "-") && !(be = cm_backend_for_path(out)))
        return cm_error_add(err, CM_EINPUT, NULL, 0, 0,
                            "cannot tell the format of '%s': end it in .png, .svg or .pdf, or "
                            "give --format",
                            out);
    if (!be)
        be = cm_backend_find("png");
    o.add = add;
    cm_map m = {0};
    cm_status st = cm_map_render(style, &o, &m, err);
    char *def = NULL;
    if (st == CM_OK && !out) {
        size_t n = strlen(m.style.id) + 16;
        def = malloc(n);
        if (!def)
            st = cm_error_oom(err);
        else
            snprintf(def, n, "output/%s.%s", m.style.id, be->name);
        out = def;
    }
    if (st == CM_OK && verbose)
        report_dropped(&m);
    if (st == CM_OK)
        warn_skipped(&m);
    if (st == CM_OK) {
        write_job job = {be, &m};
        st = cm_output_write(out, fill_map, &job, err);
    }
    if (st == CM_OK && world && strcmp(out, "-")) {
        if (strcmp(be->name, "png"))
            st = cm_error_add(err, CM_EINPUT, NULL, 0, 0, "--world-file goes with PNG output");
        else
            st = write_world_file(out, &m, err);
    }
    if (st == CM_OK && report)
        st = cm_output_write(report, fill_report, &m, err);
    free(def);
    cm_map_free(&m);
    return st;
}

cm_status cm_render_to_file(const char *style, const void *opts, const char *out,
                            const char *format, cm_error *err)
{
    const cm_backend *be = format ? cm_backend_find(format) : cm_backend_for_path(out);
    if (!be)
        return cm_error_add(err, CM_EINPUT, NULL, 0, 0,
                            "cannot tell the format of '%s': end it in .png, .svg or .pdf", out);
    cm_map m = {0};
    cm_status st = cm_map_render(style, opts, &m, err);
    if (st == CM_OK) {
        write_job job = {be, &m};
        st = cm_output_write(out, fill_map, &job, err);
    }
    cm_map_free(&m);
    return st;
}

static int is_style_file(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '_' && name[0] != '.' && n > 5 && !strcmp(name + n - 5, ".yaml");
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every map of styles/ (files starting with '_' are bases) in every format. */
cm_status cm_cmd_default(int argc, char **argv, cm_error *err)
{
    char styles_buf[4096], out_buf[4096];
    snprintf(styles_buf, sizeof styles_buf, "%s", cm_project_path("styles"));
    snprintf(out_buf, sizeof out_buf, "%s", cm_project_path("output"));
    const char *styles = styles_buf, *outdir = out_buf;
    for (int i = 0; i < argc; i++) {
        const char *val;
        if (strcmp(argv[i], "--styles") && strcmp(argv[i], "--out"))
            return cm_error_add(err, CM_EINPUT, NULL, 0, 0, "unknown option '%s'", argv[i]);
        if (!(val = cm_arg_value(argc, argv, &i, err)))
            return CM_EINPUT;
        if (!strcmp(argv[i - 1], "--styles"))
            styles = val;
        else
            outdir = val;
    }
    DIR *d = opendir(styles);
    if (!d)
        return cm_error_add(err, CM_EINPUT, styles, 0, 0, "cannot read the styles directory: %s",
                            strerror(errno));
    char *names[256];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 256)
        if (is_style_file(e->d_name) && (names[n] = strdup(e->d_name)))
            n++;
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    struct stat sb;
    if (stat(outdir, &sb) != 0 && mkdir(outdir, 0755) != 0)
        cm_error_add(err, CM_EINPUT, outdir, 0, 0, "cannot make the output directory: %s",
                     strerror(errno));
    for (size_t i = 0; i < n && err->count == 0; i++) {
        char path[8400];
        snprintf(path, sizeof path, "%s/%s", styles, names[i]);
        cm_map m = {0};
        if (cm_map_render(path, NULL, &m, err) == CM_OK) {
            warn_skipped(&m);
            for (const cm_backend *const *b = cm_backend_all(); *b && err->count == 0; b++) {
                char out[8400];
                snprintf(out, sizeof out, "%s/%s.%s", outdir, m.style.id, (*b)->name);
                write_job job = {*b, &m};
                if (cm_output_write(out, fill_map, &job, err) == CM_OK)
                    printf("wrote %s\n", out);
            }
        }
        cm_map_free(&m);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    if (n == 0 && err->count == 0)
        cm_error_add(err, CM_EINPUT, styles, 0, 0, "no style files (*.yaml) found");
    return err->status;
}
