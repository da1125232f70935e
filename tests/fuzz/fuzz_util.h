/* fuzz_util: what the three libFuzzer harnesses share. Each process makes one private
 * directory under /tmp (mkdtemp; CM_FUZZ_TMP may name a parent directory under /tmp), writes
 * the inputs there and nowhere else, and removes them at exit. */
#ifndef CM_FUZZ_UTIL_H
#define CM_FUZZ_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FUZZ_MAX_FILES 8

static char fuzz_dir[512];
static char fuzz_files[FUZZ_MAX_FILES][600];
static int fuzz_nfiles;

static void fuzz_cleanup(void)
{
    for (int i = 0; i < fuzz_nfiles; i++)
        unlink(fuzz_files[i]);
    if (fuzz_dir[0])
        rmdir(fuzz_dir);
}

/* Makes the private directory; aborts when it cannot (nothing else is ever written). */
static void fuzz_make_dir(const char *name)
{
    const char *parent = getenv("CM_FUZZ_TMP");
    if (!parent || strncmp(parent, "/tmp/", 5) != 0 || strstr(parent, ".."))
        parent = "/tmp";
    snprintf(fuzz_dir, sizeof fuzz_dir, "%s/cm_fuzz_%s.XXXXXX", parent, name);
    if (!mkdtemp(fuzz_dir)) {
        perror(fuzz_dir);
        abort();
    }
    atexit(fuzz_cleanup);
}

/* The path of a file in the private directory, remembered for the cleanup. */
static const char *fuzz_path(const char *file)
{
    char p[600];
    snprintf(p, sizeof p, "%s/%s", fuzz_dir, file);
    for (int i = 0; i < fuzz_nfiles; i++)
        if (!strcmp(fuzz_files[i], p))
            return fuzz_files[i];
    if (fuzz_nfiles == FUZZ_MAX_FILES)
        abort();
    strcpy(fuzz_files[fuzz_nfiles], p);
    return fuzz_files[fuzz_nfiles++];
}

/* Writes data to a file of the private directory; aborts when it cannot. */
static void fuzz_write(const char *path, const unsigned char *data, size_t size)
{
    FILE *fp = fopen(path, "wb");
    if (!fp || (size && fwrite(data, 1, size, fp) != size) || fclose(fp) != 0) {
        perror(path);
        abort();
    }
}

#endif
