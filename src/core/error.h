/* error: the one status type and the error value every stage fills. Only main prints. */
#ifndef CM_ERROR_H
#define CM_ERROR_H

#include <stddef.h>

typedef enum {
    CM_OK = 0,
    CM_EINPUT = 1, /* bad input or usage: the user can fix it (exit code 1) */
    CM_ESYS = 2,   /* a failure of ours or of the system (exit code 2) */
} cm_status;

/* Collects one or more messages, each "place: text" on its own line. The first error's
 * status wins. Owned by whoever declared it; release with cm_error_clear. */
typedef struct {
    cm_status status;
    int count;  /* number of errors added */
    char *text; /* owned; NULL while count == 0 */
    size_t len;
} cm_error;

#define CM_ERROR_INIT                                                                              \
    {                                                                                              \
        CM_OK, 0, NULL, 0                                                                          \
    }

/* Adds one message. file may be NULL; line/col <= 0 are left out of the place.
 * Returns status, so callers can `return cm_error_add(...)`. */
cm_status cm_error_add(cm_error *err, cm_status status, const char *file, long line, long col,
                       const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Appends every message of src to err (no length limit), keeping err's first status. */
void cm_error_merge(cm_error *err, const cm_error *src);

/* Adds a message for an allocation that failed (never allocates itself). */
cm_status cm_error_oom(cm_error *err);

void cm_error_clear(cm_error *err);

#endif
