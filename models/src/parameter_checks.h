#pragma once
// Shape checks a model makes before it indexes its parameters. The scenario side validates values
// and ranges; these only guard against parameters built for another projection (wrong number of
// years or districts), which would otherwise read out of bounds.

#include <string>
#include <utility>
#include <vector>

#include "wardsim/engine/dimensions.h"
#include "wardsim/models/service_parameters.h"

namespace wardsim::models {

class ParameterChecks {
 public:
  ParameterChecks(std::string service, const engine::Dimensions& dims)
      : service_(std::move(service)), dims_(dims) {}

  void year_series(const YearSeries& series, const std::string& name);
  void capacity_plan(const CapacityPlan& plan, int categories, const std::string& name);
  void positive(double value, const std::string& name);

  // Throws InputError listing every problem found, if any.
  void throw_if_failed() const;

 private:
  std::string service_;
  const engine::Dimensions& dims_;
  std::vector<std::string> problems_;
};

}  // namespace wardsim::models
