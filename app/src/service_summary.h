#pragma once
// The service part of the `wardsim run` summary: per service the ward's peak headline demand,
// base-year demand vs capacity, and the districts with a shortfall.

#include <ostream>
#include <vector>

#include "wardsim/engine/dimensions.h"
#include "wardsim/models/service_result.h"

namespace wardsim::app {

void print_service_summary(const std::vector<models::ServiceResult>& services,
                           const engine::Dimensions& dims, std::ostream& out);

}  // namespace wardsim::app
