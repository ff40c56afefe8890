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

/**
 * For a process left running for days (the console, `arborctl serve`): its threads share two
 * of glibc's heaps.
 *
 * By default each thread takes a heap of its own at its first allocation, up to eight per core,
 * and each heap keeps what its threads freed among what they still hold: pages a trim cannot
 * give back. A console has a dozen threads (GUI, database connections, network, indexers,
 * deliveries). In two 30-minute soaks of the console run side by side, with the same traffic
 * and the same live heap (37 -> 49 MiB), resident memory went from 101 to at most 128 MiB by
 * default and from 99 to at most 118 MiB with two heaps; what the allocator kept beyond the live
 * heap was 76 MiB after 30 minutes by default and 60 MiB with two heaps. A batch `arborctl
 * index` was as fast with two heaps (median of 15 dense runs each, within 0.02 s), but keeps
 * glibc's default: it does not run long.
 *
 * A no-op where the C library is not glibc, and under a sanitizer (its allocator has no heaps).
 *
 * Thread: call on the main thread before other threads start: each thread takes its heap at
 * its first allocation, and a heap made stays.
 */
void shareFewHeaps();

} // namespace arbor
