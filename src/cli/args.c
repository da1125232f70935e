/* args: option values with their checks. */
#include "args.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

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

const char *cm_project_path(const char *rel)
{
    static char buf[4096];
    struct stat sb;
#ifdef CM_PROJECT_DIR
    if (stat("styles", &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        snprintf(buf, sizeof buf, "%s/%s", CM_PROJECT_DIR, rel);
        return buf;
    }
#else
    (void)sb;
#endif
    snprintf(buf, sizeof buf, "%s", rel);
    return buf;
}
