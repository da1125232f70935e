/* fuzz_style: the input is a style file, read by cm_style_load. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_util.h"
#include "style/style.h"

static const char *style_path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_make_dir("style");
    style_path = fuzz_path("in.yaml");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cm_map_style s;
    cm_error err = CM_ERROR_INIT;
    fuzz_write(style_path, data, size);
    cm_style_load(style_path, &s, &err);
    cm_style_free(&s);
    cm_error_clear(&err);
    return 0;
}
