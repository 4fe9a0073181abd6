#include "wardsim/models/backcast/post_peak.h"

#include <cmath>

namespace wardsim::models::backcast {

std::vector<UnitSurplus> post_peak_surplus(const ServiceNeed& need, const Eigen::ArrayXXd& added) {
  std::vector<UnitSurplus> result;
  for (int u = 0; u < need.unit_count(); ++u) {
    UnitSurplus unit{.unit = u};
    Eigen::Index peak = 0;
    need.demand.col(u).maxCoeff(&peak);
    unit.peak_year = need.base_year + static_cast<int>(peak);
    for (int i = static_cast<int>(peak) + 1; i < need.year_count(); ++i) {
      const double idle = std::floor(need.capacity(i, u) + added(i, u) - need.demand(i, u) + 1e-9);
      if (idle < 1.0) continue;
      if (unit.first_surplus_year == 0) unit.first_surplus_year = need.base_year + i;
      if (idle > unit.largest_surplus) {
        unit.largest_surplus = idle;
        unit.largest_surplus_year = need.base_year + i;
      }
    }
    result.push_back(unit);
  }
  return result;
}

Eigen::ArrayXXd district_surplus(const ServiceNeed& need, const Eigen::ArrayXXd& added,
                                 int districts) {
  Eigen::ArrayXXd surplus = Eigen::ArrayXXd::Zero(districts, need.year_count());
  for (int u = 0; u < need.unit_count(); ++u) {
    for (int i = 0; i < need.year_count(); ++i) {
      const double idle = std::floor(need.capacity(i, u) + added(i, u) - need.demand(i, u) + 1e-9);
      if (idle > 0.0) surplus(need.unit_district[static_cast<std::size_t>(u)], i) += idle;
    }
  }
  return surplus;
}

}  // namespace wardsim::models::backcast
