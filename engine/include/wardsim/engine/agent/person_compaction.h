#pragma once
// Removing the persons who left a district during the year (household slot kGone) from its
// person arrays, keeping the order of the others.

#include <cstddef>

#include "wardsim/engine/agent/district_agents.h"

namespace wardsim::engine::agent {

// Removes persons whose household is kGone, keeping the order of the others. Returns the number of
// survivors among the first `old_count` (the persons present before the year's births).
std::size_t remove_gone(DistrictAgents& agents, std::size_t old_count);

}  // namespace wardsim::engine::agent
