/* backend: the table of output formats. Each walks the same scene; drawing code never asks
 * which format it writes. */
#ifndef CM_BACKEND_H
#define CM_BACKEND_H

#include <stdio.h>

#include "../core/error.h"
#include "../label/text.h"
#include "../scene/scene.h"

typedef struct {
    const char *name; /* "png", "svg", "pdf": also the file extension */
    /* Writes the whole scene to fp (borrowed, left open). */
    cm_status (*write)(const cm_scene *scene, cm_text *text, FILE *fp, cm_error *err);
} cm_backend;

/* The backend for a format name, or NULL. */
const cm_backend *cm_backend_find(const char *name);
/* The backend for a file name's extension (".png"...), or NULL. */
const cm_backend *cm_backend_for_path(const char *path);
/* All backends, NULL-terminated, in the default run's order. */
const cm_backend *const *cm_backend_all(void);

/* Implementations (cairo_backend.c, svg_writer.c). */
cm_status cm_cairo_write_png(const cm_scene *scene, cm_text *text, FILE *fp, cm_error *err);
cm_status cm_cairo_write_pdf(const cm_scene *scene, cm_text *text, FILE *fp, cm_error *err);
cm_status cm_svg_write(const cm_scene *scene, cm_text *text, FILE *fp, cm_error *err);

#endif
