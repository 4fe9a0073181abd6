#pragma once
// After the peak: where and when capacity becomes idle, and which idle capacity could serve
// another service in the same district.

#include <string>
#include <vector>

#include "wardsim/models/backcast/capacity_schedule.h"
#include "wardsim/models/backcast/service_need.h"

namespace wardsim::models::backcast {

struct UnitSurplus {
  int unit = 0;
  int peak_year = 0;             // year of the unit's largest demand
  int first_surplus_year = 0;    // first year after the peak with idle places; 0 = none
  double largest_surplus = 0.0;  // idle places at their largest after the peak
  int largest_surplus_year = 0;
};

// Surplus after each unit's demand peak, counting the scheduled additions as built.
std::vector<UnitSurplus> post_peak_surplus(const ServiceNeed& need, const Eigen::ArrayXXd& added);

// Idle places of one service (by district and year, whole places) — the donor side of a
// conversion: max(0, floor(capacity + added − demand)) summed over the district's units.
Eigen::ArrayXXd district_surplus(const ServiceNeed& need, const Eigen::ArrayXXd& added,
                                 int districts);

}  // namespace wardsim::models::backcast
