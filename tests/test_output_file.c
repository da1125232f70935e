/* Unit tests of output_file: never a half-written or clobbered file, never a replaced
 * directory, device or link. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "write/output_file.h"

static char dir[] = "/tmp/cm_test_out_XXXXXX";

static cm_status fail_midway(FILE *fp, void *data, cm_error *err)
{
    (void)data;
    fputs("half", fp);
    return cm_error_add(err, CM_ESYS, NULL, 0, 0, "backend failed");
}

static int count_entries(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 1", dir);
    return system(cmd) == 0;
}

static char *slurp(const char *path)
{
    static char buf[256];
    FILE *fp = fopen(path, "rb");
    size_t n = fp ? fread(buf, 1, sizeof buf - 1, fp) : 0;
    if (fp)
        fclose(fp);
    buf[n] = '\0';
    return buf;
}

int main(void)
{
    if (!mkdtemp(dir))
        return 2;
    char path[300], sub[300], link[300];
    snprintf(path, sizeof path, "%s/map.svg", dir);
    cm_error err = CM_ERROR_INIT;

    CHECK(cm_output_write_text(path, "good", &err) == CM_OK);
    CHECK_STR(slurp(path), "good");
    /* a failing backend leaves the old file as it was and no temporary file */
    CHECK(cm_output_write(path, fail_midway, NULL, &err) == CM_ESYS);
    CHECK_STR(slurp(path), "good");
    CHECK(count_entries());
    cm_error_clear(&err);

    snprintf(sub, sizeof sub, "%s/sub", dir);
    mkdir(sub, 0755);
    CHECK(cm_output_write_text(sub, "x", &err) == CM_EINPUT);
    CHECK_CONTAINS(err.text, "is a directory");
    cm_error_clear(&err);
    rmdir(sub);

    /* a link to a device is never replaced (only a link in our own directory is made) */
    snprintf(link, sizeof link, "%s/null.png", dir);
    CHECK(symlink("/dev/null", link) == 0);
    CHECK(cm_output_write_text(link, "x", &err) == CM_EINPUT);
    CHECK_CONTAINS(err.text, "not a regular file");
    struct stat sb;
    CHECK(lstat(link, &sb) == 0 && S_ISLNK(sb.st_mode));
    unlink(link);
    cm_error_clear(&err);

    snprintf(sub, sizeof sub, "%s/missing/map.png", dir);
    CHECK(cm_output_write_text(sub, "x", &err) == CM_EINPUT);
    CHECK_CONTAINS(err.text, "its directory does not exist");
    cm_error_clear(&err);

    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 2;
    return check_done("test_output_file");
}
