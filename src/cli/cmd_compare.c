/* cmd_compare: `corridormap compare`: the routes side by side (see compare module). */
#include "commands.h"

cm_status cm_cmd_compare(int argc, char **argv, cm_error *err)
{
    (void)argc;
    (void)argv;
    return cm_error_add(err, CM_EINPUT, NULL, 0, 0, "compare is not built yet");
}
