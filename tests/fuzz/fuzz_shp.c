/* fuzz_shp: the input is a shapefile triple packed into one file, read by cm_shp_load.
 *
 * Packing (pack_shp.sh makes it, regressions.sh undoes it):
 *   bytes 0-3  length of the .shp part, little-endian (cut to what is there)
 *   bytes 4-7  length of the .shx part, little-endian (cut to what is there)
 *   byte  8    flags: bit 0 writes a .cpg saying ISO-8859-1 (Latin-1 DBF text),
 *              bit 1 loads with a lon/lat box filter (100..140 E, 30..60 N)
 *   then the .shp part, the .shx part, and the rest is the .dbf.
 * An input shorter than 9 bytes is three empty files. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_util.h"
#include "load/shp_layer.h"

static const char *shp_path, *shx_path, *dbf_path, *cpg_path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_make_dir("shp");
    shp_path = fuzz_path("in.shp");
    shx_path = fuzz_path("in.shx");
    dbf_path = fuzz_path("in.dbf");
    cpg_path = fuzz_path("in.cpg");
    return 0;
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t nshp = 0, nshx = 0, flags = 0;
    if (size >= 9) {
        nshp = le32(data);
        nshx = le32(data + 4);
        flags = data[8];
        data += 9;
        size -= 9;
    } else {
        size = 0;
    }
    if (nshp > size)
        nshp = size;
    if (nshx > size - nshp)
        nshx = size - nshp;
    fuzz_write(shp_path, data, nshp);
    fuzz_write(shx_path, data + nshp, nshx);
    fuzz_write(dbf_path, data + nshp + nshx, size - nshp - nshx);
    if (flags & 1)
        fuzz_write(cpg_path, (const uint8_t *)"ISO-8859-1\n", 11);
    else
        unlink(cpg_path);

    cm_bbox_filter box = {1, 100, 30, 140, 60};
    cm_layer layer = {0};
    cm_error err = CM_ERROR_INIT;
    cm_shp_load(shp_path, (flags & 2) ? &box : NULL, &layer, &err);
    cm_layer_free(&layer);
    cm_error_clear(&err);
    return 0;
}
