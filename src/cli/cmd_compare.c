/* cmd_compare: `corridormap compare`: routes side by side, as a table, Markdown, CSV or
 * JSON, and optionally as the comparison map. Computed numbers and the figures quoted from
 * the papers are labelled as such. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/compare.h"
#include "../load/catalog.h"
#include "../load/csv_layer.h"
#include "../load/shp_layer.h"
#include "../map/map_render.h"
#include "../write/csv_out.h"
#include "../write/json.h"
#include "args.h"
#include "commands.h"

#define MAX_IDS 64

static void list_str(char **items, size_t count, const char *sep, char *buf, size_t n)
{
    buf[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        size_t len = strlen(buf);
        snprintf(buf + len, n - len, "%s%s", i ? sep : "", items[i]);
    }
}

static double diff_pct(const cm_route_stats *r, const cm_route_stats *ref)
{
    return ref->length_km > 0 ? (r->length_km - ref->length_km) / ref->length_km * 100 : 0;
}

static void print_table(const cm_comparison *c)
{
    const cm_route_stats *ref = &c->items[0];
    char buf[4096];
    printf("Route comparison. Computed here: lengths (geodesic, WGS84), countries (from the base\n"
           "map's polygons), crossings. Quoted from the papers: status, year, transit days,\n"
           "figures, with their source.\n");
    for (size_t i = 0; i < c->count; i++) {
        const cm_route_stats *r = &c->items[i];
        printf("\n%s: %s\n", r->id, r->name);
        printf("  computed  length        %.0f km (land %.0f km, sea %.0f km)\n", r->length_km,
               r->land_km, r->sea_km);
        if (i > 0)
            printf("  computed  vs %-10s %+.0f km (%+.1f%%)\n", ref->id,
                   r->length_km - ref->length_km, diff_pct(r, ref));
        cm_route_countries(r, buf, sizeof buf);
        printf("  computed  countries     %s\n", buf);
        printf("  computed  crossings     %d border, %zu sea\n", r->border_crossings, r->nsea);
        list_str(r->sea_legs, r->nsea, "; ", buf, sizeof buf);
        if (r->nsea)
            printf("  computed  sea legs      %s\n", buf);
        list_str(r->hubs, r->nhubs, " > ", buf, sizeof buf);
        printf("  data      stops         %s\n", buf);
        printf("  quoted    status        %s%s%s\n", r->status, *r->year ? " " : "", r->year);
        if (*r->transit_days)
            printf("  quoted    transit       %s days\n", r->transit_days);
        if (*r->figures)
            printf("  quoted    figures       %s\n", r->figures);
        printf("  quoted    source        %s\n", r->source);
    }
}

static void md_cell(const char *s)
{
    for (; *s; s++)
        if (*s == '|')
            fputs("\\|", stdout);
        else
            putchar(*s);
}

static void print_md(const cm_comparison *c)
{
    char buf[4096];
    printf("| route | length km (computed) | land km | sea km | vs %s | countries (computed) "
           "| border crossings | sea crossings | status (quoted) | transit days (quoted) "
           "| source |\n",
           c->items[0].id);
    printf("|---|---:|---:|---:|---:|---|---:|---:|---|---:|---|\n");
    for (size_t i = 0; i < c->count; i++) {
        const cm_route_stats *r = &c->items[i];
        printf("| ");
        md_cell(r->name);
        printf(" (`%s`) | %.0f | %.0f | %.0f | %+.0f km (%+.1f%%) | ", r->id, r->length_km,
               r->land_km, r->sea_km, r->length_km - c->items[0].length_km,
               diff_pct(r, &c->items[0]));
        cm_route_countries(r, buf, sizeof buf);
        printf("%s | %d | %zu | %s %s | %s | %s |\n", buf, r->border_crossings, r->nsea, r->status,
               r->year, r->transit_days, r->source);
    }
}

static void print_csv(const cm_comparison *c)
{
    char buf[4096];
    puts("id,name,length_km,land_km,sea_km,diff_km,diff_pct,countries,border_crossings,"
         "sea_crossings,sea_legs,stops,status_quoted,year_quoted,transit_days_quoted,"
         "figures_quoted,source");
    for (size_t i = 0; i < c->count; i++) {
        const cm_route_stats *r = &c->items[i];
        cm_csv_field(stdout, r->id, 0);
        cm_csv_field(stdout, r->name, 0);
        printf("%.1f,%.1f,%.1f,%.1f,%.2f,", r->length_km, r->land_km, r->sea_km,
               r->length_km - c->items[0].length_km, diff_pct(r, &c->items[0]));
        cm_route_countries(r, buf, sizeof buf);
        cm_csv_field(stdout, buf, 0);
        printf("%d,%zu,", r->border_crossings, r->nsea);
        list_str(r->sea_legs, r->nsea, "; ", buf, sizeof buf);
        cm_csv_field(stdout, buf, 0);
        list_str(r->hubs, r->nhubs, "; ", buf, sizeof buf);
        cm_csv_field(stdout, buf, 0);
        cm_csv_field(stdout, r->status, 0);
        cm_csv_field(stdout, r->year, 0);
        cm_csv_field(stdout, r->transit_days, 0);
        cm_csv_field(stdout, r->figures, 0);
        cm_csv_field(stdout, r->source, 1);
    }
}

static void json_list(char **items, size_t n)
{
    putchar('[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", stdout);
        cm_json_string(stdout, items[i]);
    }
    putchar(']');
}

static void print_json(const cm_comparison *c)
{
    printf("{\"reference\": ");
    cm_json_string(stdout, c->items[0].id);
    printf(", \"routes\": [");
    for (size_t i = 0; i < c->count; i++) {
        const cm_route_stats *r = &c->items[i];
        printf("%s\n  {\"id\": ", i ? "," : "");
        cm_json_string(stdout, r->id);
        printf(", \"name\": ");
        cm_json_string(stdout, r->name);
        printf(",\n   \"computed\": {\"length_km\": %.1f, \"land_km\": %.1f, \"sea_km\": %.1f, "
               "\"diff_km\": %.1f, \"diff_pct\": %.2f, \"border_crossings\": %d, "
               "\"sea_crossings\": %zu, \"countries\": [",
               r->length_km, r->land_km, r->sea_km, r->length_km - c->items[0].length_km,
               diff_pct(r, &c->items[0]), r->border_crossings, r->nsea);
        for (size_t k = 0; k < r->ncountries; k++) {
            printf("%s{\"iso_a3\": ", k ? ", " : "");
            cm_json_string(stdout, r->countries[k].iso);
            printf(", \"name\": ");
            cm_json_string(stdout, r->countries[k].name);
            putchar('}');
        }
        printf("], \"sea_legs\": ");
        json_list(r->sea_legs, r->nsea);
        printf("},\n   \"stops\": ");
        json_list(r->hubs, r->nhubs);
        printf(",\n   \"quoted\": {\"status\": ");
        cm_json_string(stdout, r->status);
        printf(", \"year\": ");
        cm_json_string(stdout, r->year);
        printf(", \"transit_days\": ");
        cm_json_string(stdout, r->transit_days);
        printf(", \"figures\": ");
        cm_json_string(stdout, r->figures);
        printf(", \"source\": ");
        cm_json_string(stdout, r->source);
        printf("}}");
    }
    printf("\n]}\n");
}

cm_status cm_cmd_compare(int argc, char **argv, cm_error *err)
{
    char data_buf[4096], style_buf[4096];
    snprintf(style_buf, sizeof style_buf, "%s", cm_project_path("styles/routes.yaml"));
    snprintf(data_buf, sizeof data_buf, "%s", cm_project_path("geodata"));
    const char *format = "table", *data = data_buf, *map = NULL, *style = style_buf;
    const char *ids[MAX_IDS], *adds[8];
    size_t nids = 0, nadd = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *val;
        if (a[0] != '-') {
            if (nids == MAX_IDS)
                return cm_error_add(err, CM_EINPUT, NULL, 0, 0, "at most %d routes", MAX_IDS);
            ids[nids++] = a;
            continue;
        }
        if (!(val = cm_arg_value(argc, argv, &i, err)))
            return CM_EINPUT;
        if (!strcmp(a, "--format"))
            format = val;
        else if (!strcmp(a, "--data"))
            data = val;
        else if (!strcmp(a, "--map"))
            map = val;
        else if (!strcmp(a, "--style"))
            style = val;
        else if (!strcmp(a, "--add") && nadd < 8)
            adds[nadd++] = val;
        else
            return cm_error_add(err, CM_EINPUT, NULL, 0, 0, "unknown option '%s'", a);
    }
    if (strcmp(format, "table") && strcmp(format, "md") && strcmp(format, "csv") &&
        strcmp(format, "json"))
        return cm_error_add(err, CM_EINPUT, NULL, 0, 0,
                            "compare --format is table, md, csv or json, not '%s'", format);
    static const char *const papers[] = {"north_*", "south_*"};
    const char *const *pats = nids ? ids : papers;
    size_t npats = nids ? nids : 2;

    cm_layer routes = {0}, wps = {0}, countries = {0}, lakes = {0};
    cm_comparison cmp = {0};
    char path[4200];
    cm_status st = cm_catalog_load(data, &routes, err);
    if (st == CM_OK) {
        snprintf(path, sizeof path, "%s/route_points.csv", data);
        st = cm_csv_load(path, CM_CSV_POINTS, &wps, err);
    }
    for (size_t i = 0; st == CM_OK && i < nadd; i++) {
        cm_layer lines = {0}, rows = {0};
        st = cm_csv_load(adds[i], CM_CSV_FEATURES, &lines, err);
        if (st == CM_OK)
            st = cm_csv_load(adds[i], CM_CSV_POINTS, &rows, err);
        if (st == CM_OK &&
            (cm_layer_take(&routes, &lines) != CM_OK || cm_layer_take(&wps, &rows) != CM_OK))
            st = cm_error_oom(err);
        cm_layer_free(&lines);
        cm_layer_free(&rows);
    }
    if (st == CM_OK) {
        snprintf(path, sizeof path, "%s/base/countries.shp", data);
        st = cm_shp_load(path, NULL, &countries, err);
    }
    if (st == CM_OK) {
        snprintf(path, sizeof path, "%s/base/lakes.shp", data);
        st = cm_shp_load(path, NULL, &lakes, err);
    }
    if (st == CM_OK)
        st = cm_compare_run(&routes, &wps, &countries, &lakes, pats, npats, &cmp, err);
    if (st == CM_OK && cmp.count == 0)
        st = cm_error_add(err, CM_EINPUT, NULL, 0, 0, "no routes to compare");
    if (st == CM_OK) {
        if (!strcmp(format, "table"))
            print_table(&cmp);
        else if (!strcmp(format, "md"))
            print_md(&cmp);
        else if (!strcmp(format, "csv"))
            print_csv(&cmp);
        else
            print_json(&cmp);
        if (fflush(stdout) != 0)
            st = cm_error_add(err, CM_ESYS, "<stdout>", 0, 0, "write failed");
    }
    cm_comparison_free(&cmp);
    cm_layer_free(&routes);
    cm_layer_free(&wps);
    cm_layer_free(&countries);
    cm_layer_free(&lakes);
    if (st == CM_OK && map) {
        /* the comparison map: the routes style, with these routes in its table */
        cm_render_opts o = {0};
        o.compare = pats;
        o.ncompare = npats;
        o.add = adds;
        o.nadd = nadd;
        st = cm_render_to_file(style, &o, map, NULL, err);
    }
    return st;
}
