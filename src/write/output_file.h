/* output_file: writes an output without ever leaving a half-written or clobbered file:
 * a temporary file beside the target, flushed and synced, then renamed over it. */
#ifndef CM_OUTPUT_FILE_H
#define CM_OUTPUT_FILE_H

#include <stdio.h>

#include "../core/error.h"

/* Writes the target by calling fill(fp, data, err). "-" writes to standard output. The
 * target must be a regular file or not exist: a directory, device or link to one is never
 * replaced. On any failure the temporary file is removed and the target is untouched. */
cm_status cm_output_write(const char *path, cm_status (*fill)(FILE *fp, void *data, cm_error *err),
                          void *data, cm_error *err);

/* Writes text to path in the same safe way. */
cm_status cm_output_write_text(const char *path, const char *text, cm_error *err);

#endif
