#pragma once

namespace arbor {

/**
 * How the C library's allocator hands memory back to the system, set once per process.
 *
 * Indexing a busy chain allocates and frees buffers of megabytes many times a second (node
 * answers, decoded ranges, the rows of a promotion), on several threads. glibc's defaults give
 * freed memory back early (a heap's free top, a large block's own mapping), and the next buffer
 * takes every page again with a page fault. keepFreedMemoryForReuse() keeps up to 128 MB free
 * per heap and allocates blocks below 32 MB from the heaps, not as mappings of their own: what
 * was freed serves the next range instead of being faulted in again. The cost is that much
 * memory kept after a burst of indexing.
 *
 * A no-op where the C library is not glibc.
 *
 * arborctl sets it (a batch `index` or `queue run`, and `serve`); the console does not: a
 * desktop application left running for days gives memory back after a catch-up instead. Both
 * the console and `serve` also hand what stays free back once a minute (HeapTrimmer).
 *
 * Thread: call on the main thread before other threads start (arborctl's main()).
 */
void keepFreedMemoryForReuse();

} // namespace arbor
