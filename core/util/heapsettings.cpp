#include "util/heapsettings.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace arbor {

void keepFreedMemoryForReuse()
{
#ifdef __GLIBC__
    // Setting either turns off glibc's own adjustment of both, so both are set.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
#endif
}

void shareFewHeaps()
{
#ifdef __GLIBC__
    mallopt(M_ARENA_MAX, 2);
#endif
}

} // namespace arbor
