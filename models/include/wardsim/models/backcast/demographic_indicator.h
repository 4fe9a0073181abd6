#pragma once
// The demographic indicators of targets, read off a projection.

#include "wardsim/engine/projection.h"
#include "wardsim/models/backcast/targets.h"

namespace wardsim::models::backcast {

// In `year` over the target's districts: the share of children aged 0–14 in % of residents
// (ChildShare0To14), the residents (WardTotal), or the total divided by the base-year total
// (PublishedPath). Throws std::invalid_argument for a service target or a year outside.
double demographic_value(const Target& target, const engine::Projection& projection, int year);

// Whether `value` lies within the target's bounds.
bool within_bounds(const Target& target, double value);

}  // namespace wardsim::models::backcast
