#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "wardsim/models/service_parameters.h"

namespace wardsim::models {

Eigen::ArrayXXd CapacityPlan::in_year(int year) const {
  std::vector<const Change*> due;
  for (const Change& change : changes) {
    if (change.year <= year) due.push_back(&change);
  }
  // Stable: rows of the same year keep their order, so the later row wins.
  std::stable_sort(due.begin(), due.end(),
                   [](const Change* a, const Change* b) { return a->year < b->year; });
  Eigen::ArrayXXd capacity = base;
  for (const Change* change : due) {
    if (change->district < 0 || change->district >= capacity.rows() || change->category < 0 ||
        change->category >= capacity.cols()) {
      throw std::out_of_range("capacity change in " + std::to_string(change->year) +
                              " names district " + std::to_string(change->district) +
                              ", category " + std::to_string(change->category) +
                              " outside the plan's " + std::to_string(capacity.rows()) + " × " +
                              std::to_string(capacity.cols()) + " table");
    }
    capacity(change->district, change->category) = change->capacity;
  }
  return capacity;
}

}  // namespace wardsim::models
