/* fuzz_csv: the input is a CSV layer, read by cm_csv_load as features, as points and as an
 * attribute table; the table is then joined onto the features. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_util.h"
#include "load/csv_layer.h"

static const char *csv_path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_make_dir("csv");
    csv_path = fuzz_path("in.csv");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cm_layer features = {0}, points = {0}, table = {0};
    cm_error err = CM_ERROR_INIT;
    fuzz_write(csv_path, data, size);
    cm_status fst = cm_csv_load(csv_path, CM_CSV_FEATURES, &features, &err);
    cm_csv_load(csv_path, CM_CSV_POINTS, &points, &err);
    cm_status tst = cm_csv_load(csv_path, CM_CSV_TABLE, &table, &err);
    if (fst == CM_OK && tst == CM_OK)
        cm_layer_join(&features, &table, &err);
    cm_layer_free(&features);
    cm_layer_free(&points);
    cm_layer_free(&table);
    cm_error_clear(&err);
    return 0;
}
