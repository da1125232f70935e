/* Unit tests of style: values read, base overridden, and every error of a file reported
 * with file:line:col and a suggestion. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "style/style.h"

static char dir[] = "/tmp/cm_test_style_XXXXXX";

static void path_of(char *buf, size_t n, const char *name)
{
    snprintf(buf, n, "%s/%s", dir, name);
}

static void reads_and_extends(void)
{
    char base[256], map[256];
    path_of(base, sizeof base, "_base.yaml");
    path_of(map, sizeof map, "m.yaml");
    write_file(base, "map: {dpi: 150, background: \"#102030\"}\n"
                     "sources: {pts: p.csv}\n"
                     "layers:\n"
                     "  - id: pts\n    type: circle\n    source: pts\n"
                     "    paint: {circle-radius: 2, circle-color: \"#ff0000\"}\n");
    write_file(map, "extends: _base.yaml\n"
                    "map: {crs: \"EPSG:32652\", extent: [129.8, 42.2, 131.6, 43.2], width: 800}\n"
                    "layers:\n"
                    "  - id: pts\n    paint: {circle-radius: 4}\n"
                    "    when-status: {planned: {circle-color: \"#00ff00\"}}\n");
    cm_map_style s;
    cm_error err = CM_ERROR_INIT;
    CHECK(cm_style_load(map, &s, &err) == CM_OK);
    CHECK(err.count == 0);
    if (err.text)
        fprintf(stderr, "%s\n", err.text);
    CHECK(s.nlayers == 1);
    CHECK_NEAR(s.dpi, 150, 0);
    CHECK(s.width_px == 800);
    CHECK_NEAR(s.extent[2], 131.6, 1e-12);
    CHECK_NEAR(s.background.r, 0x10 / 255.0, 1e-9);
    CHECK_STR(s.id, "m");
    if (s.nlayers == 1) {
        CHECK_NEAR(s.layers[0].paint.circle_radius, 4, 0);
        CHECK_NEAR(s.layers[0].paint.circle_color.r, 1, 0);
        cm_paint p = cm_style_paint_for(&s.layers[0], "planned");
        CHECK_NEAR(p.circle_color.g, 1, 0);
        CHECK_NEAR(p.circle_radius, 4, 0);
    }
    CHECK_CONTAINS(s.sources[0].path, "/p.csv");
    cm_style_free(&s);
    cm_error_clear(&err);
}

static void all_errors_at_once(void)
{
    char map[256];
    path_of(map, sizeof map, "bad.yaml");
    write_file(map, "map:\n"
                    "  crs: \"EPSG:4326\"\n"
                    "  extent: [10, 50, 5, 60]\n"
                    "  width: 0\n"
                    "sources: {a: a.csv}\n"
                    "layers:\n"
                    "  - id: l1\n"
                    "    type: line\n"
                    "    source: a\n"
                    "    paint:\n"
                    "      line-widht: 2\n"
                    "      line-color: red\n"
                    "      line-opacity: 3\n"
                    "  - id: l2\n"
                    "    type: blob\n"
                    "    source: nowhere\n");
    cm_map_style s;
    cm_error err = CM_ERROR_INIT;
    CHECK(cm_style_load(map, &s, &err) == CM_EINPUT);
    char want[512];
#define WANT(line, col, msg)                                                                       \
    snprintf(want, sizeof want, "%s:%d:%d: %s", map, line, col, msg);                              \
    CHECK_CONTAINS(err.text, want)
    WANT(3, 11, "extent is empty or inverted");
    WANT(4, 10, "width must be a number from 1 to 20000");
    WANT(11, 7, "unknown property 'line-widht'; did you mean 'line-width'?");
    WANT(12, 19, "line-color must be a colour like \"#3a7bd5\"");
    WANT(13, 21, "line-opacity must be a number from 0 to 1");
    WANT(15, 11, "layer type must be fill, line, circle or symbol, not 'blob'");
    WANT(16, 13, "unknown source 'nowhere'");
    CHECK(err.count == 7);
    cm_style_free(&s);
    cm_error_clear(&err);

    path_of(map, sizeof map, "syntax.yaml");
    write_file(map, "map:\n  crs: [unclosed\n");
    CHECK(cm_style_load(map, &s, &err) == CM_EINPUT);
    snprintf(want, sizeof want, "%s:3:1: YAML syntax:", map);
    CHECK_CONTAINS(err.text, want);
    cm_style_free(&s);
    cm_error_clear(&err);
}

static void colours(void)
{
    cm_color c;
    CHECK(cm_color_parse("#fff", &c) == 0 && c.r == 1 && c.a == 1);
    CHECK(cm_color_parse("#00000080", &c) == 0 && fabs(c.a - 128 / 255.0) < 1e-9);
    CHECK(cm_color_parse("red", &c) != 0);
    CHECK(cm_color_parse("#12345", &c) != 0);
    CHECK_STR(cm_style_suggest("text-hallo-width"), "text-halo-width");
    CHECK(cm_style_suggest("zzzzzzzz") == NULL);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 2;
    reads_and_extends();
    all_errors_at_once();
    colours();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 2;
    return check_done("test_style");
}
