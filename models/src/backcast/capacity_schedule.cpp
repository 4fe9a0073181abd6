#include "wardsim/models/backcast/capacity_schedule.h"

#include <algorithm>

namespace wardsim::models::backcast {

double CapacitySchedule::total_places() const {
  return added.rows() == 0 ? 0.0 : added.row(added.rows() - 1).sum();
}

bool CapacitySchedule::any_too_late() const {
  return std::any_of(decisions.begin(), decisions.end(),
                     [](const Decision& decision) { return decision.too_late; });
}

CapacitySchedule least_capacity_schedule(const ServiceNeed& need, int from_year, int to_year,
                                         int lead_time) {
  CapacitySchedule schedule;
  schedule.from_year = from_year;
  schedule.to_year = to_year;
  schedule.lead_time = lead_time;
  schedule.earliest_feasible_year = std::max(from_year, need.base_year + lead_time);
  const int years = need.year_count();
  const int units = need.unit_count();
  schedule.added = Eigen::ArrayXXd::Zero(years, units);
  schedule.permanent = Eigen::ArrayXXd::Zero(years, units);
  const int first = from_year - need.base_year;
  const int last = to_year - need.base_year;
  for (int u = 0; u < units; ++u) {
    double running = 0.0;
    for (int i = first; i < years; ++i) {
      if (i <= last) running = std::max(running, need.shortfall(i, u));
      schedule.added(i, u) = running;
    }
    // The part of the addition that is needed in every later target year is permanent.
    double floor = 0.0;
    for (int i = last; i >= first; --i) {
      floor = i == last ? need.shortfall(i, u) : std::min(floor, need.shortfall(i, u));
      schedule.permanent(i, u) = std::min(floor, schedule.added(i, u));
    }
    for (int i = last + 1; i < years; ++i) schedule.permanent(i, u) = schedule.permanent(last, u);
  }
  schedule.transient = schedule.added - schedule.permanent;
  for (int i = first; i <= last; ++i) {
    for (int u = 0; u < units; ++u) {
      const double increase = schedule.added(i, u) - (i > first ? schedule.added(i - 1, u) : 0.0);
      if (increase <= 0.0) continue;
      const int year = need.base_year + i;
      schedule.decisions.push_back({.unit = u,
                                    .need_year = year,
                                    .decide_by = year - lead_time,
                                    .places = increase,
                                    .too_late = year - lead_time < need.base_year});
    }
  }
  return schedule;
}

bool meets_target(const ServiceNeed& need, const Eigen::ArrayXXd& added, int from_year, int to_year,
                  int* failed_year, int* failed_unit) {
  for (int year = from_year; year <= to_year; ++year) {
    const int i = year - need.base_year;
    for (int u = 0; u < need.unit_count(); ++u) {
      if (need.capacity(i, u) + added(i, u) + 1e-9 < need.demand(i, u)) {
        if (failed_year != nullptr) *failed_year = year;
        if (failed_unit != nullptr) *failed_unit = u;
        return false;
      }
    }
  }
  return true;
}

}  // namespace wardsim::models::backcast
