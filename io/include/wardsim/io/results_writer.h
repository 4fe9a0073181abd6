#pragma once
// Writes the HDF5 results file, the system of record (contract: docs/results_format.md).

#include <filesystem>
#include <vector>

#include "wardsim/engine/projection.h"
#include "wardsim/io/provenance.h"
#include "wardsim/models/service_result.h"

namespace wardsim::models::backcast {
struct BackcastReport;
}

namespace wardsim::io {

struct ScenarioResults {
  const engine::Projection* projection = nullptr;
  Provenance provenance;
  // Service demand computed from the projection (written under services/); none if null.
  const std::vector<models::ServiceResult>* services = nullptr;
  // A backcast of this scenario (written under backcast/, see backcast_writer.h); none if null.
  const models::backcast::BackcastReport* backcast = nullptr;
};

// Writes every scenario into one new file at `file`: first to a temporary name beside it, renamed
// into place only when complete, so a failure never leaves a partial or stale-looking results file.
// All scenarios must share the same dimensions (years and districts), and every service result
// must match its projection's years and districts (else InputError listing every problem, before
// anything is written). Throws IoError on failure.
void write_results(const std::filesystem::path& file,
                   const std::vector<ScenarioResults>& scenarios);

}  // namespace wardsim::io
