/* args: option values with their checks. */
#include "args.h"

#include <errno.h>
#include <stdlib.h>

const char *cm_arg_value(int argc, char **argv, int *i, cm_error *err)
{
    if (*i + 1 >= argc) {
        cm_error_add(err, CM_EINPUT, NULL, 0, 0, "option %s needs a value", argv[*i]);
        return NULL;
    }
    return argv[++*i];
}

int cm_arg_int(const char *opt, const char *s, long lo, long hi, long *out, cm_error *err)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || errno || v < lo || v > hi) {
        cm_error_add(err, CM_EINPUT, NULL, 0, 0,
                     "%s must be a whole number from %ld to %ld, not '%s'", opt, lo, hi, s);
        return -1;
    }
    *out = v;
    return 0;
}
