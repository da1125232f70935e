/* error: formats "file:line:col: message" lines into a growing buffer. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void append(cm_error *err, const char *s, size_t n)
{
    char *grown = realloc(err->text, err->len + n + 1);
    if (!grown)
        return; /* the status still says what happened */
    memcpy(grown + err->len, s, n);
    err->len += n;
    grown[err->len] = '\0';
    err->text = grown;
}

cm_status cm_error_add(cm_error *err, cm_status status, const char *file, long line, long col,
                       const char *fmt, ...)
{
    char place[1200] = "";
    char msg[2048];
    va_list ap;

    if (!err)
        return status;
    if (file && line > 0 && col > 0)
        snprintf(place, sizeof place, "%s:%ld:%ld: ", file, line, col);
    else if (file && line > 0)
        snprintf(place, sizeof place, "%s:%ld: ", file, line);
    else if (file)
        snprintf(place, sizeof place, "%s: ", file);
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (err->count > 0)
        append(err, "\n", 1);
    append(err, place, strlen(place));
    append(err, msg, strlen(msg));
    if (err->status == CM_OK)
        err->status = status;
    err->count++;
    return err->status;
}

void cm_error_merge(cm_error *err, const cm_error *src)
{
    if (!err || !src || src->count == 0)
        return;
    if (err->count > 0)
        append(err, "\n", 1);
    append(err, src->text ? src->text : "", src->len);
    if (err->status == CM_OK)
        err->status = src->status;
    err->count += src->count;
}

cm_status cm_error_oom(cm_error *err)
{
    return cm_error_add(err, CM_ESYS, NULL, 0, 0, "out of memory");
}

void cm_error_clear(cm_error *err)
{
    free(err->text);
    err->text = NULL;
    err->len = 0;
    err->count = 0;
    err->status = CM_OK;
}
