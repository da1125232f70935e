/* json: the escaping rules of RFC 8259. */
#include "json.h"

#include <math.h>

void cm_json_string(FILE *fp, const char *s)
{
    fputc('"', fp);
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(fp, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", fp);
        else if (c == '\t')
            fputs("\\t", fp);
        else if (c == '\r')
            fputs("\\r", fp);
        else if (c < 0x20)
            fprintf(fp, "\\u%04x", c);
        else
            fputc(c, fp);
    }
    fputc('"', fp);
}

void cm_json_number(FILE *fp, double v, int decimals)
{
    if (!isfinite(v))
        fputs("null", fp);
    else
        fprintf(fp, "%.*f", decimals, v);
}
