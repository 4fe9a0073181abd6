#pragma once
// Backcasting under uncertainty (`wardsim backcast --ensemble FILE --probability P`): sizes each
// service target's capacity to the demand that an ensemble does not exceed with probability P.

#include <optional>
#include <string>

#include "wardsim/engine/projection.h"
#include "wardsim/models/backcast/backcast_report.h"
#include "wardsim/models/service_parameters.h"

namespace wardsim::app {

struct UncertaintyRequest {
  std::string ensemble_file;      // a results file with /scenarios/<scenario>/ensemble
  std::string ensemble_scenario;  // the scenario whose ensemble is read
  double probability = 0.95;
};

// Reads the ensemble and returns the hook that turns each service target's central need into its
// need at the probability; `basis` records what was used. InputError (exit 3, every problem at
// once) for a probability outside (0, 1), a missing file, an ensemble of another scenario or
// other dimensions, or an ensemble that cannot give the probability asked for.
models::backcast::NeedUnderUncertainty need_under_uncertainty(
    const UncertaintyRequest& request, const engine::Projection& projection,
    const std::optional<models::ServiceParameters>& services,
    const models::backcast::TargetSet& targets, models::backcast::UncertaintyBasis& basis);

}  // namespace wardsim::app
