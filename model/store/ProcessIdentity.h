#pragma once

#include <QString>

namespace hardtoken::process {

// This process as another process on the same machine can recognise it later: "<pid>:<start>",
// where <start> is the process's start time as the operating system keeps it (Linux: the start
// time in clock ticks since boot from /proc; Windows: the creation FILETIME). A pid that is reused
// by a later process has another start time, so a tag names exactly one process, ever.
QString selfTag();

// Whether the process named by `tag` (from selfTag(), on this machine) is still running. A tag this
// code cannot read is taken as alive: an attempt is never released on a guess.
bool isAlive(const QString& tag);

} // namespace hardtoken::process
