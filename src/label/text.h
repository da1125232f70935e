/* text: the home of Pango. Measures label text and draws it (with its halo) on a Cairo
 * context, so that measuring and drawing use one font setup and agree. */
#ifndef CM_TEXT_H
#define CM_TEXT_H

#include "../core/error.h"
#include "../scene/scene.h"

/* Owns a Pango font map and context; free with cm_text_free. */
typedef struct cm_text cm_text;

cm_text *cm_text_new(void);
void cm_text_free(cm_text *t);

/* Fills it->width_px, ascent_px and descent_px from it->text, font, size_px, italic and
 * letter_spacing_px. */
cm_status cm_text_measure(cm_text *t, cm_item *it, cm_error *err);

/* Checks that every family of a comma-separated list is installed; on failure returns -1
 * and copies the first missing family into missing. */
int cm_text_check_families(cm_text *t, const char *families, char *missing, size_t n);

/* Draws a text item (halo first, then the glyphs as real text) on a cairo_t. cr is a
 * cairo_t*, passed as void* so that this header does not pull in Cairo. */
void cm_text_draw(cm_text *t, void *cr, const cm_item *it);

#endif
