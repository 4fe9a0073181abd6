#pragma once
// The constrained projection: the yearly in-migration level that makes the ward total follow a
// published path (e.g. IPSS 2023), solved year by year on the cohort kernel's own step.

#include <vector>

#include "wardsim/engine/projection.h"
#include "wardsim/engine/projection_inputs.h"
#include "wardsim/models/backcast/targets.h"

namespace wardsim::models::backcast {

struct PathProjection {
  engine::Projection projection;
  std::vector<double> in_migrants;     // per step (flow year), the level used
  std::vector<double> target_ratio;    // per population year: the path (1 at base; 0 after it)
  std::vector<int> unreachable_years;  // years the level hit 0 or the upper bound
};

// The path ratio of a year, interpolated geometrically between the points (base year = 1).
double path_ratio(const std::vector<PathPoint>& path, int base_year, int year);

// Each step up to the path's last year solves in_migrants in [0, max_in_migrants] so that
// total(t+1) / total(base) equals the path ratio; later steps hold the last level.
PathProjection follow_total_path(const engine::ProjectionInputs& inputs,
                                 const std::vector<PathPoint>& path, double max_in_migrants);

}  // namespace wardsim::models::backcast
