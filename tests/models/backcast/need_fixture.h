#pragma once
// Hand-made service needs for the backcasting tests: demand and capacity set year by year so that
// every expected schedule and cost can be worked out on paper.

#include <vector>

#include "wardsim/models/backcast/service_need.h"

namespace wardsim::models::backcast::testing {

// One column per unit: demand[unit][year index], the same capacity every year; district = unit.
inline ServiceNeed make_need(const std::vector<std::vector<double>>& demand, double capacity,
                             int base_year = 2025) {
  ServiceNeed need;
  need.facility = "childcare";
  need.units = "places";
  need.base_year = base_year;
  const auto years = static_cast<Eigen::Index>(demand.front().size());
  const auto units = static_cast<Eigen::Index>(demand.size());
  need.demand.resize(years, units);
  need.capacity = Eigen::ArrayXXd::Constant(years, units, capacity);
  for (Eigen::Index u = 0; u < units; ++u) {
    for (Eigen::Index i = 0; i < years; ++i) {
      need.demand(i, u) = demand[static_cast<std::size_t>(u)][static_cast<std::size_t>(i)];
    }
    need.unit_labels.push_back("D" + std::to_string(u));
    need.unit_district.push_back(static_cast<int>(u));
  }
  return need;
}

}  // namespace wardsim::models::backcast::testing
