/* utf8: a byte-level check of UTF-8 sequences (overlongs of two bytes and code points past
 * U+10FFFF refused). */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

char *cm_utf8_clean(const char *s, int latin1)
{
    size_t n = strlen(s);
    char *out = malloc(n * 3 + 1);
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    char *o = out;
    while (*p) {
        if (*p < 0x80) {
            *o++ = (char)*p++;
            continue;
        }
        if (latin1) {
            *o++ = (char)(0xC0 | (*p >> 6));
            *o++ = (char)(0x80 | (*p & 0x3F));
            p++;
            continue;
        }
        int len = (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
        int ok = len > 0 && !(len == 2 && *p < 0xC2) && !(len == 4 && *p > 0xF4);
        for (int k = 1; ok && k < len; k++)
            ok = (p[k] & 0xC0) == 0x80;
        if (ok) {
            memcpy(o, p, (size_t)len);
            o += len;
            p += len;
        } else {
            memcpy(o, "\xEF\xBF\xBD", 3); /* U+FFFD: visible, never breaks Pango */
            o += 3;
            p++;
        }
    }
    *o = '\0';
    return out;
}
