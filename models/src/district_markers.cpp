#include "district_markers.h"

#include <algorithm>

namespace wardsim::models {

std::vector<DistrictMarkers> district_markers(int base_year, const IndicatorValues& demand,
                                              const IndicatorValues& capacity,
                                              const IndicatorValues& shortfall) {
  const Eigen::Index years = demand.rows();
  std::vector<DistrictMarkers> markers(static_cast<std::size_t>(demand.cols()));
  for (Eigen::Index d = 0; d < demand.cols(); ++d) {
    DistrictMarkers& m = markers[static_cast<std::size_t>(d)];
    for (Eigen::Index i = 0; i < years; ++i) {
      if (shortfall(i, d) > 0.0) {
        m.first_shortfall_year = base_year + static_cast<int>(i);
        break;
      }
    }
    Eigen::Index peak = 0;
    for (Eigen::Index i = 1; i < years; ++i) {
      if (demand(i, d) > demand(peak, d)) peak = i;  // strict: the earliest of equal peaks
    }
    m.peak_demand_year = base_year + static_cast<int>(peak);
    m.peak_demand = years > 0 ? demand(peak, d) : 0.0;
    for (Eigen::Index i = peak + 1; i < years; ++i) {
      const double idle = capacity(i, d) - demand(i, d);
      if (idle > 0.0) {
        m.post_peak_surplus_years.push_back(base_year + static_cast<int>(i));
        m.largest_post_peak_surplus = std::max(m.largest_post_peak_surplus, idle);
      }
    }
  }
  return markers;
}

std::vector<DistrictMarkers> district_markers(int base_year, const IndicatorValues& demand,
                                              const IndicatorValues& capacity) {
  const IndicatorValues shortfall = (demand - capacity).max(0.0);
  return district_markers(base_year, demand, capacity, shortfall);
}

}  // namespace wardsim::models
