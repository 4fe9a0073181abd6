#pragma once
// Private to wardsim::io: checking and writing the service-demand results of one scenario
// (/scenarios/<name>/services/…, contract: docs/results_format.md).

#include <string>
#include <vector>

#include "h5_util.h"
#include "wardsim/engine/projection.h"
#include "wardsim/models/service_result.h"

namespace wardsim::io {

// Appends every problem of `services` against the projection's dimensions to `problems`, each
// starting with `who` (e.g. "scenario 'baseline'"). Writes nothing.
void check_services(const std::vector<models::ServiceResult>& services,
                    const engine::Dimensions& dims, const std::string& who,
                    std::vector<std::string>& problems);

// Writes `services` (already checked against `dims`) under `<scenario_group>/services`.
void write_services(h5::File& h5, const std::string& scenario_group, const engine::Dimensions& dims,
                    const std::vector<models::ServiceResult>& services);

}  // namespace wardsim::io
