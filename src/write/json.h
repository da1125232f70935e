/* json: writing JSON strings and numbers safely. */
#ifndef CM_JSON_H
#define CM_JSON_H

#include <stdio.h>

/* Writes s as a quoted JSON string (control characters escaped). */
void cm_json_string(FILE *fp, const char *s);
/* Writes a number, or null when it is not finite. */
void cm_json_number(FILE *fp, double v, int decimals);

#endif
