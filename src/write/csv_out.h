/* csv_out: writing CSV fields (RFC 4180) for `list` and `compare`. */
#ifndef CM_CSV_OUT_H
#define CM_CSV_OUT_H

#include <stdio.h>

/* Writes s as one field, quoted only when it holds a comma, quote or line break, then a
 * comma, or a line end when last is set. */
void cm_csv_field(FILE *fp, const char *s, int last);

#endif
