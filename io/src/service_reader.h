#pragma once
// Private to wardsim::io: reading and describing the service-demand results of one scenario
// (/scenarios/<name>/services/…, contract: docs/results_format.md).

#include <ostream>
#include <string>
#include <vector>

#include "h5_util.h"
#include "wardsim/engine/projection.h"
#include "wardsim/models/service_result.h"

namespace wardsim::io {

// The services under `<scenario_group>/services`, in the order written; empty if there are none.
// InputError if a dataset is missing or does not match `dims`.
std::vector<models::ServiceResult> read_services_from(const h5::File& h5,
                                                      const std::string& scenario_group,
                                                      const engine::Dimensions& dims);

// For `wardsim info`: per service its title, headline pair and indicators with shapes and units.
void describe_services(const h5::File& h5, const std::string& scenario_group, std::ostream& out);

}  // namespace wardsim::io
