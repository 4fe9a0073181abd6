#pragma once

namespace wardsim::engine {

// The number of worker threads a run uses: `requested`, or every hardware thread when 0.
int resolve_thread_count(int requested);

}  // namespace wardsim::engine
