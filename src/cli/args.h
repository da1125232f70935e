/* args: small helpers shared by the subcommands' option parsing. */
#ifndef CM_ARGS_H
#define CM_ARGS_H

#include "../core/error.h"

/* The value after option argv[*i] (advancing *i), or NULL with a usage error in err. */
const char *cm_arg_value(int argc, char **argv, int *i, cm_error *err);
/* A whole number from lo to hi, or -1 with a usage error naming opt. */
int cm_arg_int(const char *opt, const char *s, long lo, long hi, long *out, cm_error *err);

/* rel ("styles", "geodata", "output") in the current directory when the current directory
 * is a corridormap checkout (it has styles/), else in the checkout this binary was built
 * from. Returns a static buffer; valid until the next call. */
const char *cm_project_path(const char *rel);

#endif
