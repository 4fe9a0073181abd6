#pragma once
// Writes the HDF5 results file, the system of record (contract: docs/results_format.md).

#include <filesystem>
#include <vector>

#include "wardsim/engine/projection.h"
#include "wardsim/io/provenance.h"

namespace wardsim::io {

struct ScenarioResults {
  const engine::Projection* projection = nullptr;
  Provenance provenance;
};

// Writes every scenario into one new file at `file`: first to a temporary name beside it, renamed
// into place only when complete, so a failure never leaves a partial or stale-looking results file.
// All scenarios must share the same dimensions (years and districts). Throws IoError on failure.
void write_results(const std::filesystem::path& file,
                   const std::vector<ScenarioResults>& scenarios);

}  // namespace wardsim::io
