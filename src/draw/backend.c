/* backend: the format table. */
#include "backend.h"

#include <string.h>
#include <strings.h>

static const cm_backend PNG = {"png", cm_cairo_write_png};
static const cm_backend SVG = {"svg", cm_svg_write};
static const cm_backend PDF = {"pdf", cm_cairo_write_pdf};
static const cm_backend *const ALL[] = {&PNG, &SVG, &PDF, NULL};

const cm_backend *const *cm_backend_all(void)
{
    return ALL;
}

const cm_backend *cm_backend_find(const char *name)
{
    for (int i = 0; ALL[i]; i++)
        if (strcasecmp(ALL[i]->name, name) == 0)
            return ALL[i];
    return NULL;
}

const cm_backend *cm_backend_for_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return NULL;
    return cm_backend_find(dot + 1);
}
