#pragma once
// A capacity plan read out year by year in the layout of an indicator.

#include "wardsim/engine/dimensions.h"
#include "wardsim/models/service_parameters.h"
#include "wardsim/models/service_result.h"

namespace wardsim::models {

// Row = population year (plan.in_year(base_year + row)), column = district × category.
IndicatorValues capacity_series(const CapacityPlan& plan, const engine::Dimensions& dims);

}  // namespace wardsim::models
