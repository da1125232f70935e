/* cairo_backend: PNG and PDF through Cairo. Text goes through the text module (Pango), so
 * PDF labels are real text that pdftotext finds. */
#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <png.h>
#include <stdint.h>
#include <stdlib.h>

#include "backend.h"

/* Fixed so that the same input gives the same PDF bytes. */
#define CM_PDF_DATE "2026-01-01T00:00:00Z"

static void set_rgba(cairo_t *cr, cm_color c)
{
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

static void path_of(cairo_t *cr, const cm_geom *g)
{
    for (size_t k = 0; k < g->nparts; k++) {
        const cm_xy *p = cm_geom_part(g, k);
        size_t n = cm_geom_part_len(g, k);
        if (n == 0)
            continue;
        cairo_move_to(cr, p[0].x, p[0].y);
        for (size_t i = 1; i < n; i++)
            cairo_line_to(cr, p[i].x, p[i].y);
        if (g->type == CM_GEOM_POLYGON)
            cairo_close_path(cr);
    }
}

static void marker_path(cairo_t *cr, const cm_item *it)
{
    double r = it->radius_px, x = it->x, y = it->y;
    switch (it->shape) {
    case CM_SHAPE_SQUARE:
        cairo_rectangle(cr, x - r * 0.886, y - r * 0.886, r * 1.772, r * 1.772);
        break;
    case CM_SHAPE_TRIANGLE:
        cairo_move_to(cr, x, y - r * 1.2);
        cairo_line_to(cr, x + r * 1.04, y + r * 0.6);
        cairo_line_to(cr, x - r * 1.04, y + r * 0.6);
        cairo_close_path(cr);
        break;
    case CM_SHAPE_DIAMOND:
        cairo_move_to(cr, x, y - r * 1.25);
        cairo_line_to(cr, x + r * 1.25, y);
        cairo_line_to(cr, x, y + r * 1.25);
        cairo_line_to(cr, x - r * 1.25, y);
        cairo_close_path(cr);
        break;
    default:
        cairo_new_sub_path(cr);
        cairo_arc(cr, x, y, r, 0, 2 * M_PI);
    }
}

static void draw_item(cairo_t *cr, cm_text *text, const cm_item *it)
{
    switch (it->kind) {
    case CM_ITEM_PATH:
        path_of(cr, &it->path);
        if (it->fill.a > 0) {
            set_rgba(cr, it->fill);
            cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
            cairo_fill_preserve(cr);
        }
        if (it->stroke.a > 0 && it->stroke_width_px > 0) {
            set_rgba(cr, it->stroke);
            cairo_set_line_width(cr, it->stroke_width_px);
            cairo_set_dash(cr, it->dash_px, it->ndash, 0);
            cairo_stroke_preserve(cr);
            cairo_set_dash(cr, NULL, 0, 0);
        }
        cairo_new_path(cr);
        break;
    case CM_ITEM_MARKER:
        marker_path(cr, it);
        set_rgba(cr, it->fill);
        cairo_fill_preserve(cr);
        if (it->stroke.a > 0 && it->stroke_width_px > 0) {
            set_rgba(cr, it->stroke);
            cairo_set_line_width(cr, it->stroke_width_px);
            cairo_stroke_preserve(cr);
        }
        cairo_new_path(cr);
        break;
    case CM_ITEM_TEXT:
        cm_text_draw(text, cr, it);
        break;
    }
}

static void draw_scene(cairo_t *cr, const cm_scene *scene, cm_text *text)
{
    cairo_rectangle(cr, 0, 0, scene->width_px, scene->height_px);
    set_rgba(cr, scene->background);
    cairo_fill(cr);
    cairo_rectangle(cr, 0, 0, scene->width_px, scene->height_px);
    cairo_clip(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (size_t i = 0; i < scene->nlayers; i++)
        for (size_t k = 0; k < scene->layers[i].count; k++)
            draw_item(cr, text, &scene->layers[i].items[k]);
}

static cairo_status_t to_file(void *closure, const unsigned char *data, unsigned int len)
{
    return fwrite(data, 1, len, (FILE *)closure) == len ? CAIRO_STATUS_SUCCESS
                                                        : CAIRO_STATUS_WRITE_ERROR;
}

static cm_status check(cairo_status_t cs, const char *what, cm_error *err)
{
    if (cs == CAIRO_STATUS_SUCCESS)
        return CM_OK;
    return cm_error_add(err, CM_ESYS, NULL, 0, 0, "%s: %s", what, cairo_status_to_string(cs));
}

/* libpng rather than cairo_surface_write_to_png: the map is opaque, so RGB without alpha,
 * and zlib's fast level with the Sub filter compresses flat map colours nearly as well as the
 * default in a third of the time (the default took a third of a whole render). */
static cm_status write_png_rgb(cairo_surface_t *s, FILE *fp, cm_error *err)
{
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *data = cairo_image_surface_get_data(s);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    unsigned char *row = malloc((size_t)w * 3);
    if (!png || !info || !row) {
        png_destroy_write_struct(&png, &info);
        free(row);
        return cm_error_oom(err);
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(row);
        return cm_error_add(err, CM_ESYS, NULL, 0, 0, "writing PNG failed");
    }
    png_init_io(png, fp);
    png_set_compression_level(png, 3);
    png_set_filter(png, 0, PNG_FILTER_SUB);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < h; y++) {
        const uint32_t *px = (const uint32_t *)(data + (size_t)y * stride);
        for (int x = 0; x < w; x++) {
            /* opaque ARGB32 in native order: no unpremultiplying needed */
            row[x * 3] = (unsigned char)(px[x] >> 16);
            row[x * 3 + 1] = (unsigned char)(px[x] >> 8);
            row[x * 3 + 2] = (unsigned char)px[x];
        }
        png_write_row(png, row);
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(row);
    return ferror(fp) ? cm_error_add(err, CM_ESYS, NULL, 0, 0, "writing PNG failed") : CM_OK;
}

cm_status cm_cairo_write_png(const cm_scene *scene, cm_text *text, FILE *fp, cm_error *err)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)scene->width_px,
                                                    (int)scene->height_px);
    cm_status st = check(cairo_surface_status(s), "cannot make the image", err);
    if (st == CM_OK) {
        cairo_t *cr = cairo_create(s);
        draw_scene(cr, scene, text);
        st = check(cairo_status(cr), "drawing failed", err);
        cairo_destroy(cr);
    }
    if (st == CM_OK) {
        cairo_surface_flush(s);
        st = write_png_rgb(s, fp, err);
    }
    cairo_surface_destroy(s);
    return st;
}

cm_status cm_cairo_write_pdf(const cm_scene *scene, cm_text *text, FILE *fp, cm_error *err)
{
    double k = 72.0 / scene->dpi;
    cairo_surface_t *s =
        cairo_pdf_surface_create_for_stream(to_file, fp, scene->width_px * k, scene->height_px * k);
    cm_status st = check(cairo_surface_status(s), "cannot make the PDF", err);
    if (st == CM_OK) {
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, CM_PDF_DATE);
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, CM_PDF_DATE);
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "corridormap");
        if (scene->title)
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, scene->title);
        cairo_t *cr = cairo_create(s);
        cairo_scale(cr, k, k);
        draw_scene(cr, scene, text);
        cairo_show_page(cr);
        st = check(cairo_status(cr), "drawing failed", err);
        cairo_destroy(cr);
        cairo_surface_finish(s);
        if (st == CM_OK)
            st = check(cairo_surface_status(s), "writing PDF", err);
    }
    cairo_surface_destroy(s);
    return st;
}
