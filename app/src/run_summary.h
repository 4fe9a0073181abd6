#pragma once
// The short summary `wardsim run` prints: the numbers a planner checks first.

#include <ostream>

#include "wardsim/engine/projection.h"

namespace wardsim::app {

void print_run_summary(const engine::Projection& projection, std::ostream& out);

}  // namespace wardsim::app
