/* output_file: mkstemp in the target's own directory, so the rename is atomic (same file
 * system), and a refusal up front for targets that are not regular files: as root, a
 * rename onto /dev/null would replace the device for everyone. */
#include "output_file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static cm_status check_target(const char *path, cm_error *err)
{
    struct stat sb;
    if (lstat(path, &sb) != 0)
        return errno == ENOENT
                   ? CM_OK
                   : cm_error_add(err, CM_EINPUT, path, 0, 0, "cannot write: %s", strerror(errno));
    if (S_ISLNK(sb.st_mode)) {
        struct stat tb;
        if (stat(path, &tb) == 0 && !S_ISREG(tb.st_mode))
            return cm_error_add(err, CM_EINPUT, path, 0, 0,
                                "is a link to something that is not a regular file; not "
                                "replacing it");
        return cm_error_add(err, CM_EINPUT, path, 0, 0,
                            "is a symbolic link; not replacing it (give the file it points to)");
    }
    if (!S_ISREG(sb.st_mode))
        return cm_error_add(err, CM_EINPUT, path, 0, 0,
                            S_ISDIR(sb.st_mode) ? "is a directory; give a file name"
                                                : "is not a regular file; not replacing it");
    return CM_OK;
}

cm_status cm_output_write(const char *path, cm_status (*fill)(FILE *fp, void *data, cm_error *err),
                          void *data, cm_error *err)
{
    if (strcmp(path, "-") == 0) {
        cm_status st = fill(stdout, data, err);
        if (st == CM_OK && fflush(stdout) != 0)
            st = cm_error_add(err, CM_ESYS, "<stdout>", 0, 0, "write failed: %s", strerror(errno));
        return st;
    }
    cm_status st = check_target(path, err);
    if (st != CM_OK)
        return st;
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp)
        return cm_error_oom(err);
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path + 1) : 0;
    /* ".name.XXXXXX" beside the target: hidden, same directory, same file system */
    memcpy(tmp, path, dir);
    snprintf(tmp + dir, n + 16 - dir, ".%s.XXXXXX", path + dir);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        st = cm_error_add(err, errno == ENOENT || errno == ENOTDIR ? CM_EINPUT : CM_ESYS, path, 0,
                          0, "cannot write: %s",
                          errno == ENOENT ? "its directory does not exist" : strerror(errno));
        free(tmp);
        return st;
    }
    fchmod(fd, 0644);
    FILE *fp = fdopen(fd, "wb");
    if (!fp) {
        close(fd);
        unlink(tmp);
        free(tmp);
        return cm_error_add(err, CM_ESYS, path, 0, 0, "cannot write: %s", strerror(errno));
    }
    st = fill(fp, data, err);
    int werr = 0;
    if (fflush(fp) != 0 || ferror(fp))
        werr = errno ? errno : EIO;
    if (!werr && fsync(fileno(fp)) != 0 && errno != EINVAL)
        werr = errno;
    if (fclose(fp) != 0 && !werr)
        werr = errno ? errno : EIO;
    if (st == CM_OK && werr)
        st = cm_error_add(err, CM_ESYS, path, 0, 0, "write failed: %s", strerror(werr));
    if (st == CM_OK && rename(tmp, path) != 0)
        st =
            cm_error_add(err, CM_ESYS, path, 0, 0, "cannot rename into place: %s", strerror(errno));
    if (st != CM_OK)
        unlink(tmp);
    free(tmp);
    return st;
}

static cm_status put_text(FILE *fp, void *data, cm_error *err)
{
    (void)err;
    fputs(data, fp);
    return CM_OK;
}

cm_status cm_output_write_text(const char *path, const char *text, cm_error *err)
{
    return cm_output_write(path, put_text, (void *)text, err);
}
