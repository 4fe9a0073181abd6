#pragma once
// One what-if run of `wardsim serve`: the levers' scenario file, loaded through the scenario loader
// (so it is validated exactly like a file), projected with the cohort kernel and fed to the service
// models. Each call builds its own scenario and projection; only the file cache is shared.

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "wardsim/engine/projection.h"
#include "wardsim/models/service_result.h"
#include "wardsim/scenarios/file_cache.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::app::serve {

// Where the time of a run went, in milliseconds.
struct WhatIfTiming {
  double load = 0.0;      // levers → scenario file → loader (TOML, tables, validation)
  double project = 0.0;   // cohort kernel
  double services = 0.0;  // service-demand models
  double total = 0.0;
};

struct WhatIfRun {
  scenarios::Scenario scenario;
  std::string scenario_toml;  // the scenario file the levers make
  engine::Projection projection;
  std::vector<models::ServiceResult> services;  // empty if the scenario has no [services]
  WhatIfTiming timing;
};

// The name problems give the in-memory scenario file of the levers.
inline constexpr const char* kLeversFileName = "levers.toml";

// Throws InputError listing every problem of the levers (the translation's and the loader's)
// at once. `cache` may be null (every file is read from disk).
WhatIfRun run_what_if(const std::filesystem::path& base_file, const nlohmann::json& levers,
                      const std::string& name, scenarios::FileCache* cache, int threads);

}  // namespace wardsim::app::serve
