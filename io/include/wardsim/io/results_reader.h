#pragma once
// Reads results files back: the projection cube and flows, service demand, provenance, and a human
// summary.

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "wardsim/engine/projection.h"
#include "wardsim/io/provenance.h"
#include "wardsim/models/service_result.h"

namespace wardsim::io {

// Names of the scenarios in a results file. Throws IoError if the file cannot be opened and
// InputError if it is not a wardsim results file.
std::vector<std::string> list_scenarios(const std::filesystem::path& file);

// The dimensions shared by every scenario of the file (years, district labels), without reading
// any cube.
engine::Dimensions read_dimensions(const std::filesystem::path& file);

// The projection (dims with district labels, population, flows) of one scenario.
engine::Projection read_projection(const std::filesystem::path& file, const std::string& scenario);

// The service-demand results of one scenario, in the order written (empty if it has none).
std::vector<models::ServiceResult> read_services(const std::filesystem::path& file,
                                                 const std::string& scenario);

Provenance read_provenance(const std::filesystem::path& file, const std::string& scenario);

// What `wardsim info` prints: scenarios, dimensions, years, provenance, datasets and, per service,
// its indicators with shapes and units.
void describe_results(const std::filesystem::path& file, std::ostream& out);

}  // namespace wardsim::io
