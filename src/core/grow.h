/* grow: the one way arrays grow here (doubling), so no module writes its own realloc dance. */
#ifndef CM_GROW_H
#define CM_GROW_H

#include <stddef.h>

/* Makes room for `need` elements of `elem` bytes in *arr (capacity *cap, at least `first`
 * when it grows from nothing). Returns 0, or -1 when out of memory (the array is kept). */
int cm_grow(void **arr, size_t *cap, size_t need, size_t elem, size_t first);

#endif
