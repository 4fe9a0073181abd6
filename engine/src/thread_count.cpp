#include "wardsim/engine/thread_count.h"

#include <oneapi/tbb/info.h>

namespace wardsim::engine {

int resolve_thread_count(int requested) {
  return requested > 0 ? requested : tbb::info::default_concurrency();
}

}  // namespace wardsim::engine
