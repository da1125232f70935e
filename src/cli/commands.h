/* commands: the subcommands. Each fills err and returns; main prints and exits. */
#ifndef CM_COMMANDS_H
#define CM_COMMANDS_H

#include "../core/error.h"

cm_status cm_cmd_default(int argc, char **argv, cm_error *err);
cm_status cm_cmd_render(int argc, char **argv, cm_error *err);
cm_status cm_cmd_list(int argc, char **argv, cm_error *err);
cm_status cm_cmd_compare(int argc, char **argv, cm_error *err);

/* Renders style with opts into out (format from `format` or out's extension). */
cm_status cm_render_to_file(const char *style, const void *opts, const char *out,
                            const char *format, cm_error *err);

#endif
