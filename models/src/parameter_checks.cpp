#include "parameter_checks.h"

#include "wardsim/error.h"

namespace wardsim::models {

void ParameterChecks::year_series(const YearSeries& series, const std::string& name) {
  if (static_cast<int>(series.size()) != dims_.years()) {
    problems_.push_back(service_ + " " + name + ": expected " + std::to_string(dims_.years()) +
                        " years, found " + std::to_string(series.size()));
  }
}

void ParameterChecks::capacity_plan(const CapacityPlan& plan, int categories,
                                    const std::string& name) {
  if (plan.base.rows() != dims_.district_count() || plan.base.cols() != categories) {
    problems_.push_back(
        service_ + " " + name + ": expected " + std::to_string(dims_.district_count()) +
        " districts × " + std::to_string(categories) + " categories, found " +
        std::to_string(plan.base.rows()) + " × " + std::to_string(plan.base.cols()));
    return;
  }
  for (const CapacityPlan::Change& change : plan.changes) {
    if (change.district < 0 || change.district >= plan.base.rows() || change.category < 0 ||
        change.category >= plan.base.cols()) {
      problems_.push_back(service_ + " " + name + ": change in " + std::to_string(change.year) +
                          " names district " + std::to_string(change.district) + ", category " +
                          std::to_string(change.category) + " outside the plan");
    }
  }
}

void ParameterChecks::positive(double value, const std::string& name) {
  if (!(value > 0.0)) {
    problems_.push_back(service_ + " " + name + ": must be positive, found " +
                        std::to_string(value));
  }
}

void ParameterChecks::throw_if_failed() const {
  if (!problems_.empty()) throw InputError(problems_);
}

}  // namespace wardsim::models
