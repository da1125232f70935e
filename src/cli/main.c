/* corridormap: the command line. It picks the exit code from the error the commands fill:
 * 0 done, 1 bad input or usage, 2 a failure of ours or of the system. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"

#define CM_VERSION "0.1.0"

static const char USAGE[] =
    "usage: corridormap                      render every map in styles/ into output/\n"
    "                                        (PNG, SVG and PDF)\n"
    "       corridormap render STYLE [-o FILE] [--format png|svg|pdf] [--width PX]\n"
    "                   [--height PX] [--dpi N] [--proj CRS] [--extent LON0,LAT0,LON1,LAT1]\n"
    "                   [--lang en|ru|zh|en+ru|en+zh] [--world-file] [--add LAYER.csv|.shp]...\n"
    "                   [--base COUNTRIES.shp] [--label-report FILE.json] [--verbose]\n"
    "                   [--no-labels] [--no-furniture]\n"
    "       corridormap list [--kind K] [--format csv|geojson] [--data DIR]\n"
    "       corridormap compare [ROUTE_ID...] [--format table|md|csv|json] [--map FILE]\n"
    "                   [--add ROUTE.csv] [--data DIR]\n"
    "       corridormap --help | --version\n"
    "options for the default run: --styles DIR (default styles), --out DIR (default output)\n"
    "exit codes: 0 done, 1 bad input or usage, 2 a failure of ours or of the system\n";

static int finish(cm_error *err)
{
    int code = err->status == CM_OK ? 0 : err->status == CM_EINPUT ? 1 : 2;
    if (err->text)
        fprintf(stderr, "corridormap: %s\n", err->text);
    cm_error_clear(err);
    return code;
}

static int usage_error(cm_error *err, const char *msg, const char *arg)
{
    cm_error_add(err, CM_EINPUT, NULL, 0, 0, "%s%s%s\n%s", msg, arg ? ": " : "", arg ? arg : "",
                 "try 'corridormap --help'");
    return finish(err);
}

int main(int argc, char **argv)
{
    cm_error err = CM_ERROR_INIT;
    /* a full disk or `ulimit -f` must become an error message, not a killed process */
    signal(SIGXFSZ, SIG_IGN);
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(USAGE, stdout);
        return 0;
    }
    if (argc >= 2 && !strcmp(argv[1], "--version")) {
        printf("corridormap %s (PROJ, Shapelib, Cairo, Pango, GEOS, libyaml, libcsv)\n",
               CM_VERSION);
        return 0;
    }
    if (argc < 2 || argv[1][0] == '-')
        cm_cmd_default(argc - 1, argv + 1, &err);
    else if (!strcmp(argv[1], "render"))
        cm_cmd_render(argc - 2, argv + 2, &err);
    else if (!strcmp(argv[1], "list"))
        cm_cmd_list(argc - 2, argv + 2, &err);
    else if (!strcmp(argv[1], "compare"))
        cm_cmd_compare(argc - 2, argv + 2, &err);
    else
        return usage_error(&err, "unknown command", argv[1]);
    return finish(&err);
}
