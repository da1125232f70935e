/* utf8: text from files is made valid UTF-8 at the boundary, so that Pango and the SVG
 * writer never see broken sequences. */
#ifndef CM_UTF8_H
#define CM_UTF8_H

/* A copy of s as valid UTF-8: Latin-1 bytes transcoded when latin1 is set, otherwise each
 * invalid byte replaced by U+FFFD (visible, never fatal). Owned; free(). NULL when out of
 * memory. */
char *cm_utf8_clean(const char *s, int latin1);

#endif
