#pragma once
// The least additional capacity that meets a service target, with the year each decision is due.

#include <Eigen/Core>
#include <vector>

#include "wardsim/models/backcast/service_need.h"

namespace wardsim::models::backcast {

// Places first needed in `need_year` in one unit: they must be decided by need_year − lead time;
// `too_late` when that is before the base year (the decision could not be taken in time).
struct Decision {
  int unit = 0;
  int need_year = 0;
  int decide_by = 0;
  double places = 0.0;
  bool too_late = false;
};

struct CapacitySchedule {
  int from_year = 0;
  int to_year = 0;
  int lead_time = 0;
  Eigen::ArrayXXd added;      // year × unit: cumulative additional places in force
  Eigen::ArrayXXd permanent;  // of `added`, the part still needed until to_year (build it)
  Eigen::ArrayXXd transient;  // added − permanent: idle again before to_year (temporary/convert)
  std::vector<Decision> decisions;  // in need-year order, then unit
  // First year the target can be met with new capacity (base year + lead time, at least from).
  int earliest_feasible_year = 0;

  double total_places() const;
  bool any_too_late() const;
};

// Added capacity stays once built, so the least cumulative addition meeting every year of
// [from, to] is the running maximum of the whole-place shortfall; each increase is a decision.
CapacitySchedule least_capacity_schedule(const ServiceNeed& need, int from_year, int to_year,
                                         int lead_time);

// Whether capacity + added ≥ demand in every unit and year of [from, to]; the first failing
// (year, unit) goes to *failed_year / *failed_unit when given.
bool meets_target(const ServiceNeed& need, const Eigen::ArrayXXd& added, int from_year, int to_year,
                  int* failed_year = nullptr, int* failed_unit = nullptr);

}  // namespace wardsim::models::backcast
