#pragma once

class QThread;

namespace arbor {

/**
 * Marks `thread` as background work: when it starts, its scheduling priority is lowered by
 * `niceness` (Linux: the thread's nice value), so that on a busy machine the thread that
 * renders the console (or answers Ctrl+C in arborctl) gets the CPU first. Indexers, store
 * threads, the network thread and queue workers are all background work; with the machine
 * idle they run at full speed as before.
 *
 * Call before thread->start().
 */
void runInBackground(QThread *thread, int niceness = 10);

} // namespace arbor
