#pragma once
// A service target's need under uncertainty: the demand to plan for is the demand that is not
// exceeded with probability p over an ensemble, instead of the central projection's demand.

#include <Eigen/Core>
#include <vector>

#include "wardsim/models/backcast/service_need.h"

namespace wardsim::models::backcast {

// Exact: `draw_demand[k]` is draw k's demand (year × unit, the shape of central.demand). The
// returned need keeps central's capacity and labels; its demand in each year and unit is the
// least value met by at least a share p of the draws (capacity_at_probability), so the schedule
// built on it is the least capacity that meets the target in at least p of the draws, unit by
// unit and year by year.
ServiceNeed need_at_probability(const ServiceNeed& central,
                                const std::vector<Eigen::ArrayXXd>& draw_demand, double p);

// Approximate, for ensembles that store only a quantile of each district's demand summed over
// its categories (age groups, school levels): `district_demand` (year × district) is split over
// the district's units in the central projection's proportions (equally where the central
// demand is zero). Exact for targets with one unit per district.
ServiceNeed need_from_district_quantile(const ServiceNeed& central,
                                        const Eigen::ArrayXXd& district_demand);

}  // namespace wardsim::models::backcast
